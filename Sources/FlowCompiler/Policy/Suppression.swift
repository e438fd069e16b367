import FlowDiagnostics

/// `# flowc: ignore FLOW224` comments: one code (or several, comma-separated) silenced on one line.
///
/// What must hold:
/// - A trailing comment silences its own line; a comment alone on its line silences the next line that
///   holds code, as a whole-line comment belongs to the line below it (Grammar.md, formatting). A
///   diagnostic is on a line when its span starts there.
/// - Only warnings can be silenced (FLOW707 at the comment for an error's code): an error means the output
///   would be wrong, and a build with one writes nothing anyway.
/// - A suppression that silenced nothing is a FLOW708 warning, reported only when the run found no error,
///   since stages that did not run (the continuation proof after a syntax error) could not use it.
/// - `flowc:` comments are read by flowc: another word than `ignore`, or no code, is FLOW709; a code
///   `flowc explain --all` does not list is FLOW706. Text after ` -- ` is the reason, for people.
public struct Suppression: Sendable, Hashable {
    public var code: DiagnosticCode
    /// The line whose diagnostics it silences.
    public var line: Int
    /// The code as written in the comment, where FLOW708 points.
    public var span: SourceSpan

    /// Every suppression of `file`, and the problems of malformed ones.
    public static func scan(_ file: SourceFile) -> (suppressions: [Suppression], diagnostics: [Diagnostic]) {
        var suppressions: [Suppression] = []
        var diagnostics: [Diagnostic] = []
        var pending: [Suppression] = []  // from whole-line comments, for the next line of code
        for line in 1...max(file.lineCount, 1) {
            guard line <= file.lineCount else { break }
            let start = file.lineStarts[line - 1]
            let end = line < file.lineCount ? file.lineStarts[line] : file.utf8.count
            let bytes = file.utf8[start..<end]
            guard let hash = commentStart(bytes) else {
                if !isBlank(bytes[start..<end]) {
                    suppressions += pending.map { var moved = $0; moved.line = line; return moved }
                    pending = []
                }
                continue
            }
            let wholeLine = isBlank(bytes[start..<hash])
            if !wholeLine {
                suppressions += pending.map { var moved = $0; moved.line = line; return moved }
                pending = []
            }
            let parsed = parseComment(file, from: hash + 1, to: end, line: line, diagnostics: &diagnostics)
            if wholeLine { pending += parsed } else { suppressions += parsed }
        }
        // A whole-line suppression with no code after it applies to nothing: reported unused later.
        suppressions += pending
        return (suppressions, diagnostics)
    }

    /// The offset of the `#` that starts a comment on the line, outside strings.
    static func commentStart(_ bytes: ArraySlice<UInt8>) -> Int? {
        var inString = false
        var escaped = false
        for index in bytes.indices {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "#") {
                return index
            }
        }
        return nil
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// `flowc: ignore CODE[, CODE…] [-- reason]` from just after the `#`; nothing when the comment is not
    /// addressed to flowc.
    static func parseComment(
        _ file: SourceFile, from start: Int, to end: Int, line: Int, diagnostics: inout [Diagnostic]
    ) -> [Suppression] {
        var words: [(text: String, from: Int, to: Int)] = []
        var index = start
        let bytes = file.utf8
        var stop = end
        while stop > start, bytes[stop - 1] == 0x0A || bytes[stop - 1] == 0x0D { stop -= 1 }
        while index < stop {
            while index < stop, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ",") {
                index += 1
            }
            let wordStart = index
            while index < stop, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != UInt8(ascii: ",") {
                index += 1
            }
            if index > wordStart {
                words.append((String(decoding: bytes[wordStart..<index], as: UTF8.self), wordStart, index))
            }
        }
        guard let first = words.first, first.text == "flowc:" else { return [] }
        let commentSpan = file.span(from: start - 1, to: stop)
        guard words.count >= 2, words[1].text == "ignore" else {
            let found = words.count >= 2 ? "'\(words[1].text)'" : "nothing"
            diagnostics.append(
                Diagnostic(
                    .malformedSuppression, .error, "a 'flowc:' comment must be 'flowc: ignore CODE', found \(found) after 'flowc:'",
                    at: words.count >= 2 ? file.span(from: words[1].from, to: words[1].to) : commentSpan,
                    help: words.count >= 2 && NameSuggestion.closest(to: words[1].text, among: ["ignore"]) != nil
                        ? "did you mean 'ignore'?" : nil))
            return []
        }
        var codes: [Suppression] = []
        for word in words.dropFirst(2) {
            if word.text == "--" { break }
            let span = file.span(from: word.from, to: word.to)
            guard let code = SuppressionPolicy.knownCode(word.text) else {
                diagnostics.append(SuppressionPolicy.unknownCode(word.text, at: span))
                continue
            }
            if let problem = SuppressionPolicy.refuseSilencingError(code, as: "suppressed", at: span) {
                diagnostics.append(problem)
                continue
            }
            codes.append(Suppression(code: code, line: line, span: span))
        }
        if codes.isEmpty, !diagnostics.contains(where: { $0.span.map { commentSpan.contains($0) } ?? false }) {
            diagnostics.append(
                Diagnostic(
                    .malformedSuppression, .error, "'flowc: ignore' names no code", at: commentSpan,
                    help: "name the code to silence on this line, such as 'flowc: ignore FLOW224'"))
        }
        return codes
    }
}

extension SourceSpan {
    /// Whether `other` lies within this span, in the same file.
    func contains(_ other: SourceSpan) -> Bool {
        path == other.path && start.offset <= other.start.offset && other.end.offset <= end.offset
    }
}

/// The rules shared by the configuration file, suppression comments and baselines about which codes exist
/// and which can be silenced.
enum SuppressionPolicy {
    /// The catalog's code for `text` (any case); `nil` when there is none.
    static func knownCode(_ text: String) -> DiagnosticCode? {
        DiagnosticCatalog.code(text.uppercased())
    }

    static func unknownCode(_ text: String, at span: SourceSpan?) -> Diagnostic {
        let codes = DiagnosticCatalog.all.map(\.code.rawValue)
        return Diagnostic(
            .unknownDiagnosticCode, .error, "'\(text)' is not a diagnostic code", at: span,
            notes: [Note("'flowc explain --all' lists every code")],
            help: NameSuggestion.closest(to: text.uppercased(), among: codes).map { "did you mean '\($0)'?" })
    }

    /// Whether `code` is a warning by default, the only kind that can be changed.
    static func isWarning(_ code: DiagnosticCode) -> Bool {
        code.defaultSeverity == .warning
    }

    private static func verb(_ change: String) -> String {
        switch change {
        case "off": "turned off"
        case "warning": "made a warning"
        default: change
        }
    }

    /// FLOW707 when `code` is an error and `change` would lower or hide it.
    static func refuseSilencingError(_ code: DiagnosticCode, as change: String, at span: SourceSpan) -> Diagnostic? {
        let entry = DiagnosticCatalog.entry(for: code)
        guard code.defaultSeverity != .warning, change != "error" else { return nil }
        return Diagnostic(
            .errorCannotBeSilenced, .error, "\(code) is an \(code.defaultSeverity.rawValue) and cannot be \(verb(change))",
            at: span, notes: [Note("\(code): \(entry.title)")],
            help: "fix what \(code) reports; only warnings can be turned off, suppressed or kept in a baseline")
    }
}
