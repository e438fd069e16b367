import ArgumentParser
import FlowCompiler
import FlowDiagnostics
import Foundation

extension URLStyle: ExpressibleByArgument {}

/// `flowc build`: compile flows into a folder of static TwiML documents and `routes.json`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Compile .flow files into static TwiML documents and a route manifest.",
        discussion: """
            A path is a .flow file or a folder, searched recursively for .flow files; with no path, the \
            configuration's paths, else ./flows, are built. Settings come from the nearest .flowc.json in \
            the first input's folder or above (Docs/Configuration.md). The output folder is replaced as a \
            whole: files whose bytes did not change keep their modification time, files an earlier build \
            wrote and this one does not are removed, and other files in the folder are left alone. A build \
            with an error writes nothing. Docs/Output.md describes the layout and routes.json.

            Exit codes: 0 built (warnings allowed unless --strict); 1 an error, or a warning under \
            --strict; 2 a usage error, a path that cannot be read, a configuration or baseline file with \
            an error, or an output folder that cannot be written.
            """
    )

    /// The output folder when neither `--out` nor the configuration's `out` is given.
    static let defaultOutput = "build/twiml"

    @Argument(help: "Files or folders to build (default: the configuration's paths, else flows).",
        completion: .file(extensions: ["flow"]))
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "The output folder (default: the configuration's out, else \(BuildCommand.defaultOutput)).",
            valueName: "dir"),
        completion: .directory)
    var out: String?

    @Option(
        help: ArgumentHelp(
            "URLs between documents: relative (works on any host) or absolute (from each flow's 'serve at').",
            valueName: "relative|absolute"))
    var urls: URLStyle = .relative

    @Flag(help: "List the files that would be written, changed and removed, and write nothing.")
    var dryRun = false

    @OptionGroup var policy: PolicyOptions

    @OptionGroup var output: DiagnosticOutputOptions

    @OptionGroup var watch: WatchOptions

    /// Plugin mode (FlowBuildPlugin): also write one Swift source with every document and typed route and
    /// operation constants (`SwiftEmitter`). Written only by a successful build, and only when it changed.
    @Option(
        help: ArgumentHelp(
            "Also write a Swift source with the documents and typed route constants (the SwiftPM plugin's mode).",
            valueName: "file"),
        completion: .file(extensions: ["swift"]))
    var emitSwift: String?

    @Option(
        help: ArgumentHelp(
            "With --emit-swift: write source paths relative to this folder (the package root).", valueName: "dir"),
        completion: .directory)
    var swiftSourceRoot: String?

    func run() throws {
        var output = self.output
        let resolved = try policy.resolve(paths: paths, output: output)
        output.configuredErrorLimit = resolved.configuration.errorLimit
        let directory = out ?? resolved.configuration.out ?? Self.defaultOutput
        let once = { [output] () throws -> ExitStatus in
            try build(resolved: resolved, directory: directory, output: output)
        }
        if watch.watch {
            try Watcher.run(paths: resolved.paths, once)
        } else {
            try once().finish()
        }
    }

    /// One build: compile, apply the policy, and write (or with `--dry-run`, list) the output.
    func build(resolved: PolicyOptions.Resolved, directory: String, output: DiagnosticOutputOptions) throws
        -> ExitStatus
    {
        // The policy, not the compiler, decides whether warnings fail (strict mode, severities,
        // suppressions, the baseline), so the compiler builds as if nothing were strict.
        let result = Compiler.build(paths: resolved.paths, options: BuildOptions(urls: urls, strict: false))
        let outcome = try FlowRun.report(
            result.diagnostics, sources: result.compilation.sources, resolved: resolved, options: policy, output: output)
        let failed = outcome.hasErrors
        guard !result.hasInputFailure, !failed else {
            return ExitStatus(hasInputFailure: result.hasInputFailure, failed: failed)
        }
        // Machine formats own standard output; the summary and listing must not break the document there.
        let stream = output.format == .text ? StandardStream.output : StandardStream.error
        let report: OutputReport
        do {
            if dryRun {
                report = try OutputWriter.plan(files: result.files, into: directory)
                stream.write(Self.listing(report))
            } else {
                report = try OutputWriter.write(files: result.files, to: directory)
            }
            if let emitSwift, !dryRun, let manifest = result.manifest {
                let swift = SwiftEmitter(sourceRoot: swiftSourceRoot).emit(manifest: manifest, files: result.files)
                try SwiftEmitter.write(swift, to: emitSwift)
            }
        } catch {
            output.show([OutputProblem.diagnostic(for: error)], sources: [])
            return .usageOrInput
        }
        stream.write(Self.summary(flows: result.flowCount, report: report, directory: directory, dryRun: dryRun) + "\n")
        return .success
    }

    /// `--dry-run`: one line per file, `write` (new), `change` (its bytes differ) or `remove` (an earlier
    /// build wrote it and this one does not), paths inside the output folder. Unchanged files are counted
    /// by the summary, not listed.
    static func listing(_ plan: OutputPlan) -> String {
        var lines: [String] = []
        for path in plan.written {
            let exists = FileManager.default.fileExists(atPath: plan.directory + "/" + path)
            lines.append("would \(exists ? "change" : "write") \(path)")
        }
        lines += plan.removed.map { "would remove \($0)" }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `built 3 flows: 24 documents (2 written, 22 unchanged, 0 removed) in build/twiml`; documents count
    /// every file the build owns, `routes.json` included.
    static func summary(flows: Int, report: OutputReport, directory: String, dryRun: Bool) -> String {
        let total = report.written.count + report.unchanged.count
        let verbs = dryRun ? ("would build", "to write", "to remove") : ("built", "written", "removed")
        return "\(verbs.0) \(count(flows, "flow")): \(count(total, "document")) (\(report.written.count) \(verbs.1), "
            + "\(report.unchanged.count) unchanged, \(report.removed.count) \(verbs.2)) in \(directory)"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

/// A failure to put output on disk, as a FLOW702 diagnostic, so the line carries a code in every format.
enum OutputProblem {
    static func diagnostic(for error: any Error) -> Diagnostic {
        Diagnostic(
            .outputNotWritten, .error, publicMessage(String(describing: error)), at: nil,
            notes: [Note("nothing was half-written: the previous output is as it was")])
    }

    /// The writer stages a build in `OUT.flowc-staging-…` (and moves the old tree to
    /// `OUT.flowc-previous-…`) beside the output folder; those names are the writer's business, so a
    /// message names the output folder the user gave instead.
    static func publicMessage(_ message: String) -> String {
        var text = message
        for marker in [".flowc-staging-", ".flowc-previous-"] {
            while let range = text.range(of: marker) {
                var end = range.upperBound
                while end < text.endIndex, text[end] != "/", text[end] != "'", text[end] != " " {
                    end = text.index(after: end)
                }
                text.removeSubrange(range.lowerBound..<end)
            }
        }
        return text
    }
}
