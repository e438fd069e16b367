import FlowCompiler
import FlowDiagnostics
import FlowTestSupport
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
        let formatted = try #require(SourceFormatter.format(input.syntax), "the formatter refused \(name).flow")

        let expectedURL = Self.directory.appendingPathComponent("\(name).formatted.flow")
        if ProcessInfo.processInfo.environment["FLOWC_BLESS"] == "1" {
            try Data(formatted.utf8).write(to: Self.sourceDirectory.appendingPathComponent("\(name).formatted.flow"))
        } else {
            let expected = String(decoding: try Data(contentsOf: expectedURL), as: UTF8.self)
            #expect(formatted == expected, "\(name).formatted.flow: \(Self.firstDifference(formatted, expected))")
        }

        Self.expectFaithful(formatted, to: input, label: name)
    }

    /// Every prefix of every fixture, cut at a line break: the formatter never crashes, refuses only
    /// prefixes with syntax errors, and is faithful on those without (where blocks end at the end of the
    /// file, comments run out at odd depths, and blank lines end the text).
    @Test(arguments: cases)
    func everyPrefixFormatsFaithfully(_ name: String) throws {
        let text = String(
            decoding: try Data(contentsOf: Self.directory.appendingPathComponent("\(name).flow")), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for count in 0...lines.count {
            let prefix = lines.prefix(count).joined(separator: "\n")
            let input = Self.parse(prefix, path: "\(name).flow")
            let label = "\(name), first \(count) lines"
            let hasError = input.diagnostics.contains { $0.severity == .error }
            guard let formatted = SourceFormatter.format(input.syntax) else {
                #expect(hasError, "\(label): refused without a syntax error")
                continue
            }
            if !hasError { Self.expectFaithful(formatted, to: input, label: label) }
        }
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
        #expect(
            result.diagnostics.isEmpty,
            "\(fileName) must parse without diagnostics: \(result.diagnostics.map(\.message))")
        return result
    }

    static func parse(_ text: String, path: String) -> ParseResult {
        Parser.parse(SourceFile(path: path, text: text))
    }

    /// What must hold of any formatted text: it parses cleanly, formats to itself, and has the tree and
    /// the comments of its input.
    static func expectFaithful(_ formatted: String, to input: ParseResult, label: String) {
        let reparsed = parse(formatted, path: "\(label) (formatted)")
        #expect(reparsed.diagnostics.isEmpty, "\(label): the formatted text does not parse cleanly")
        #expect(SourceFormatter.format(reparsed.syntax) == formatted, "\(label): formatting is not idempotent")
        #expect(
            SyntaxDump.dump(reparsed.syntax) == SyntaxDump.dump(input.syntax), "\(label): formatting changed the tree")
        #expect(commentTexts(reparsed.syntax) == commentTexts(input.syntax), "\(label): comments changed")
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
