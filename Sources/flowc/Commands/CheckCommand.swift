import ArgumentParser
import FlowCompiler

/// `flowc check`: parse and resolve flows, print every diagnostic, and exit with the verdict.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check .flow files, prove no leg is hung up by accident, and report every problem found.",
        discussion: """
            A path is a .flow file or a folder, searched recursively for .flow files; with no path, \
            ./flows is checked. Text diagnostics go to standard error; json, sarif and github go to \
            standard output.

            Exit codes: 0 no error (warnings allowed unless --strict); 1 an error, or a warning under \
            --strict; 2 a usage error or a path that cannot be read.
            """
    )

    @Argument(help: "Files or folders to check (default: flows).")
    var paths: [String] = []

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var output: DiagnosticOutputOptions

    /// `check` runs the analysis stages of a build (lowering, TwiML validation and the continuation proof
    /// included) and stops before the output stages: nothing is hashed, encoded or written.
    func run() throws {
        let result = Compiler.check(paths: paths)
        let diagnostics = result.diagnostics(strict: strict)
        output.show(diagnostics, sources: result.sources)
        try ExitStatus(hasInputFailure: result.hasInputFailure, failed: result.hasErrors(strict: strict)).finish()
    }
}
