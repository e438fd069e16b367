import ArgumentParser
import FlowCompiler
import FlowDiagnostics

extension URLStyle: ExpressibleByArgument {}

/// `flowc build`: compile flows into a folder of static TwiML documents and `routes.json`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Compile .flow files into static TwiML documents and a route manifest.",
        discussion: """
            A path is a .flow file or a folder, searched recursively for .flow files; with no path, \
            ./flows is built. The output folder is replaced as a whole: files whose bytes did not change \
            keep their modification time, files an earlier build wrote and this one does not are removed, \
            and other files in the folder are left alone. A build with an error writes nothing. \
            Docs/Output.md describes the layout and routes.json.

            Exit codes: 0 built (warnings allowed unless --strict); 1 an error, or a warning under \
            --strict; 2 a usage error, a path that cannot be read, or an output folder that cannot be written.
            """
    )

    /// The output folder when `--out` is not given.
    static let defaultOutput = "build/twiml"

    @Argument(help: "Files or folders to build (default: flows).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var out = BuildCommand.defaultOutput

    @Option(
        help: ArgumentHelp(
            "URLs between documents: relative (works on any host) or absolute (from each flow's 'serve at').",
            valueName: "relative|absolute"))
    var urls: URLStyle = .relative

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Report what would be written, removed or left unchanged, without writing.")
    var dryRun = false

    @OptionGroup var output: DiagnosticOutputOptions

    /// Plugin mode (FlowBuildPlugin): also write one Swift source with every document and typed route and
    /// operation constants (`SwiftEmitter`). Written only by a successful build, and only when it changed.
    @Option(
        help: ArgumentHelp(
            "Also write a Swift source with the documents and typed route constants (the SwiftPM plugin's mode).",
            valueName: "file"))
    var emitSwift: String?

    @Option(
        help: ArgumentHelp(
            "With --emit-swift: write source paths relative to this folder (the package root).", valueName: "dir"))
    var swiftSourceRoot: String?

    func run() throws {
        let result = Compiler.build(paths: paths, options: BuildOptions(urls: urls, strict: strict))
        output.show(result.diagnostics(strict: strict), sources: result.compilation.sources)
        let failed = result.hasErrors(strict: strict)
        guard !result.hasInputFailure, !failed else {
            try ExitStatus(hasInputFailure: result.hasInputFailure, failed: failed).finish()
            return
        }
        let report: OutputReport
        do {
            report =
                dryRun
                ? try OutputWriter.plan(files: result.files, into: out)
                : try OutputWriter.write(files: result.files, to: out)
            if let emitSwift, !dryRun, let manifest = result.manifest {
                let swift = SwiftEmitter(sourceRoot: swiftSourceRoot).emit(manifest: manifest, files: result.files)
                try SwiftEmitter.write(swift, to: emitSwift)
            }
        } catch {
            StandardStream.error.write("error: \(error)\n")
            try ExitStatus.usageOrInput.finish()
            return
        }
        let summary = Self.summary(flows: result.flowCount, report: report, directory: out, dryRun: dryRun)
        // Machine formats own standard output; the summary must not break the document there.
        (output.format == .text ? StandardStream.output : StandardStream.error).write(summary + "\n")
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
