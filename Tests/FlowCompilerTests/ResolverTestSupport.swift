import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Parses and resolves source text for resolver tests; the source must parse without diagnostics, so
/// that every finding a test sees comes from the resolver.
enum ResolverHarness {
    static func syntax(_ source: String, path: String = "test.flow") -> FileSyntax {
        let parsed = Parser.parse(SourceFile(path: path, text: source))
        #expect(parsed.diagnostics.isEmpty, "unexpected parse diagnostics: \(parsed.diagnostics.map(\.message))")
        return parsed.syntax
    }

    static func resolve(_ source: String, path: String = "test.flow") -> ResolveResult {
        Resolver.resolve([syntax(source, path: path)])
    }

    /// `severity CODE line:column message` per diagnostic, in presentation order.
    static func findings(_ source: String) -> [String] {
        resolve(source).diagnostics.map(describe)
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.span.map { "\($0.start.line):\($0.start.column)" } ?? "-"
        return "\(diagnostic.severity.rawValue) \(diagnostic.code) \(start) \(diagnostic.message)"
    }

    /// Checks that `source` produces exactly the expected findings, in order; each expectation is a
    /// prefix of its finding (`"error FLOW203 5:13 undefined step"`).
    static func expect(
        _ source: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let actual = findings(source)
        let matches = actual.count == expected.count && zip(actual, expected).allSatisfy { $0.hasPrefix($1) }
        #expect(matches, "expected \(expected)\nfound \(actual)", sourceLocation: sourceLocation)
    }

    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The ```flow blocks of Grammar.md, in order.
    static func grammarExamples() throws -> [String] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Grammar.md"), encoding: .utf8)
        var examples: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```flow" {
                current = []
            } else if let lines = current, line == "```" {
                examples.append(lines.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return examples
    }
}
