import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Runs every file of `Fixtures/diagnostics/` through the whole pipeline (`Compiler.build`, writing nothing) and compares what it reports with
/// what the file says it expects.
///
/// A fixture states each diagnostic it expects in a comment: on the offending line, after its code,
///
/// ```
///       say "Crème brûlée, \u{FFFD}"  # expect-error FLOW002 col 26 "0xFF"
/// ```
///
/// or on a line of its own with the offset of the offending line (`@+1` the line below, `@-1` the one
/// above, `@+N`), as Swift's `-verify` and rustc's `//~`, where a trailing comment would change what the
/// compiler sees (inside an unterminated string, on a line with a tab, a CR or bytes that are not UTF-8):
///
/// ```
/// # expect-error@+4 FLOW006 col 11 "unterminated string"
/// ```
///
/// severity (`error` or `warning`), code, the 1-based column (in characters) where the span starts on that
/// line, and optionally a substring of the message. Fixtures/README.md documents the form. The check goes
/// both ways: every expectation must be met by a diagnostic, and every error or warning must be expected.
/// Notes are not checked. A comment that starts like an expectation but does not follow the form fails the
/// fixture, and so does the old header form `# expect: error FLOW006 at 4:11`, so a typo never turns an
/// expectation off. A fixture's name starts with the code of one of its expectations (`FLOW006-…`).
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
            Issue.record("\(name):\(line): malformed expectation; the form is '# expect-error FLOW006 col 11 \"text\"' on the offending line, or '# expect-error@+1 FLOW006 col 11' above it (Fixtures/README.md)")
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

    /// The name says which code the fixture is about; now that expectations sit on their lines, that code
    /// need not be the first one in the file (a side warning may come earlier).
    @Test(arguments: fixtureNames)
    func fixtureNameStartsWithOneOfItsCodes(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let codes = FixtureExpectation.parse(bytes).expectations.map(\.code.rawValue)
        #expect(!codes.isEmpty, "\(name) states no expectation")
        #expect(codes.contains { name.hasPrefix($0) }, "\(name) should start with one of \(codes)")
    }

    @Test func expectationLinesParse() {
        let text = """
            # expect-error@+1 FLOW006 col 11 "unterminated string"
              say "a # b" # expect-warning FLOW301 col 3
            # expect-note FLOW301 col 1
            # expect-error FLOW6 col 1
            # expected: nothing, an ordinary comment
            say "# expect-error FLOW001 col 1"
            # expect: error FLOW006 at 4:11 "the old form"
            hangup #expect-error FLOW006 col 1
            # expect-error@-9 FLOW006 col 1
            """
        let (expectations, malformed) = FixtureExpectation.parse(Array(text.utf8))
        #expect(expectations == [
            FixtureExpectation(severity: .error, code: .unterminatedString, line: 2, column: 11, substring: "unterminated string"),
            FixtureExpectation(severity: .warning, code: .operationHangsUpLeg, line: 2, column: 3, substring: nil),
            FixtureExpectation(severity: .error, code: .unterminatedString, line: 8, column: 1, substring: nil),
        ])
        #expect(malformed == [3, 4, 7, 9])
    }

    private func render(_ diagnostics: [Diagnostic], _ result: BuildResult) -> String {
        DiagnosticRenderer.render(
            diagnostics, sources: DiagnosticRenderer.sources(result.compilation.sources),
            options: DiagnosticRenderOptions())
    }
}

/// One `# expect-error` / `# expect-warning` comment of a fixture, with the line it points at resolved.
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

    /// The old header form (`# expect: error FLOW006 at 4:11`), refused so that nobody writes it again.
    static let oldPrefix = "expect:"
    static let prefix = "expect-"

    /// The expectations of a fixture, and the 1-based numbers of lines whose comment starts like one but is
    /// malformed (or in the old form). Reads the raw bytes leniently, because some fixtures are deliberately
    /// not valid UTF-8.
    static func parse(_ bytes: [UInt8]) -> (expectations: [FixtureExpectation], malformed: [Int]) {
        var expectations: [FixtureExpectation] = []
        var malformed: [Int] = []
        // Lines end at LF, as the compiler counts them; a CR before it is not part of the line.
        for (index, lineBytes) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = String(decoding: lineBytes, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            guard let comment = comment(in: line) else { continue }
            let text = comment.drop { $0 == " " }
            if text.hasPrefix(oldPrefix) {
                malformed.append(index + 1)
            } else if text.hasPrefix(prefix) {
                if let expectation = FixtureExpectation(text.dropFirst(prefix.count), onLine: index + 1) {
                    expectations.append(expectation)
                } else {
                    malformed.append(index + 1)
                }
            }
        }
        return (expectations, malformed)
    }

    /// The text after the `#` that starts the line's comment, as the lexer finds it: the first `#` outside a
    /// string (a string runs from `"` to the next unescaped `"` or the end of the line).
    static func comment(in line: String) -> Substring? {
        var inString = false
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "#" {
                return line[line.index(after: index)...]
            }
        }
        return nil
    }

    init(severity: Severity, code: DiagnosticCode, line: Int, column: Int, substring: String?) {
        self.severity = severity
        self.code = code
        self.line = line
        self.column = column
        self.substring = substring
    }

    /// Parses `error@+4 FLOW006 col 11 "text"` (after `expect-`) written on line `line`; `nil` when the text
    /// does not follow that form exactly or the offset points before the first line.
    init?(_ text: Substring, onLine line: Int) {
        let pattern = /^(error|warning)(?:@([+-][1-9][0-9]*))? (FLOW[0-9]{3}) col ([1-9][0-9]*)(?: "(.*)")? *$/
        guard let match = text.wholeMatch(of: pattern),
            let severity = Severity(rawValue: String(match.1)),
            let code = DiagnosticCatalog.code(String(match.3)),
            let column = Int(match.4)
        else { return nil }
        let target = line + (match.2.flatMap { Int($0) } ?? 0)
        guard target >= 1 else { return nil }
        self.init(
            severity: severity, code: code, line: target, column: column,
            substring: match.5.map(String.init))
    }
}
