/// The single registry of diagnostic codes. Each range lives in its own file under `Catalog/`
/// (one per stage), so a stage's codes sit beside each other and nowhere else.
/// Tests check that codes are unique, well-formed and fully documented.
public enum DiagnosticCatalog {
    public static let all: [DiagnosticCodeEntry] =
        inputCodes + syntaxCodes + nameCodes + continuationCodes + twimlCodes + styleCodes + scenarioCodes
        + internalCodes

    private static let byCode: [DiagnosticCode: DiagnosticCodeEntry] = {
        var table: [DiagnosticCode: DiagnosticCodeEntry] = [:]
        for entry in all where table[entry.code] == nil { table[entry.code] = entry }
        return table
    }()

    public static func entry(for code: DiagnosticCode) -> DiagnosticCodeEntry? { byCode[code] }
}
