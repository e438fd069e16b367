/// The single registry of diagnostic codes. Each range lives in its own file under `Catalog/`
/// (one per stage), with its code constants at the top, so a stage's codes sit beside each other and
/// nowhere else. Tests check that codes are unique, well-formed and fully documented.
public enum DiagnosticCatalog {
    public static let all: [DiagnosticCodeEntry] =
        inputCodes + syntaxCodes + nameCodes + branchCodes + continuationCodes + twimlCodes + styleCodes + scenarioCodes + toolCodes
        + internalCodes

    private static let byCode: [String: DiagnosticCodeEntry] = {
        var table: [String: DiagnosticCodeEntry] = [:]
        for entry in all where table[entry.code.rawValue] == nil { table[entry.code.rawValue] = entry }
        return table
    }()

    /// The documentation of `code`. Every constant has an entry (`DiagnosticCatalogTests`), so the
    /// lookup cannot fail for a code a stage emits.
    public static func entry(for code: DiagnosticCode) -> DiagnosticCodeEntry {
        guard let entry = byCode[code.rawValue] else {
            preconditionFailure("diagnostic code \(code.rawValue) has no catalog entry")
        }
        return entry
    }

    /// The code spelled exactly `raw` (`FLOW201`), or `nil` when the catalog has none: the one way from
    /// text to a code, for JSON read back and codes typed by users.
    public static func code(_ raw: String) -> DiagnosticCode? { byCode[raw]?.code }
}
