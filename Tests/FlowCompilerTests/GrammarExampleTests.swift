import FlowCompiler
import FlowDiagnostics
import FlowTestSupport
import Foundation
import Testing

/// Grammar.md is the specification, and these tests keep it honest: every example in it parses without a
/// diagnostic, and every production of its grammar has its parse function.
@Suite struct GrammarExampleTests {
    static let examples: [GrammarExample] = (try? SyntaxTesting.grammarExamples()) ?? []

    @Test func grammarHasExamples() {
        #expect(Self.examples.count >= 9, "found \(Self.examples.count) flow examples in Grammar.md")
    }

    @Test(arguments: examples)
    func exampleParsesWithoutDiagnostics(_ example: GrammarExample) {
        let file = SourceFile(path: "Grammar.md", text: example.text)
        let result = Parser.parse(file)
        #expect(result.diagnostics.isEmpty, "\(SyntaxTesting.summary(result.diagnostics)): \(result.diagnostics.map(\.message))")
        #expect(SyntaxDefects.collect(result.syntax).isEmpty)
        #expect(!result.syntax.flows.isEmpty)
    }

    @Test(arguments: examples)
    func exampleParsesTheSameWithCRLFLineBreaks(_ example: GrammarExample) {
        let original = Parser.parse(SourceFile(path: "Grammar.md", text: example.text))
        let crlf = example.text.replacingOccurrences(of: "\n", with: "\r\n")
        let variant = Parser.parse(SourceFile(path: "Grammar.md", text: crlf))
        #expect(variant.diagnostics.isEmpty)
        #expect(SyntaxDump.dump(variant.syntax) == SyntaxDump.dump(original.syntax))
    }

    /// Productions that the lexer reads, not a parse function (Grammar.md §1).
    static let lexicalProductions: Set = [
        "newline", "comment", "identifier", "integer", "duration", "string", "escape", "arrow", "punctuation",
    ]

    @Test func everyProductionHasItsParseFunction() throws {
        let productions = try SyntaxTesting.grammarProductions()
        #expect(productions.count >= 30)
        let folder = SyntaxTesting.repositoryRoot.appendingPathComponent("Sources/FlowCompiler/Syntax")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("Parser") }
        let source = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        for production in productions where !Self.lexicalProductions.contains(production) {
            let name = production == "step-ref" ? "StepReference" : production.split(separator: "-").map(\.capitalized).joined()
            #expect(source.contains("func parse\(name)("), "no parse\(name) for production '\(production)'")
        }
    }
}
