import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// `Compiler.build` from `.flow` text: what stops a build, where the diagnostics land, and that output
/// does not depend on the input order.
@Suite struct BuildPipelineTests {
    private func expectNoFiles(_ result: BuildResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.files.isEmpty, "a failed build must write nothing", sourceLocation: sourceLocation)
    }

    @Test func controlCharacterInSayIsRejectedAtTheString() throws {
        let text = """
            flow bell
              leg caller entry
                step start
                  say "Ding\\u{7} dong."
                  hangup

            """
        let result = TestBuild.build(text)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .forbiddenCharacter }, "\(result.diagnostics)")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.span?.start.line == 4 && diagnostic.span?.start.column == 11)
        #expect(diagnostic.message.contains("U+0007"))
        #expect(diagnostic.notes.first?.message.contains("/bell/legs/caller/start.xml") == true)
        expectNoFiles(result)
    }

    @Test func controlCharacterInAnAttributeIsRejectedAtTheOption() throws {
        let text = """
            flow bell
              leg caller entry
                step start
                  gather hints="a\\u{1}b" then -> start
                    say "Hi."
                  hangup

            """
        let result = TestBuild.build(text)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .forbiddenCharacter }, "\(result.diagnostics)")
        #expect(diagnostic.span?.start.line == 4 && diagnostic.span?.start.column == 14)
        expectNoFiles(result)
    }

    @Test func sayTooLongIsReportedAtTheString() throws {
        let long = String(repeating: "word ", count: 700)
        let text = """
            flow talk
              voice "Polly.Joanna"
              leg caller entry
                step start
                  say "\(long)"
                  hangup

            """
        let result = TestBuild.build(text)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .twimlTextTooLong }, "\(result.diagnostics)")
        #expect(diagnostic.span?.start.line == 5 && diagnostic.span?.start.column == 11)
        expectNoFiles(result)
    }

    @Test func legsDifferingOnlyByCaseClashAtTheSecondDeclaration() throws {
        let text = """
            flow desk
              serve at "https://twiml.example.com/desk"
              leg Agent entry
                step start
                  hangup
                step after
                  hangup
              leg agent outbound
                step start
                  hangup

            """
        let result = TestBuild.build(text)
        let clashes = result.diagnostics.filter { $0.code == .routeCaseClash }
        #expect(clashes.count == 1, "one diagnostic per pair of names, not per document")
        let clash = try #require(clashes.first)
        #expect(
            clash.span?.start.line == 8 && clash.message.contains("leg 'agent'") && clash.message.contains("'Agent'"))
        #expect(clash.notes.first?.span?.start.line == 3)
        expectNoFiles(result)
    }

    @Test func namesThatDoNotShareAPathDoNotClash() {
        let text = """
            flow desk
              serve at "https://twiml.example.com/desk"
              leg caller entry
                step start
                  dial Agent "+15551230000" then -> start
              leg Agent dialed
                whisper
                  say "One."
              leg agent outbound
                step start
                  hangup

            """
        let result = TestBuild.build(text)
        #expect(!result.hasErrors(strict: false), "\(TestBuild.describe(result.diagnostics))")
        #expect(!result.files.isEmpty)
    }

    @Test func flowsDifferingOnlyByCaseClashAcrossFiles() throws {
        let first = SourceFile(path: "a.flow", text: "flow Hello\n  leg caller entry\n    step start\n      hangup\n")
        let second = SourceFile(path: "b.flow", text: "flow hello\n  leg caller entry\n    step start\n      hangup\n")
        for sources in [[first, second], [second, first]] {
            let result = TestBuild.build(sources)
            let clash = try #require(result.diagnostics.first { $0.code == .routeCaseClash }, "\(result.diagnostics)")
            #expect(clash.span?.path == "b.flow" && clash.notes.first?.span?.path == "a.flow")
            #expect(result.diagnostics.filter { $0.code == .routeCaseClash }.count == 1)
            expectNoFiles(result)
        }
    }

    @Test func stepsDifferingOnlyByCaseClash() {
        let text = "flow f\n  leg caller entry\n    step start\n      go -> Start\n    step Start\n      hangup\n"
        let result = TestBuild.build(text)
        #expect(result.diagnostics.contains { $0.code == .routeCaseClash && $0.span?.start.line == 5 })
    }

    @Test func absoluteURLsNeedServeAt() throws {
        let text = "flow hello\n  leg caller entry\n    step start\n      say \"Hi.\"\n      hangup\n"
        #expect(!TestBuild.build(text, urls: .relative).files.isEmpty)
        let result = TestBuild.build(text, urls: .absolute)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .absoluteURLsNeedBaseURL })
        #expect(diagnostic.span?.start.line == 1)
        expectNoFiles(result)
    }

    @Test func frontEndErrorsStopTheBuildBeforeCodeGeneration() {
        let result = TestBuild.build("flow broken\n  leg caller entry\n    step start\n      go -> nowhere\n")
        #expect(result.hasErrors(strict: false))
        #expect(result.documents.isEmpty && result.manifest == nil)
        expectNoFiles(result)
    }

    @Test func strictTurnsAWarningIntoAnEmptyBuild() {
        let text = """
            flow meet
              room desk
              leg caller entry
                step start
                  join desk then hangup

            """
        let relaxed = TestBuild.build(text)
        #expect(relaxed.diagnostics.contains { $0.severity == .warning })
        #expect(!relaxed.files.isEmpty)
        let strict = Compiler.build(
            sources: [SourceFile(path: "t.flow", text: text)], options: BuildOptions(strict: true))
        #expect(strict.hasErrors(strict: true))
        expectNoFiles(strict)
    }

    @Test func outputIsTheSameWhateverTheOrderOfTheFiles() throws {
        let folder = SourceTree.compileFixtures.appendingPathComponent("multiple_flows")
        let sources =
            SourceTree.flowSources(in: folder, displayPrefix: "") + [
                SourceFile(path: "c.flow", text: "flow aaa\n  leg caller entry\n    step start\n      hangup\n")
            ]
        let reference = TestBuild.tree(TestBuild.build(sources))
        #expect(reference.count == 7)
        for permutation in [[2, 0, 1], [1, 2, 0], [2, 1, 0]] {
            #expect(TestBuild.tree(TestBuild.build(permutation.map { sources[$0] })) == reference)
        }
    }

    /// The fixtures whose flows all have `serve at`, built with absolute URLs: `TestBuild.build` parses back
    /// and validates every document.
    @Test func fixturesAlsoBuildWithAbsoluteURLs() {
        var built = 0
        for name in BuildGoldenTests.cases {
            let folder = SourceTree.compileFixtures.appendingPathComponent(name)
            let result = TestBuild.build(SourceTree.flowSources(in: folder, displayPrefix: ""), urls: .absolute)
            if !result.files.isEmpty { built += 1 }
        }
        #expect(built >= 5)
    }

    @Test func theRoundTripCatchesBytesThatAreNotTheIR() {
        let document = TwiMLDocument([.say("Hello"), .hangup])
        let wrong = Array(TwiMLRenderer().render(TwiMLDocument([.say("Hullo"), .hangup])).utf8)
        #expect(!XMLRoundTrip.problems(bytes: wrong, document: document).isEmpty)
        let right = TwiMLRenderer().renderBytes(document)
        #expect(XMLRoundTrip.problems(bytes: right, document: document).isEmpty)
    }

    @Test func theSchemaCheckCatchesAnExtraKey() throws {
        let result = TestBuild.build("flow f\n  leg caller entry\n    step start\n      hangup\n")
        let manifest = try #require(TestBuild.tree(result)[RouteLayout.manifestFile])
        let check = try RouteSchemaCheck.load()
        #expect(check.violations(of: manifest).isEmpty)
        let tampered = Array(
            String(decoding: manifest, as: UTF8.self).replacingOccurrences(
                of: "\"manifestVersion\"", with: "\"extra\": 1,\n  \"manifestVersion\""
            ).utf8)
        #expect(!check.violations(of: tampered).isEmpty)
    }
}
