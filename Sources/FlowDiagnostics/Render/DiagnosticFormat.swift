/// The output formats of `flowc check --format`. The raw values are the option spellings, so they are
/// part of the CLI contract and never change.
public enum DiagnosticFormat: String, Sendable, Hashable, CaseIterable {
    /// Human text: a gcc-style header line, a source snippet with an underline, notes, help and fix-its.
    case text
    /// A versioned JSON document (`Docs/diagnostics.schema.json`) for editors and scripts.
    case json
    /// SARIF 2.1.0 with the whole rule catalog, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…::`), one line per diagnostic.
    case github
    /// JUnit XML, one test suite per file, for CI dashboards (`JUnitRenderer`).
    case junit

    /// A one-line description for `--help` listings.
    public var summary: String {
        switch self {
        case .text: "human-readable text with source snippets"
        case .json: "JSON, version 1 (Docs/Diagnostics-JSON.md)"
        case .sarif: "SARIF 2.1.0 for code scanning"
        case .github: "GitHub Actions annotations"
        case .junit: "JUnit XML for CI dashboards"
        }
    }
}
