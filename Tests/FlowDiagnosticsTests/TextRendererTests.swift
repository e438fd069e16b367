import FlowDiagnostics
import Testing

@Suite struct TextRendererTests {
    private let plain = TextRenderer()

    @Test func fullDiagnosticWithNotesHelpAndFixIt() {
        let expected = """
            flows/ivr.flow:5:34: error: unknown step 'mian' [FLOW201]
              5 |       dial agent "+1555" then -> mian
                |                                  ^~~~
              note: flows/ivr.flow:3:10: step 'main' declared here
              3 |     step main
                |          ^~~~
              note: step names are case-sensitive
              help: did you mean 'main'?
              fix-it: use 'main' [replace 5:34-5:38 with "main"]

            """
        #expect(plain.render([IVRFixture.unknownStep], sources: IVRFixture.sources) == expected)
    }

    @Test func gutterIsAsWideAsTheLargestLineNumberOfTheDiagnostic() {
        let text = (1...11).map { "# line \($0)" }.joined(separator: "\n") + "\nstep Main\n"
        let file = SourceFile(path: "a.flow", text: text)
        let diagnostic = Diagnostic(
            .duplicateSetting, .error, "duplicate step 'Main'", at: span(of: "Main", in: file),
            notes: [Note("first declared here", at: span(of: "line 3", in: file))])
        let expected = """
            a.flow:12:6: error: duplicate step 'Main' [FLOW202]
              12 | step Main
                 |      ^~~~
              note: a.flow:3:3: first declared here
               3 | # line 3
                 |   ^~~~~~

            """
        #expect(plain.render([diagnostic], sources: [file.path: file]) == expected)
    }

    @Test func tabsBeforeTheSpanStayTabsInTheUnderline() {
        let file = SourceFile(path: "t.flow", text: "\tsay\t\"hi\"\n")
        let diagnostic = Diagnostic(.roomNotShared, .warning, "tab indentation", at: span(of: "\"hi\"", in: file))
        let expected =
            "t.flow:1:6: warning: tab indentation [FLOW223]\n"
            + "  1 | \tsay\t\"hi\"\n"
            + "    | \t   \t^~~~\n"
        #expect(plain.render([diagnostic], sources: [file.path: file]) == expected)
    }

    @Test func wideCharactersTakeTwoUnderlineCells() {
        let file = SourceFile(path: "w.flow", text: "say \"👋🏽 こんにちは\" x\n")
        let afterWide = Diagnostic(.unexpectedIndentation, .error, "unexpected 'x'", at: span(of: "x", in: file))
        let onWide = Diagnostic(.unusedDeclaration, .note, "greeting", at: span(of: "こんにちは", in: file))
        let onEmoji = Diagnostic(.documentNotAllowedHere, .note, "emoji", at: span(of: "👋🏽", in: file))
        // Cells before 'x': `say "` 5, the emoji 2, a space 1, five kana 10, `" ` 2.
        let expected = """
            w.flow:1:6: note: emoji [FLOW225]
              1 | say "👋🏽 こんにちは" x
                |      ^~
            w.flow:1:8: note: greeting [FLOW224]
              1 | say "👋🏽 こんにちは" x
                |         ^~~~~~~~~~
            w.flow:1:15: error: unexpected 'x' [FLOW101]
              1 | say "👋🏽 こんにちは" x
                |                     ^

            """
        #expect(plain.render([afterWide, onWide, onEmoji], sources: [file.path: file]) == expected)
    }

    @Test func crlfLinesShowWithoutTheCarriageReturn() {
        let file = SourceFile(path: "c.flow", text: "step a\r\n  goto b\r\n")
        let word = Diagnostic(.duplicateName, .error, "unknown step 'b'", at: span(of: "b", in: file))
        // From 'b' through the CRLF into the next line: underlined to the end of the first line only.
        let throughBreak = Diagnostic(
            .missingBlock, .error, "junk at end of line",
            at: file.span(from: span(of: "b", in: file).start.offset, to: file.utf8.count))
        let expected = """
            c.flow:2:8: error: junk at end of line [FLOW102]
              2 |   goto b
                |        ^
            c.flow:2:8: error: unknown step 'b' [FLOW201]
              2 |   goto b
                |        ^

            """
        let rendered = plain.render([word, throughBreak], sources: [file.path: file])
        #expect(rendered == expected)
        #expect(!rendered.contains("\r"))
    }

    @Test func emptySpanGetsASingleCaretAtTheInsertionPoint() {
        let file = SourceFile(path: "e.flow", text: "    goto\n")
        let diagnostic = Diagnostic(
            .unknownKeyword, .error, "expected step name after 'goto'", at: point(after: "goto", in: file))
        let expected = """
            e.flow:1:9: error: expected step name after 'goto' [FLOW103]
              1 |     goto
                |         ^

            """
        #expect(plain.render([diagnostic], sources: [file.path: file]) == expected)
    }

    @Test(arguments: [
        ("step main\n  hangup", 2, 9, "  2 |   hangup\n    |         ^\n"),
        ("step main\n", 2, 1, "  2 |\n    | ^\n"),
    ])
    func spanAtEndOfFile(text: String, line: Int, column: Int, snippet: String) {
        let file = SourceFile(path: "f.flow", text: text)
        let end = file.utf8.count
        let diagnostic = Diagnostic(.misplacedKeyword, .error, "unexpected end of file", at: file.span(from: end, to: end))
        let expected = "f.flow:\(line):\(column): error: unexpected end of file [FLOW104]\n" + snippet
        #expect(plain.render([diagnostic], sources: [file.path: file]) == expected)
    }

    @Test func multiLineSpanUnderlinesToTheEndOfItsFirstLine() {
        let file = SourceFile(path: "m.flow", text: "step a\n  say \"one\n  two\"\n")
        let diagnostic = Diagnostic(
            .expectedName, .error, "string spans lines",
            at: span(of: "\"one\n  two\"", in: file))
        let expected = """
            m.flow:2:7: error: string spans lines [FLOW105]
              2 |   say "one
                |       ^~~~

            """
        #expect(plain.render([diagnostic], sources: [file.path: file]) == expected)
    }

    @Test func withoutASpanTheHeaderNamesTheTool() {
        let diagnostic = Diagnostic(.inputNotFound, .error, "cannot read 'missing.flow'", at: nil, help: "check the path")
        #expect(
            plain.render([diagnostic], sources: [:])
                == "flowc: error: cannot read 'missing.flow' [FLOW001]\n  help: check the path\n")
    }

    @Test func unknownFileGivesTheHeaderWithoutASnippet() {
        let diagnostic = Diagnostic(
            .operationHangsUpLeg, .warning, "step 'x' is unreachable",
            at: detachedSpan("other.flow", line: 7, columns: 5..<6, offset: 60),
            notes: [Note("reached from nowhere", at: detachedSpan("other.flow", line: 2, columns: 1..<2, offset: 9))])
        let expected = """
            other.flow:7:5: warning: step 'x' is unreachable [FLOW301]
              note: other.flow:2:1: reached from nowhere

            """
        #expect(plain.render([diagnostic], sources: [:]) == expected)
    }

    @Test func fixItEditsDescribeInsertDeleteAndOtherFiles() {
        let file = IVRFixture.file
        let elsewhere = detachedSpan("shared.flow", line: 4, columns: 3..<7, offset: 30)
        let diagnostic = Diagnostic(
            .durationWithoutUnit, .warning, "odd", at: span(of: "Welcome.", in: file),
            fixIts: [
                FixIt(
                    "tidy",
                    edits: [
                        TextEdit(span: elsewhere, replacement: "x"),
                        TextEdit(span: point(after: "main", in: file), replacement: "_1\n\"q\""),
                        TextEdit(span: span(of: " entry", in: file), replacement: ""),
                    ]),
                FixIt("think about it", edits: []),
            ])
        let rendered = plain.render([diagnostic], sources: [:])
        #expect(
            rendered == """
                flows/ivr.flow:4:12: warning: odd [FLOW204]
                  fix-it: tidy [delete 2:13-2:19; insert "_1\\n\\"q\\"" at 3:14; replace shared.flow:4:3-4:7 with "x"]
                  fix-it: think about it

                """)
    }

    @Test func diagnosticsAreShownInPresentationOrder() {
        let first = Diagnostic(.duplicateName, .error, "one", at: detachedSpan("a.flow", line: 1, columns: 1..<2, offset: 0))
        let second = Diagnostic(
            .duplicateName, .error, "two", at: detachedSpan("a.flow", line: 3, columns: 1..<2, offset: 20))
        let third = Diagnostic(
            .duplicateName, .error, "three", at: detachedSpan("b.flow", line: 1, columns: 1..<2, offset: 0))
        let rendered = plain.render([third, second, first], sources: [:])
        #expect(
            rendered
                == "a.flow:1:1: error: one [FLOW201]\na.flow:3:1: error: two [FLOW201]\nb.flow:1:1: error: three [FLOW201]\n"
        )
    }

    @Test func colourWrapsLabelsAndChangesNothingElse() {
        let file = SourceFile(path: "a.flow", text: "    step Main\n")
        let diagnostic = Diagnostic(
            .roomNotShared, .warning, "step name 'Main' should be lowercase", at: span(of: "Main", in: file),
            notes: [Note("style rule")], help: "rename it to 'main'")
        let sources = [file.path: file]
        let coloured = TextRenderer(colour: true).render([diagnostic], sources: sources)
        let expected =
            "\u{1B}[1ma.flow:1:10:\u{1B}[0m \u{1B}[1;33mwarning:\u{1B}[0m "
            + "\u{1B}[1mstep name 'Main' should be lowercase\u{1B}[0m [FLOW223]\n"
            + "\u{1B}[1;34m  1 |\u{1B}[0m     step Main\n"
            + "\u{1B}[1;34m    |\u{1B}[0m          \u{1B}[1;33m^~~~\u{1B}[0m\n"
            + "  \u{1B}[1;36mnote:\u{1B}[0m style rule\n"
            + "  \u{1B}[1;32mhelp:\u{1B}[0m rename it to 'main'\n"
        #expect(coloured == expected)
        #expect(strippingANSI(coloured) == plain.render([diagnostic], sources: sources))
    }

    @Test func errorsAreBoldRed() {
        let rendered = TextRenderer(colour: true).render([Diagnostic(.inputNotFound, .error, "x", at: nil)], sources: [:])
        #expect(rendered == "\u{1B}[1mflowc:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mx\u{1B}[0m [FLOW001]\n")
    }

    @Test func controlCharactersInTheSourceNeverReachTheTerminal() {
        let file = SourceFile(path: "x.flow", text: "say \u{1B}[31mred\u{7}\r x\n")
        let diagnostic = Diagnostic(
            .invalidUTF8, .error, "control character \u{1B} in source", at: span(of: "x", in: file))
        let rendered = plain.render([diagnostic], sources: [file.path: file])
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(
            rendered == """
                x.flow:1:16: error: control character ␛ in source [FLOW002]
                  1 | say ␛[31mred␇␍ x
                    |                ^

                """)
    }

    @Test func summaryLineOnlyWhenAskedAndOnlyForErrorsAndWarnings() {
        let error = Diagnostic(.inputNotFound, .error, "e", at: nil)
        let warning = Diagnostic(.operationHangsUpLeg, .warning, "w", at: nil)
        let note = Diagnostic(.documentFallOff, .note, "n", at: nil)
        let summarising = TextRenderer(summary: true)
        #expect(
            summarising.render([error, warning, warning], sources: [:]).hasSuffix(
                "[FLOW301]\n1 error, 2 warnings generated\n"))
        #expect(summarising.render([warning], sources: [:]).hasSuffix("\n1 warning generated\n"))
        #expect(summarising.render([note], sources: [:]) == "flowc: note: n [FLOW302]\n")
        #expect(summarising.render([], sources: [:]) == "")
        #expect(!plain.render([error], sources: [:]).contains("generated"))
    }
}
