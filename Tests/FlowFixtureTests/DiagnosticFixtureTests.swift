import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Runs every file of `Fixtures/diagnostics/` through the whole pipeline (`Compiler.build`, writing nothing) and compares what it reports with
/// what the file says it expects.
///
/// A fixture states each diagnostic it expects on a whole comment line of its own:
///
/// ```
/// # expect: error FLOW006 at 4:11 "unterminated string"
/// ```
///
/// severity (`error` or `warning`), code, the 1-based line and column (in characters) where the span
/// starts, and optionally a substring of the message. The check goes both ways: every expectation must be
/// met by a diagnostic, and every error or warning must be expected. Notes are not checked. A comment that
/// starts like an expectation but does not follow the form fails the fixture, so a typo never turns an
/// expectation off. A fixture's name starts with the code of its first expectation (`FLOW006_…`).
@Suite struct DiagnosticFixtureTests {
    static let folder = FixtureDiscovery.root.appendingPathComponent("diagnostics")

    static let fixtureNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test(arguments: fixtureNames)
    func fixtureReportsExactlyWhatItExpects(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: url))
        let (expectations, malformed) = FixtureExpectation.parse(bytes)
        for line in malformed {
            Issue.record("\(name):\(line): malformed expectation; the form is '# expect: error FLOW006 at 4:11 \"text\"'")
        }
        #expect(!expectations.isEmpty, "\(name) states no expectation")

        let result = Compiler.build(paths: [url.path])
        var unmatched = result.diagnostics.filter { $0.severity != .note }
        for expectation in expectations {
            if let index = unmatched.firstIndex(where: expectation.matches) {
                unmatched.remove(at: index)
            } else {
                Issue.record("""
                    \(name): expected diagnostic not produced: \(expectation)
                    produced:
                    \(render(result.diagnostics, result))
                    """)
            }
        }
        for diagnostic in unmatched {
            Issue.record("\(name): unexpected \(diagnostic.severity.rawValue) produced:\n\(render([diagnostic], result))")
        }
    }

    @Test func thereAreEnoughFixtures() {
        #expect(Self.fixtureNames.count >= 40, "only \(Self.fixtureNames.count) diagnostic fixtures")
    }

    @Test(arguments: fixtureNames)
    func fixtureNameStartsWithItsFirstCode(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let first = try #require(FixtureExpectation.parse(bytes).expectations.first, "\(name) states no expectation")
        #expect(name.hasPrefix(first.code.rawValue), "\(name) should start with \(first.code)")
    }

    @Test func expectationLinesParse() {
        let text = """
            # expect: error FLOW006 at 4:11 "unterminated string"
              # expect: warning FLOW301 at 12:3
            # expect: note FLOW301 at 1:1
            # expect: error FLOW6 at 1:1
            # expected: nothing, an ordinary comment
            say "# expect: error FLOW001 at 1:1"
            """
        let (expectations, malformed) = FixtureExpectation.parse(Array(text.utf8))
        #expect(expectations == [
            FixtureExpectation(severity: .error, code: .unterminatedString, line: 4, column: 11, substring: "unterminated string"),
            FixtureExpectation(severity: .warning, code: .operationHangsUpLeg, line: 12, column: 3, substring: nil),
        ])
        #expect(malformed == [3, 4])
    }

    private func render(_ diagnostics: [Diagnostic], _ result: BuildResult) -> String {
        DiagnosticRenderer.render(
            diagnostics, sources: DiagnosticRenderer.sources(result.compilation.sources),
            options: DiagnosticRenderOptions())
    }
}

/// One `# expect:` line of a fixture.
struct FixtureExpectation: Hashable, CustomStringConvertible {
    var severity: Severity
    var code: DiagnosticCode
    var line: Int
    var column: Int
    var substring: String?

    var description: String {
        "\(severity.rawValue) \(code) at \(line):\(column)" + (substring.map { " \"\($0)\"" } ?? "")
    }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == severity && diagnostic.code == code
            && diagnostic.span?.start.line == line && diagnostic.span?.start.column == column
            && (substring.map { diagnostic.message.contains($0) } ?? true)
    }

    static let prefix = "# expect:"

    /// The expectations of a fixture, and the 1-based numbers of lines that start like one but are malformed.
    /// Reads the raw bytes leniently, because some fixtures are deliberately not valid UTF-8.
    static func parse(_ bytes: [UInt8]) -> (expectations: [FixtureExpectation], malformed: [Int]) {
        var expectations: [FixtureExpectation] = []
        var malformed: [Int] = []
        // Lines end at LF, as the compiler counts them; a CR before it is not part of the line.
        for (index, lineBytes) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = String(decoding: lineBytes.drop { $0 == UInt8(ascii: " ") }, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            guard line.hasPrefix(prefix) else { continue }
            if let expectation = FixtureExpectation(line.dropFirst(prefix.count)) {
                expectations.append(expectation)
            } else {
                malformed.append(index + 1)
            }
        }
        return (expectations, malformed)
    }

    init(severity: Severity, code: DiagnosticCode, line: Int, column: Int, substring: String?) {
        self.severity = severity
        self.code = code
        self.line = line
        self.column = column
        self.substring = substring
    }

    /// Parses ` error FLOW006 at 4:11 "text"`; `nil` when the text does not follow that form exactly.
    init?(_ text: Substring) {
        let pattern = /^ (error|warning) (FLOW[0-9]{3}) at ([1-9][0-9]*):([1-9][0-9]*)(?: "(.*)")?$/
        guard let match = text.wholeMatch(of: pattern),
            let severity = Severity(rawValue: String(match.1)),
            let code = DiagnosticCatalog.code(String(match.2)),
            let line = Int(match.3), let column = Int(match.4)
        else { return nil }
        self.init(
            severity: severity, code: code, line: line, column: column,
            substring: match.5.map(String.init))
    }
}
