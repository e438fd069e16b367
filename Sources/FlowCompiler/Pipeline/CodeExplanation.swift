import FlowDiagnostics

/// The text of `flowc explain`: the long form of a diagnostic code from `DiagnosticCatalog`, the index
/// of every code, and the codes a mistyped one may have meant.
public enum CodeExplanation {
    /// What a user-typed code refers to.
    public enum Lookup: Sendable {
        case found(DiagnosticCodeEntry)
        /// No such code; `suggestions` are the nearest known codes, best first (possibly none).
        case unknown(normalized: String, suggestions: [DiagnosticCode])
    }

    /// Finds a code as typed: case does not matter, and a bare number (`201`) means `FLOW201`.
    public static func lookup(_ typed: String) -> Lookup {
        let normalized = normalize(typed)
        if let code = DiagnosticCatalog.code(normalized) {
            return .found(DiagnosticCatalog.entry(for: code))
        }
        return .unknown(normalized: normalized, suggestions: suggestions(for: normalized))
    }

    /// The explanation of one code: title line, explanation, then the wrong and right examples when the
    /// catalog has them (FLOW900 has none). An internal code says so: no `.flow` can raise it, and its
    /// examples are hand-written TwiML. Example lines longer than `longestExampleLine` are abridged, so
    /// that the examples of a length limit (FLOW405, FLOW407) stay readable in a terminal.
    public static func text(for entry: DiagnosticCodeEntry) -> String {
        var lines = ["\(entry.code): \(entry.title) (\(entry.defaultSeverity.rawValue), \(entry.name))", ""]
        lines.append(entry.explanation)
        if entry.isInternal {
            lines += [
                "",
                "Internal: code generation never writes this, so no .flow file can cause it; seeing it means a "
                    + "bug in flowc. Please report it with the .flow file.",
            ]
        }
        for (heading, example) in [("Wrong", entry.wrong), ("Right", entry.right)] where !example.text.isEmpty {
            lines += ["", "\(heading) (\(example.kind)):", indented(abridged(example.text))]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let longestExampleLine = 100

    private static func abridged(_ text: String) -> String {
        var text = Substring(text)
        while text.hasSuffix("\n") { text = text.dropLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > longestExampleLine else { return String(line) }
            return "\(line.prefix(longestExampleLine - 30))… (\(line.count) characters in all)"
        }.joined(separator: "\n")
    }

    /// One line per code, in code order: code, default severity, title.
    public static func index() -> String {
        let entries = DiagnosticCatalog.all.sorted { $0.code.rawValue < $1.code.rawValue }
        let severityWidth = Severity.allCases.map(\.rawValue.count).max() ?? 0
        return entries.map { entry in
            let severity = entry.defaultSeverity.rawValue
            let padding = String(repeating: " ", count: severityWidth - severity.count)
            return "\(entry.code)  \(severity)\(padding)  \(entry.title)\n"
        }.joined()
    }

    // MARK: - Matching typed codes

    private static func normalize(_ typed: String) -> String {
        let trimmed = typed.filter { !$0.isWhitespace }.uppercased()
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) {
            return "FLOW" + String(repeating: "0", count: max(0, 3 - trimmed.count)) + trimmed
        }
        return trimmed
    }

    /// Known codes within two edits of `code`, nearest first, at most three.
    private static func suggestions(for code: String) -> [DiagnosticCode] {
        let maximumDistance = 2
        let scored = DiagnosticCatalog.all.map { (code: $0.code, distance: editDistance(code, $0.code.rawValue)) }
        return scored
            .filter { $0.distance <= maximumDistance }
            .sorted { ($0.distance, $0.code.rawValue) < ($1.distance, $1.code.rawValue) }
            .prefix(3)
            .map(\.code)
    }

    /// Levenshtein distance over characters; the inputs are short codes, so the quadratic table is cheap.
    /// Inputs longer than a code by far are compared only in their first 32 characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.prefix(32))
        let b = Array(rhs.prefix(32))
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1]
            for (j, right) in b.enumerated() {
                let substitution = previous[j] + (left == right ? 0 : 1)
                current.append(min(previous[j + 1] + 1, current[j] + 1, substitution))
            }
            previous = current
        }
        return previous[b.count]
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
