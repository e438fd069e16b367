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

/// Findings a run did not print, for the closing note of the text format.
struct LeftOut {
    var suppressed = 0
    var turnedOff = 0
    var baselined = 0
    /// Baseline entries that no longer occur.
    var stale = 0
}

/// `--format`, `--color` and the error limit, shared by the commands that print diagnostics.
struct DiagnosticOutputOptions: ParsableArguments {
    /// clang's default `-ferror-limit`.
    static let defaultErrorLimit = 20

    @Option(help: ArgumentHelp(
        "How diagnostics are printed: text to standard error; json, sarif, github and junit to standard output.",
        valueName: "text|json|sarif|github|junit"))
    var format: DiagnosticFormat = .text

    @Option(help: ArgumentHelp("Colour text output: auto (a terminal without NO_COLOR), always, never.",
        valueName: "auto|always|never"))
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp(
        "Stop printing text or github diagnostics after this many errors, and say what was left out (0: no limit; default: the configuration's errorLimit, else \(DiagnosticOutputOptions.defaultErrorLimit)).",
        valueName: "n"))
    var errorLimit: Int?

    @Flag(help: "Print every diagnostic (the same as --error-limit 0).")
    var noErrorLimit = false

    /// Set by a command from its configuration file: its `errorLimit`.
    var configuredErrorLimit: Int?

    enum CodingKeys: CodingKey { case format, color, errorLimit, noErrorLimit }

    func validate() throws {
        if let errorLimit, errorLimit < 0 { throw ValidationError("--error-limit must be 0 (no limit) or more") }
        if noErrorLimit && errorLimit != nil { throw ValidationError("give either '--error-limit' or '--no-error-limit'") }
    }

    /// The limit in force: 0 for none.
    var effectiveErrorLimit: Int {
        noErrorLimit ? 0 : errorLimit ?? configuredErrorLimit ?? Self.defaultErrorLimit
    }

    /// Prints diagnostics. Text goes to standard error, like a compiler's messages, so it never mixes with
    /// output a script reads; the machine formats go to standard output so they can be piped or redirected
    /// to a file (and GitHub reads workflow commands from standard output). The machine formats are
    /// printed even when empty, so a consumer always gets a document.
    ///
    /// The error limit applies to the formats people read (text, github): after that many errors nothing
    /// more is printed but one note that counts what was left out by severity. json, sarif and junit are
    /// read by tools and are always complete. The closing count line counts everything.
    ///
    /// A command whose own product goes to standard output (`simulate`'s transcript) passes
    /// `alwaysStandardError`, so the two never mix in one stream.
    func show(
        _ diagnostics: [Diagnostic], sources: [SourceFile], alwaysStandardError: Bool = false,
        leftOut: LeftOut = LeftOut()
    ) {
        let options = DiagnosticRenderOptions(
            format: format, colour: format == .text && color.isEnabled, summary: false,
            toolVersion: FlowCompilerVersion.current)
        let sorted = diagnostics.sorted(by: Diagnostic.presentationOrder)
        var shown = sorted
        let limit = effectiveErrorLimit
        if format == .text || format == .github, limit > 0 {
            var errors = 0
            if let cut = sorted.firstIndex(where: { diagnostic in
                if diagnostic.severity == .error { errors += 1 }
                return errors > limit
            }) {
                shown = Array(sorted[..<cut])
            }
        }
        var text = DiagnosticRenderer.render(shown, sources: DiagnosticRenderer.sources(sources), options: options)
        if format == .text {
            let hidden = DiagnosticSummary(sorted.dropFirst(shown.count))
            if shown.count < sorted.count {
                var parts: [String] = []
                if hidden.errors > 0 { parts.append(Self.count(hidden.errors, "more error")) }
                if hidden.warnings > 0 { parts.append(Self.count(hidden.warnings, "more warning")) }
                if hidden.notes > 0 { parts.append(Self.count(hidden.notes, "more note")) }
                text += "flowc: note: \(parts.joined(separator: ", ")) not shown: the error limit is \(limit) "
                    + "(--error-limit N, or --no-error-limit to show all)\n"
            }
            var silenced: [String] = []
            if leftOut.suppressed > 0 { silenced.append("\(Self.count(leftOut.suppressed, "warning")) suppressed by comments") }
            if leftOut.turnedOff > 0 { silenced.append("\(Self.count(leftOut.turnedOff, "warning")) turned off by the configuration") }
            if leftOut.baselined > 0 { silenced.append("\(Self.count(leftOut.baselined, "warning")) in the baseline") }
            if !silenced.isEmpty { text += "flowc: note: not reported: \(silenced.joined(separator: ", "))\n" }
            if leftOut.stale > 0 {
                text += "flowc: note: \(Self.count(leftOut.stale, "baseline entry", plural: "baseline entries")) no longer "
                    + "occur\(leftOut.stale == 1 ? "s" : ""); record the baseline again with --write-baseline\n"
            }
            if let sentence = DiagnosticSummary(sorted).sentence { text += sentence + "\n" }
        }
        (format == .text || alwaysStandardError ? StandardStream.error : StandardStream.output).write(text)
    }

    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}

extension ExitStatus {
    /// The verdict of a run: an unreadable input decides nothing about the flows, so it wins over errors.
    init(hasInputFailure: Bool, failed: Bool) {
        self = hasInputFailure ? .usageOrInput : failed ? .failure : .success
    }
}
