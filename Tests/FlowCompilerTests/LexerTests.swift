import FlowCompiler
import FlowDiagnostics
import Testing

@Suite struct LexerTests {
    private func lex(_ text: String, firstInvalidByte: Int? = nil) -> (file: SourceFile, result: LexResult) {
        let file = SourceFile(path: "test.flow", text: text)
        return (file, Lexer.tokenize(file, firstInvalidByte: firstInvalidByte))
    }

    private func kinds(_ text: String) -> [TokenKind] {
        lex(text).result.tokens.map(\.kind)
    }

    // MARK: - Token kinds

    @Test func everyKindOfToken() {
        let (file, result) = lex("dial agent \"+1\" timeout=30s then -> a.b, 42 @\n")
        #expect(result.tokens.map(\.kind) == [
            .identifier, .identifier, .string, .identifier, .equals, .duration, .identifier, .arrow, .identifier,
            .dot, .identifier, .comma, .integer, .invalid, .newline, .endOfFile,
        ])
        #expect(result.tokens.map { $0.text(in: file) } == [
            "dial", "agent", "\"+1\"", "timeout", "=", "30s", "then", "->", "a", ".", "b", ",", "42", "@", "\n", "",
        ])
        #expect(result.diagnostics.map(\.code) == [.unexpectedCharacter])
    }

    @Test func literalValues() {
        let tokens = lex("x \"a\\\"b\\\\c\\nd\\te\\u{e9}\\u{1F600}\" 007 90s 2m 1h 999999999\n").result.tokens
        #expect(tokens[1].value == .string("a\"b\\c\nd\te\u{e9}\u{1F600}"))
        #expect(tokens[2].value == .integer(7))
        #expect(tokens[3].value == .duration(seconds: 90))
        #expect(tokens[4].value == .duration(seconds: 120))
        #expect(tokens[5].value == .duration(seconds: 3600))
        #expect(tokens[6].value == .integer(999_999_999))
    }

    @Test func namesAreASCIILettersDigitsAndUnderscores() {
        let (file, result) = lex("_a1 B_2 café\n")
        #expect(result.tokens.prefix(4).map { $0.text(in: file) } == ["_a1", "B_2", "caf", "é"])
        #expect(result.tokens[3].kind == .invalid)
        #expect(result.diagnostics.first?.help?.contains("names use only") == true)
    }

    // MARK: - Lines, indentation and spans

    @Test func indentationOpensAndClosesBlocks() {
        let text = """
            flow a
              leg b entry

                # a comment, indented anywhere
               # another
                step c
                  hangup
              leg d dialed
            """
        #expect(kinds(text) == [
            .identifier, .identifier, .newline,
            .indent, .identifier, .identifier, .identifier, .newline,
            .indent, .identifier, .identifier, .newline,
            .indent, .identifier, .newline,
            .dedent, .dedent, .identifier, .identifier, .identifier, .newline,
            .dedent, .endOfFile,
        ])
        #expect(lex(text).result.diagnostics.isEmpty)
    }

    @Test func structuralTokensHaveEmptySpansAtTheLineStart() {
        let (_, result) = lex("a\n  b\nc")
        let indent = result.tokens[2]
        #expect(indent.kind == .indent)
        #expect(indent.span.start == indent.span.end)
        #expect(indent.span.start.line == 2 && indent.span.start.column == 3)
        let dedent = result.tokens[5]
        #expect(dedent.kind == .dedent && dedent.span.start.line == 3 && dedent.span.start.column == 1)
        // The last line has no line break: its newline is empty, at the end of the file.
        let newline = result.tokens[7]
        #expect(newline.kind == .newline && newline.span.start.offset == 7 && newline.span.end.offset == 7)
    }

    @Test func crlfLineBreaksBelongToTheNewline() {
        let (file, result) = lex("flow a\r\n  leg b entry\r\n")
        let newline = result.tokens[2]
        #expect(newline.kind == .newline)
        #expect(newline.text(in: file) == "\r\n")
        #expect(newline.span.start.column == 7)
        let leg = result.tokens[4]
        #expect(leg.text(in: file) == "leg" && leg.span.start.line == 2 && leg.span.start.column == 3)
        #expect(result.tokens[4..<8].map { $0.text(in: file) } == ["leg", "b", "entry", "\r\n"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func loneCarriageReturnIsAnUnexpectedCharacter() {
        let (_, result) = lex("a\rb\n")
        #expect(result.tokens.map(\.kind) == [.identifier, .invalid, .identifier, .newline, .endOfFile])
        #expect(result.diagnostics.first?.message == "unexpected character U+000D")
    }

    @Test func columnsCountCharacters() {
        let text = "say \"👋🏽 café\" x é\n"
        let (file, result) = lex(text)
        let x = result.tokens[2]
        #expect(x.text(in: file) == "x")
        #expect(x.span.start.column == 14)
        #expect(result.tokens[3].span.start.column == 16)
        for token in result.tokens {
            #expect(token.span.start == file.location(ofOffset: token.span.start.offset))
            #expect(token.span.end == file.location(ofOffset: token.span.end.offset))
        }
    }

    @Test func locationsAgreeWithSourceFileOnDifficultText() throws {
        // Combining marks after ASCII, flags (regional indicator pairs), ZWJ sequences, CRLF, tabs.
        let text = "a\u{301} \"\u{1F1EB}\u{1F1F7}\u{1F1E9}\" b\r\n\tc \"👩‍👩‍👧\" d e\u{301}\u{302}f # ☎︎ x\n  \"x\" \u{00A0} y"
        let (file, result) = lex(text)
        for token in result.tokens {
            #expect(token.span.start == file.location(ofOffset: token.span.start.offset))
            #expect(token.span.end == file.location(ofOffset: token.span.end.offset))
        }
        for diagnostic in result.diagnostics {
            let span = try #require(diagnostic.span)
            #expect(span.start == file.location(ofOffset: span.start.offset))
        }
        for comment in result.comments {
            #expect(comment.span.start == file.location(ofOffset: comment.span.start.offset))
        }
    }

    @Test func byteOrderMarkIsSkipped() {
        let (file, result) = lex("\u{FEFF}flow a\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.tokens.first?.kind == .identifier)
        #expect(result.tokens.first?.text(in: file) == "flow")
        // Offsets and columns stay those of the file: the mark is three bytes and one character.
        #expect(result.tokens.first?.span.start == SourceLocation(offset: 3, line: 1, column: 2))
        #expect(result.tokens.map(\.kind) == [.identifier, .identifier, .newline, .endOfFile])
    }

    @Test func byteOrderMarkElsewhereIsUnexpected() {
        #expect(lex("a \u{FEFF}\n").result.diagnostics.map(\.message) == ["unexpected character U+FEFF"])
    }

    @Test func tabInIndentationIsReportedAndCountsToTheNextMultipleOfEight() {
        let (_, result) = lex("a\n  b\n\tc\n        d\n")
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW004 3:1"])
        // The tab reaches column 8, deeper than 2: a block opens, and `d` (8 spaces) stays in it.
        #expect(result.tokens.map(\.kind) == [
            .identifier, .newline, .indent, .identifier, .newline, .indent, .identifier, .newline,
            .identifier, .newline, .dedent, .dedent, .endOfFile,
        ])
    }

    @Test func tabBeforeACommentOrBetweenTokensIsFine() {
        #expect(lex("a\n\t# comment\nb\tc\n").result.diagnostics.isEmpty)
    }

    @Test func inconsistentDedentStaysInTheInnermostBlockItDoesNotLeave() {
        let (_, result) = lex("a\n  b\n    c\n   d\n    e\n")
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW005 4:1"])
        #expect(result.diagnostics.first?.message == "indentation of 3 spaces matches no enclosing block")
        #expect(result.diagnostics.first?.help?.contains("by 2 spaces") == true)
        // `d` is kept at the level of `c`, so `e` continues the same block without a new one.
        #expect(result.tokens.map(\.kind) == [
            .identifier, .newline, .indent, .identifier, .newline, .indent, .identifier, .newline,
            .identifier, .newline, .identifier, .newline, .dedent, .dedent, .endOfFile,
        ])
    }

    // MARK: - Comments

    @Test func commentsAreTriviaWithBlankLines() {
        let (_, result) = lex("# one\n\n# two\na # trailing\n\n\nb\n# end\n")
        #expect(result.comments.map(\.text) == [" one", " two", " trailing", " end"])
        #expect(result.comments.map(\.blankLineBefore) == [false, true, false, false])
        #expect(!result.tokens.contains { $0.kind == .invalid })
        #expect(result.comments[2].span.start.column == 3)
    }

    @Test func hashInsideAStringIsNotAComment() {
        let (_, result) = lex("say \"press # now\" # real\n")
        #expect(result.tokens[1].value == .string("press # now"))
        #expect(result.comments.map(\.text) == [" real"])
    }

    @Test func commentExcludesTheCarriageReturn() {
        #expect(lex("a # x\r\n").result.comments.first?.text == " x")
    }

    // MARK: - Diagnostics

    @Test func unterminatedStringEndsAtTheEndOfTheLine() {
        let (file, result) = lex("say \"abc \\q\r\nnext\n")
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW006 1:5"])
        #expect(result.tokens[1].kind == .string && result.tokens[1].isMalformed)
        #expect(result.tokens[1].text(in: file) == "\"abc \\q")
        #expect(result.tokens[2].kind == .newline)
    }

    @Test(arguments: [
        ("say \"a\\qb\"", "FLOW007 1:7", "invalid escape '\\q' in a string"),
        ("say \"\\u{110000}\"", "FLOW007 1:6", "invalid Unicode escape '\\u{110000}' in a string"),
        ("say \"\\u{D800}\"", "FLOW007 1:6", "invalid Unicode escape '\\u{D800}' in a string"),
        ("say \"\\u{}\"", "FLOW007 1:6", "invalid Unicode escape '\\u{}' in a string"),
        ("say \"\\u{1234567}\"", "FLOW007 1:6", "invalid Unicode escape '\\u{1234567}' in a string"),
        ("say \"\\u41\"", "FLOW007 1:6", "invalid Unicode escape '\\u' in a string"),
        ("say \"a\u{7}b\"", "FLOW008 1:7", "control character U+0007 in a string"),
        ("say \"a\u{85}b\"", "FLOW008 1:7", "control character U+0085 in a string"),
        ("say \"a\rb\"", "FLOW008 1:7", "control character U+000D in a string"),
        ("pause 1234567890", "FLOW009 1:7", "number '1234567890' has 10 digits; the most is 9"),
        ("pause 5min", "FLOW009 1:7", "invalid number '5min': 'min' is not a duration unit"),
        ("pause 10_s", "FLOW009 1:7", "invalid number '10_s': '_s' is not a duration unit"),
        ("say “hi”", "FLOW003 1:5", "unexpected character '“'"),
        ("say 'hi'", "FLOW003 1:5", "unexpected character \"'\""),
        ("a\u{00A0}b", "FLOW003 1:2", "unexpected character U+00A0"),
        ("a - b", "FLOW003 1:3", "unexpected character '-'"),
    ])
    func lexicalDiagnostic(source: String, location: String, message: String) {
        let result = lex(source + "\n").result
        #expect(SyntaxTesting.summary(result.diagnostics) == [location])
        #expect(result.diagnostics.first?.message == message)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        #expect(result.tokens.contains { $0.isMalformed })
    }

    @Test func tabInAStringIsAllowed() {
        let result = lex("say \"a\tb\"\n").result
        #expect(result.diagnostics.isEmpty)
        #expect(result.tokens[1].value == .string("a\tb"))
    }

    @Test func aRunOfUnexpectedCharactersIsOneToken() {
        let (file, result) = lex("a @$% b\n")
        #expect(result.tokens.map { $0.text(in: file) } == ["a", "@$%", "b", "\n", ""])
    }

    @Test func atMostOneDiagnosticPerLine() {
        let result = lex("\tsay \"\\q\" @ 1234567890 \"open\n").result
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW004 1:1"])
        #expect(result.tokens.filter(\.isMalformed).count == 4)
    }

    @Test func unterminatedStringWinsOverItsBadEscape() {
        #expect(SyntaxTesting.summary(lex("say \"a \\q\n").result.diagnostics) == ["FLOW006 1:5"])
    }

    // MARK: - Replacement characters (invalid UTF-8)

    @Test func replacementCharacterIsReportedOutsideStrings() {
        let (file, first) = SourceFile.decode(path: "a.flow", bytes: Array("say \"x\"\n".utf8) + [0xFF] + Array("\n".utf8))
        #expect(first == 8)
        let plain = Lexer.tokenize(file)
        #expect(SyntaxTesting.summary(plain.diagnostics) == ["FLOW003 2:1"])
        #expect(plain.diagnostics.first?.help?.contains("UTF-8") == true)
        // The loader reported it as FLOW002: its line gets nothing more, but the token is still malformed.
        let known = Lexer.tokenize(file, firstInvalidByte: first)
        #expect(known.diagnostics.isEmpty)
        #expect(known.tokens.contains { $0.kind == .invalid && $0.isMalformed })
    }

    @Test func replacementCharacterInAStringOrCommentIsText() {
        let (file, _) = SourceFile.decode(path: "a.flow", bytes: Array("say \"a".utf8) + [0xFF] + Array("\" # \u{FFFD}\n".utf8))
        let result = Lexer.tokenize(file)
        #expect(result.diagnostics.isEmpty)
        #expect(result.tokens[1].value == .string("a\u{FFFD}"))
    }

    // MARK: - Edges

    @Test func emptyFileIsJustTheEnd() {
        #expect(kinds("") == [.endOfFile])
        #expect(kinds("\n\n  \n") == [.endOfFile])
    }

    @Test func fileOfOnlyACommentHasNoTokens() {
        let result = lex("# only a comment").result
        #expect(result.tokens.map(\.kind) == [.endOfFile])
        #expect(result.comments.map(\.text) == [" only a comment"])
    }

    @Test func deeplyNestedIndentationIsBalanced() {
        let depth = 5000
        let text = (0..<depth).map { String(repeating: " ", count: $0) + "a\n" }.joined()
        let tokens = lex(text).result.tokens
        #expect(tokens.filter { $0.kind == .indent }.count == depth - 1)
        #expect(tokens.filter { $0.kind == .dedent }.count == depth - 1)
        #expect(tokens.last?.kind == .endOfFile)
    }
}
