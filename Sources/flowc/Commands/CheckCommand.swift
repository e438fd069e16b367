import ArgumentParser
import FlowCompiler

/// `flowc check`: parse and resolve flows, print every diagnostic, and exit with the verdict.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check .flow files, prove no leg is hung up by accident, and report every problem found.",
        discussion: """
            A path is a .flow file or a folder, searched recursively for .flow files; with no path, the \
            configuration's paths, else ./flows, are checked. Settings come from the nearest .flowc.json \
            in the first input's folder or above (Docs/Configuration.md). Text diagnostics go to standard \
            error; json, sarif, github and junit go to standard output.

            Exit codes: 0 no error (warnings allowed unless --strict); 1 an error, or a warning under \
            --strict; 2 a usage error, a path that cannot be read, or a configuration or baseline file \
            with an error.
            """
    )

    @Argument(help: "Files or folders to check (default: the configuration's paths, else flows).",
        completion: .file(extensions: ["flow"]))
    var paths: [String] = []

    @OptionGroup var policy: PolicyOptions

    @OptionGroup var output: DiagnosticOutputOptions

    @OptionGroup var watch: WatchOptions

    /// `check` runs the analysis stages of a build (lowering, TwiML validation and the continuation proof
    /// included) and stops before the output stages: nothing is hashed, encoded or written.
    func run() throws {
        var output = self.output
        let resolved = try policy.resolve(paths: paths, output: output)
        output.configuredErrorLimit = resolved.configuration.errorLimit
        let once = { [output] () throws -> ExitStatus in
            let result = Compiler.check(paths: resolved.paths)
            let outcome = try FlowRun.report(
                result.diagnostics, sources: result.sources, resolved: resolved, options: policy, output: output)
            return ExitStatus(hasInputFailure: result.hasInputFailure, failed: outcome.hasErrors)
        }
        if watch.watch {
            try Watcher.run(paths: resolved.paths, once)
        } else {
            try once().finish()
        }
    }
}
