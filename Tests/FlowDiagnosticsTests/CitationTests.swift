import Foundation
import Testing

/// The product cites only documents it ships: every `NAME.md` a source, a document, a flow or an example
/// mentions exists in the repository, and every `Twilio.md#anchor` names a heading of Docs/Twilio.md
/// (`{#anchor}`). Explain texts, notes and the explanations of routes.json are string literals in
/// `Sources`, so they are covered with the rest.
@Suite struct CitationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What ships: the sources, the documents, the bundled flows, the example package and the plugins.
    static let productFolders = ["Sources", "Docs", "flows", "Examples", "Plugins"]
    static let productFiles = ["README.md", "Grammar.md", "BENCHMARKS.md"]
    static let textExtensions: Set<String> = ["swift", "md", "flow", "json", "txt", "yml", "yaml", "sh"]

    static func files() -> [URL] {
        var found = productFiles.map { root.appendingPathComponent($0) }
        for folder in productFolders {
            let walker = FileManager.default.enumerator(
                at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            while let url = walker?.nextObject() as? URL {
                if url.path.contains("/.build") { walker?.skipDescendants(); continue }
                if textExtensions.contains(url.pathExtension) { found.append(url) }
            }
        }
        return found.filter { FileManager.default.fileExists(atPath: $0.path) }.sorted { $0.path < $1.path }
    }

    /// The names of every Markdown file in the repository, wherever it is.
    static func markdownNames() -> Set<String> {
        var names = Set<String>()
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent == ".build" { walker?.skipDescendants(); continue }
            if url.pathExtension == "md" { names.insert(url.lastPathComponent) }
        }
        return names
    }

    static func anchors() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("Docs/Twilio.md"), encoding: .utf8)
        return Set(text.matches(of: /\{#([a-z0-9-]+)\}/).map { String($0.1) })
    }

    @Test func everyCitedDocumentExists() throws {
        let shipped = Self.markdownNames()
        for file in Self.files() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /([A-Za-z0-9_-]+)\.md\b/) where !shipped.contains("\(match.1).md") {
                Issue.record("\(file.path) cites \(match.0), which the repository does not contain")
            }
        }
    }

    @Test func everyTwilioAnchorExists() throws {
        let anchors = try Self.anchors()
        #expect(anchors.count > 20)
        var cited = Set<String>()
        for file in Self.files() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /Twilio\.md#([A-Za-z0-9_-]+)/) {
                cited.insert(String(match.1))
                if !anchors.contains(String(match.1)) {
                    Issue.record("\(file.path) cites Twilio.md#\(match.1), which Docs/Twilio.md does not define")
                }
            }
        }
        #expect(cited.count > 20, "the product cites Docs/Twilio.md by anchor")
    }

    /// Each fact of Docs/Twilio.md carries the Twilio (or host) page it comes from.
    @Test func everySectionOfTwilioMdNamesItsSource() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Docs/Twilio.md"), encoding: .utf8)
        let sections = text.components(separatedBy: "\n#").dropFirst(2)
        for section in sections where section.contains("{#") {
            let heading = section.prefix { $0 != "\n" }
            let body = section.drop { $0 != "\n" }
            let isParent = body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || body.contains("\n####")
            if !isParent { #expect(section.contains("https://"), "\(heading) names no source") }
        }
    }
}
