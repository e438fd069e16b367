import FlowDiagnostics
import Testing

@Suite struct DiagnosticCatalogTests {
    @Test func codesAreUniqueAndWellFormed() {
        var seen = Set<String>()
        for entry in DiagnosticCatalog.all {
            #expect(seen.insert(entry.code.rawValue).inserted, "duplicate code \(entry.code)")
            let raw = entry.code.rawValue
            #expect(raw.hasPrefix("FLOW") && raw.count == 7 && raw.dropFirst(4).allSatisfy(\.isNumber), "malformed \(raw)")
            #expect(!entry.title.isEmpty && !entry.explanation.isEmpty, "\(raw) lacks documentation")
        }
    }
}
