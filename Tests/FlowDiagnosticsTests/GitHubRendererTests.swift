import FlowDiagnostics
import Testing

@Suite struct GitHubRendererTests {
    @Test func oneCommandWithNotesHelpAndFixItsOnEscapedLines() {
        let expected =
            "::error file=flows/ivr.flow,line=5,col=34,endLine=5,endColumn=38,title=FLOW201::unknown step 'mian'"
            + "%0Anote: flows/ivr.flow:3:10: step 'main' declared here"
            + "%0Anote: step names are case-sensitive"
            + "%0Ahelp: did you mean 'main'?"
            + "%0Afix-it: use 'main' [replace 5:34-5:38 with \"main\"]\n"
        #expect(GitHubRenderer().render([IVRFixture.unknownStep]) == expected)
    }

    @Test func severitiesMapToErrorWarningAndNotice() {
        let at = detachedSpan("a.flow", line: 2, columns: 3..<5, offset: 10)
        let rendered = GitHubRenderer().render([
            Diagnostic(.operationHangsUpLeg, .warning, "w", at: at),
            Diagnostic(.documentFallOff, .note, "n", at: at),
            Diagnostic(.duplicateName, .error, "e", at: at),
        ])
        #expect(
            rendered == """
                ::error file=a.flow,line=2,col=3,endLine=2,endColumn=5,title=FLOW201::e
                ::warning file=a.flow,line=2,col=3,endLine=2,endColumn=5,title=FLOW301::w
                ::notice file=a.flow,line=2,col=3,endLine=2,endColumn=5,title=FLOW302::n

                """)
    }

    @Test func propertiesAndMessageAreEscapedByTheirOwnRules() {
        let diagnostic = Diagnostic(
            .duplicateName, .error, "100% sure, really: yes\nsecond\rline",
            at: detachedSpan("dir,x/a:b%.flow", line: 1, columns: 1..<2, offset: 0),
            help: "use 50%")
        #expect(
            GitHubRenderer().command(diagnostic)
                == "::error file=dir%2Cx/a%3Ab%25.flow,line=1,col=1,endLine=1,endColumn=2,title=FLOW201"
                + "::100%25 sure, really: yes%0Asecond%0Dline%0Ahelp: use 50%25")
    }

    @Test func multiLineSpansGiveLinesOnlyAndSpanlessDiagnosticsOnlyATitle() {
        let file = SourceFile(path: "m.flow", text: "say \"one\ntwo\"\n")
        let multiLine = Diagnostic(.expectedName, .error, "string spans lines", at: span(of: "\"one\ntwo\"", in: file))
        let spanless = Diagnostic(.inputNotFound, .error, "cannot read 'x.flow'", at: nil)
        #expect(
            GitHubRenderer().command(multiLine)
                == "::error file=m.flow,line=1,endLine=2,title=FLOW105::string spans lines")
        #expect(GitHubRenderer().command(spanless) == "::error title=FLOW001::cannot read 'x.flow'")
    }

    @Test func emptySpanEndsWhereItStarts() {
        let file = SourceFile(path: "e.flow", text: "    goto\n")
        let diagnostic = Diagnostic(.unknownKeyword, .error, "expected step name", at: point(after: "goto", in: file))
        #expect(
            GitHubRenderer().command(diagnostic)
                == "::error file=e.flow,line=1,col=9,endLine=1,endColumn=9,title=FLOW103::expected step name")
    }
}
