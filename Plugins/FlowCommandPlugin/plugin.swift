import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory compile-flows [--out DIR] [--target NAME]… [flowc build
/// options]`: builds the `.flow` files of the package's targets into a static tree with `routes.json`, inside
/// the package (default `twiml/` at its root), for a static host.
///
/// All selected files are built together into one tree with one manifest, exactly as `flowc build` does;
/// arguments the plugin does not know (`--urls absolute`, `--strict`, `--dry-run`) are passed on to it.
/// The command fails when flowc reports an error, and writes nothing then.
@main
struct FlowCommandPlugin: CommandPlugin {
    /// `swift package compile-flows --help`: the plugin's own options and defaults, which differ from
    /// `flowc build`'s (the output is `twiml/` in the package, not `build/twiml`; the inputs are the targets'
    /// .flow files, not `flows/`), so the help is the plugin's and not flowc's.
    static let help = """
        OVERVIEW: Build the package's .flow files into a static TwiML tree and routes.json.

        USAGE: swift package --allow-writing-to-package-directory compile-flows [--out <dir>] [--target <name> ...] [<flowc build options>]

        OPTIONS:
          --out <dir>        The output folder, relative to the package root (default: twiml).
          --target <name>    A target whose .flow files are built; repeat for several (default: every target).
          --urls relative|absolute
                             URLs between documents (default: relative).
          --strict           Treat warnings as errors (default: the .flowc.json beside the flows, else off).
          --dry-run          List the files that would be written, changed and removed; write nothing.
          --format text|json|sarif|github|junit
                             How diagnostics are printed (default: text).
          -h, --help         Show this help.

        All selected files are built together, as 'flowc build' does; a flow with an error fails the \
        command and nothing is written.

        """

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(Self.help, terminator: "")
            return
        }
        var extractor = ArgumentExtractor(arguments)
        let out = extractor.extractOption(named: "out").last ?? "twiml"
        let names = extractor.extractOption(named: "target")
        let passThrough = extractor.remainingArguments

        let targets = try names.isEmpty ? context.package.targets : context.package.targets(named: names)
        let flows = targets.compactMap(\.sourceModule).flatMap { $0.sourceFiles(withSuffix: "flow").map(\.url) }
        guard !flows.isEmpty else {
            throw CompileFlowsError(
                "no .flow file in \(names.isEmpty ? "any target of the package" : "the targets \(names.joined(separator: ", "))")")
        }
        let outURL =
            out.hasPrefix("/")
            ? URL(fileURLWithPath: out) : context.package.directoryURL.appendingPathComponent(out)

        let process = Process()
        process.executableURL = try context.tool(named: "flowc").url
        process.arguments = ["build"] + flows.map(\.path).sorted() + ["--out", outURL.path] + passThrough
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CompileFlowsError("flowc build failed (exit status \(process.terminationStatus))")
        }
    }
}

/// A failure of the command, shown by SwiftPM as `error: …`.
struct CompileFlowsError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
