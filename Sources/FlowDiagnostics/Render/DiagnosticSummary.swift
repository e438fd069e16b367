/// Counts of a set of diagnostics by severity: what the exit status, the text summary line and the JSON
/// `summary` object are computed from, so that they can never disagree.
public struct DiagnosticSummary: Sendable, Hashable {
    public var errors: Int
    public var warnings: Int
    public var notes: Int

    public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }

    public init(_ diagnostics: some Sequence<Diagnostic>) {
        self.init()
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }

    /// Whether the run failed. Apply `promotingWarnings()` first under `--strict`.
    public var hasErrors: Bool { errors > 0 }

    /// `2 errors, 1 warning generated`, in clang's wording; `nil` when there is neither an error nor a
    /// warning, because "0 errors generated" after a clean run is noise. Notes are not counted: they are
    /// informational and never fail a run.
    public var sentence: String? {
        var parts: [String] = []
        if errors > 0 { parts.append(Self.count(errors, "error")) }
        if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: ", ") + " generated"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
