import FlowCompiler
import FlowDiagnostics
import FlowTestSupport
import Foundation
import Testing

@Suite struct FormatterTests {
    // MARK: - Layout rules (Grammar.md, "Canonical layout")

    @Test func emptyFileStaysEmpty() {
        #expect(format("") == "")
        #expect(format("\n\n  \n") == "")
    }

    @Test func blankLinesAfterABlockHeaderAreDropped() {
        let source = "flow a\n\n  leg caller entry\n\n\n    step start\n\n      hangup\n"
        #expect(format(source) == "flow a\n  leg caller entry\n    step start\n      hangup\n")
    }

    @Test func blankLineAfterALeafHeaderIsKept() {
        // `leg agent dialed` has no block, so the blank line after it separates two siblings.
        let source = "flow a\n  leg agent dialed\n\n\n  leg caller entry\n    step start\n      hangup\n"
        #expect(format(source) == "flow a\n  leg agent dialed\n\n  leg caller entry\n    step start\n      hangup\n")
    }

    @Test func blankLineBetweenACommentAndItsLineIsKept() {
        let source = "flow a\n  # About the leg.\n\n\n  leg agent dialed\n"
        #expect(format(source) == "flow a\n  # About the leg.\n\n  leg agent dialed\n")
    }

    @Test func commentsLoseOnlyTheirTrailingWhitespace() {
        let source = "flow a   #  two spaces kept \t \n  leg agent dialed\n#\n"
        #expect(format(source) == "flow a #  two spaces kept\n  leg agent dialed\n#\n")
    }

    @Test func wholeLineCommentTakesTheIndentationOfTheLineBelow() {
        let source = "flow a\n  leg caller entry\n    step start\n      hangup\n        # deep\n  leg agent dialed\n"
        #expect(
            format(source) == "flow a\n  leg caller entry\n    step start\n      hangup\n  # deep\n  leg agent dialed\n"
        )
    }

    @Test func endOfFileCommentsStartAtColumnOne() {
        let source = "flow a\n  leg agent dialed\n    # inside?\n\n\n  # after\n\n"
        #expect(format(source) == "flow a\n  leg agent dialed\n# inside?\n\n# after\n")
    }

    @Test func arrowsAreSpacedOnBothSides() {
        let source = "flow a\n  leg caller entry\n    step start\n      gather then->start\n      go->start\n"
        #expect(
            format(source)
                == "flow a\n  leg caller entry\n    step start\n      gather then -> start\n      go -> start\n")
    }

    // MARK: - Refusal

    @Test func refusesATreeWithAnErrorLine() {
        let span = SourceSpan(
            path: "a.flow", start: .init(offset: 0, line: 1, column: 1), end: .init(offset: 0, line: 1, column: 1))
        let flow = FlowSyntax(
            trivia: Trivia(), name: Identifier(name: "a", span: span),
            members: [.error(ErrorLine(trivia: Trivia(), span: span))], span: span)
        #expect(SourceFormatter.format(FileSyntax(path: "a.flow", flows: [.node(flow)], trailingComments: [])) == nil)
    }

    @Test func refusesATreeWithAMissingName() {
        let span = SourceSpan(
            path: "a.flow", start: .init(offset: 0, line: 1, column: 1), end: .init(offset: 0, line: 1, column: 1))
        let flow = FlowSyntax(trivia: Trivia(), name: Identifier(name: "", span: span), members: [], span: span)
        #expect(SourceFormatter.format(FileSyntax(path: "a.flow", flows: [.node(flow)], trailingComments: [])) == nil)
    }

    @Test func refusesWhatTheParserCouldNotRead() {
        let result = Parser.parse(SourceFile(path: "a.flow", text: "flow a\n  leg caller\n  ???\n"))
        #expect(!result.diagnostics.isEmpty)
        #expect(SourceFormatter.format(result.syntax) == nil)
    }

    // MARK: - Grammar.md

    @Test func grammarExamplesAreFound() {
        #expect(grammarExamples().count >= 8)
    }

    /// Grammar.md promises one layout; its own examples must already be in it.
    @Test(arguments: grammarExamples())
    func grammarExampleIsCanonical(_ example: String) {
        let result = Parser.parse(SourceFile(path: "Grammar.md", text: example))
        #expect(result.diagnostics.isEmpty)
        #expect(SourceFormatter.format(result.syntax) == example)
    }

    // MARK: - SyntaxDump

    @Test func dumpIgnoresLayoutAndComments() {
        let canonical = "flow a\n  leg caller entry\n    step start\n      say \"Hi\" loop=2\n      hangup\n"
        let messy =
            "# c\nflow   a\n    leg caller   entry # c\n\n\n         step start\n          say \"Hi\"   loop=2\n          hangup\n"
        #expect(dump(canonical) == dump(messy))
    }

    @Test func dumpShowsWhatALiteralMeansWhereItDiffersFromItsSpelling() {
        let text = dump(
            "flow a\n  leg caller entry\n    step start\n      say \"caf\\u{e9}\" loop=007\n      pause 2m\n      hangup\n"
        )
        #expect(text.contains(#"argument - "caf\u{e9}" (value "café")"#))
        #expect(text.contains("option loop=007 (value 7)"))
        #expect(text.contains("argument - 2m (value 120s)"))
    }

    @Test func dumpTellsApartTwoSpellingsOfOneString() {
        let escaped = dump("flow a\n  voice \"\\u{41}\"\n")
        let plain = dump("flow a\n  voice \"A\"\n")
        #expect(escaped != plain)
    }

    @Test func commentsAreListedInSourceOrder() {
        let source = "# 1\nflow a # 2\n  # 3\n  leg caller entry\n    step start\n      # 4\n      hangup # 5\n# 6\n"
        let syntax = Parser.parse(SourceFile(path: "a.flow", text: source)).syntax
        #expect(SyntaxDump.comments(syntax).map(\.text) == [" 1", " 2", " 3", " 4", " 5", " 6"])
    }

    // MARK: - Helpers

    private func format(_ source: String) -> String? {
        let result = Parser.parse(SourceFile(path: "test.flow", text: source))
        #expect(result.diagnostics.isEmpty, "test input must parse: \(result.diagnostics.map(\.message))")
        return SourceFormatter.format(result.syntax)
    }

    private func dump(_ source: String) -> String {
        let result = Parser.parse(SourceFile(path: "test.flow", text: source))
        #expect(result.diagnostics.isEmpty, "test input must parse: \(result.diagnostics.map(\.message))")
        return SyntaxDump.dump(result.syntax)
    }
}

/// The fenced ```flow blocks of Grammar.md, each with its final newline.
private func grammarExamples() -> [String] {
    let grammar = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Grammar.md")
    guard let text = try? String(contentsOf: grammar, encoding: .utf8) else { return [] }
    var examples: [String] = []
    var current: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if current == nil, line == "```flow" {
            current = ""
        } else if current != nil, line == "```" {
            examples.append(current ?? "")
            current = nil
        } else if current != nil {
            current? += line + "\n"
        }
    }
    return examples
}
