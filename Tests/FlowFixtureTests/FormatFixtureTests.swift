import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Format fixtures: `Fixtures/format/<case>.flow` and the exact bytes `flowc fmt` must write for it,
/// `<case>.formatted.flow`. With `FLOWC_BLESS=1` the runner rewrites the expected files in the source
/// tree instead of failing, and the reviewer reads the git diff.
@Suite struct FormatFixtureTests {
    static let directory = FixtureDiscovery.root.appendingPathComponent("format")

    /// The case names: every `<case>.flow` that is not itself an expected output.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".flow") && !$0.hasSuffix(".formatted.flow") }
            .map { String($0.dropLast(".flow".count)) }
            .sorted()
    }()

    @Test func fixturesAreFound() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases)
    func formatsToExpectedBytes(_ name: String) throws {
        let input = try Self.parse(contentsOf: "\(name).flow")
        let formatted = try #require(Formatter.format(input.syntax), "the formatter refused \(name).flow")

        let expectedURL = Self.directory.appendingPathComponent("\(name).formatted.flow")
        if ProcessInfo.processInfo.environment["FLOWC_BLESS"] == "1" {
            try Data(formatted.utf8).write(to: Self.sourceDirectory.appendingPathComponent("\(name).formatted.flow"))
        } else {
            let expected = String(decoding: try Data(contentsOf: expectedURL), as: UTF8.self)
            #expect(formatted == expected, "\(name).formatted.flow: \(Self.firstDifference(formatted, expected))")
        }

        let reparsed = Self.parse(formatted, path: "\(name).formatted.flow")
        #expect(reparsed.diagnostics.isEmpty, "\(name): the formatted text does not parse cleanly")
        #expect(Formatter.format(reparsed.syntax) == formatted, "\(name): formatting is not idempotent")
        #expect(SyntaxDump.dump(reparsed.syntax) == SyntaxDump.dump(input.syntax), "\(name): formatting changed the tree")
        #expect(Self.commentTexts(reparsed.syntax) == Self.commentTexts(input.syntax), "\(name): comments changed")
    }

    // MARK: - Helpers

    /// The fixtures folder in the source tree, which blessing writes to (the bundle is a copy).
    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/format")
    }

    static func parse(contentsOf fileName: String) throws -> ParseResult {
        let bytes = try Data(contentsOf: directory.appendingPathComponent(fileName))
        let file = SourceFile.decode(path: fileName, bytes: Array(bytes)).file
        let result = Parser.parse(file)
        #expect(result.diagnostics.isEmpty, "\(fileName) must parse without diagnostics: \(result.diagnostics.map(\.message))")
        return result
    }

    static func parse(_ text: String, path: String) -> ParseResult {
        Parser.parse(SourceFile(path: path, text: text))
    }

    /// Where two texts first differ, by line, for a failure message that reads at a glance.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(reflecting: String(actualLines[index])) : "end of text"
            let want = index < expectedLines.count ? String(reflecting: String(expectedLines[index])) : "end of text"
            if got != want { return "line \(index + 1): formatted \(got), expected \(want)" }
        }
        return "same lines"
    }

    /// Comment texts as the formatter writes them: whitespace at their end is the one thing it drops.
    static func commentTexts(_ syntax: FileSyntax) -> [String] {
        SyntaxDump.comments(syntax).map { comment in
            String(comment.text.reversed().drop { $0.isWhitespace }.reversed())
        }
    }
}
