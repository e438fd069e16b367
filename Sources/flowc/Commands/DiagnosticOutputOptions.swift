import ArgumentParser
import FlowCompiler
import FlowDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DiagnosticFormat: ExpressibleByArgument {}

/// When text output is coloured.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    /// When standard error is a terminal and `NO_COLOR` is not set (https://no-color.org).
    case auto
    case always
    case never

    /// The decision, made here at the CLI edge: the renderers never look at the terminal.
    var isEnabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: StandardStream.error.isTerminal && (getenv("NO_COLOR").map { $0.pointee == 0 } ?? true)
        }
    }
}

/// `--format` and `--color`, shared by the commands that print diagnostics.
struct DiagnosticOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How diagnostics are printed: text to standard error; json, sarif and github to standard output.",
        valueName: "text|json|sarif|github"))
    var format: DiagnosticFormat = .text

    @Option(help: ArgumentHelp("Colour text output: auto (a terminal without NO_COLOR), always, never.",
        valueName: "auto|always|never"))
    var color: ColorChoice = .auto

    /// Prints diagnostics. Text goes to standard error, like a compiler's messages, so it never mixes with
    /// output a script reads; the machine formats go to standard output so they can be piped or redirected
    /// to a file (and GitHub reads workflow commands from standard output). The machine formats are
    /// printed even when empty, so a consumer always gets a document.
    ///
    /// A command whose own product goes to standard output (`simulate`'s transcript) passes
    /// `alwaysStandardError`, so the two never mix in one stream.
    func show(_ diagnostics: [Diagnostic], sources: [SourceFile], alwaysStandardError: Bool = false) {
        let options = DiagnosticRenderOptions(
            format: format, colour: format == .text && color.isEnabled, summary: format == .text,
            toolVersion: FlowCompilerVersion.current)
        let text = DiagnosticRenderer.render(
            diagnostics, sources: DiagnosticRenderer.sources(sources), options: options)
        (format == .text || alwaysStandardError ? StandardStream.error : StandardStream.output).write(text)
    }
}

extension ExitStatus {
    /// The verdict of a run: an unreadable input decides nothing about the flows, so it wins over errors.
    init(hasInputFailure: Bool, failed: Bool) {
        self = hasInputFailure ? .usageOrInput : failed ? .failure : .success
    }
}
