import FlowDiagnostics
import Foundation
import Testing

@Suite struct DiagnosticCatalogTests {
    @Test func codesAreUniqueAndWellFormed() {
        var seen = Set<String>()
        var names = Set<String>()
        for entry in DiagnosticCatalog.all {
            #expect(seen.insert(entry.code.rawValue).inserted, "duplicate code \(entry.code)")
            #expect(names.insert(entry.name).inserted, "duplicate name \(entry.name)")
            let raw = entry.code.rawValue
            #expect(raw.hasPrefix("FLOW") && raw.count == 7 && raw.dropFirst(4).allSatisfy(\.isNumber), "malformed \(raw)")
            #expect(!entry.title.isEmpty && !entry.explanation.isEmpty, "\(raw) lacks documentation")
            #expect(DiagnosticCatalog.code(raw) == entry.code)
        }
    }

    /// The package root, found from this file so the test runs from any working directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func swiftFiles(under folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }

    /// Every code constant declared in `Catalog/` has exactly one entry in `DiagnosticCatalog.all`, and the
    /// reverse: a constant without documentation is what "an unknown code cannot exist" rules out.
    @Test func everyConstantHasOneEntry() throws {
        let declaration = /static let (\w+) = DiagnosticCode\("(FLOW[0-9]{3})", "([a-z0-9-]+)"/
        var declared: [String: String] = [:]
        for file in Self.swiftFiles(under: "Sources/FlowDiagnostics/Catalog") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: declaration) {
                #expect(declared.updateValue(String(match.3), forKey: String(match.2)) == nil, "\(match.2) twice")
                #expect(String(match.1) == Self.camelCase(String(match.3)), "constant \(match.1) for '\(match.3)'")
            }
        }
        #expect(!declared.isEmpty)
        let documented = Dictionary(uniqueKeysWithValues: DiagnosticCatalog.all.map { ($0.code.rawValue, $0.name) })
        #expect(declared == documented)
    }

    /// Stages emit codes by constant: no source outside the catalog spells one as a string literal or
    /// builds one.
    @Test func noSourceSpellsACode() throws {
        let literal = /"FLOW[0-9]{3}"|DiagnosticCode\(/
        for file in Self.swiftFiles(under: "Sources") where !file.path.contains("/Sources/FlowDiagnostics/Catalog/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(literal) && !file.path.hasSuffix("FlowDiagnostics/DiagnosticCode.swift") {
                Issue.record("\(file.path):\(index + 1) spells a diagnostic code: \(line)")
            }
        }
    }

    @Test func decodingRejectsAnUnknownCode() throws {
        let known = try JSONDecoder().decode([DiagnosticCode].self, from: Data(#"["FLOW201"]"#.utf8))
        #expect(known == [.duplicateName])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DiagnosticCode].self, from: Data(#"["FLOW999"]"#.utf8))
        }
    }

    /// The constant's name is the kebab name in lower camelCase, with the acronyms of Swift's style upper-cased.
    static func camelCase(_ kebab: String) -> String {
        let acronyms = ["twiml": "TwiML", "url": "URL", "urls": "URLs", "sip": "SIP", "uri": "URI", "post": "POST", "utf8": "UTF8"]
        return kebab.split(separator: "-").enumerated().map { index, word in
            let word = String(word)
            if let acronym = acronyms[word] { return index == 0 ? acronym.lowercased() : acronym }
            return index == 0 ? word : word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }
}
