import FlowDiagnostics
import Testing

@Suite struct DiagnosticRendererTests {
    @Test func formatsAreTheCLISpellings() {
        #expect(DiagnosticFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "junit"])
        #expect(DiagnosticFormat(rawValue: "github-actions") == nil)
    }

    @Test func eachFormatIsRenderedByItsRenderer() {
        let diagnostics = [IVRFixture.unknownStep]
        let sources = DiagnosticRenderer.sources([IVRFixture.file])
        func render(_ options: DiagnosticRenderOptions) -> String {
            DiagnosticRenderer.render(diagnostics, sources: sources, options: options)
        }
        #expect(
            render(.init(format: .text, colour: true, summary: true))
                == TextRenderer(colour: true, summary: true).render(diagnostics, sources: sources))
        #expect(render(.init(format: .json)) == JSONRenderer().render(diagnostics))
        #expect(
            render(.init(format: .sarif, toolVersion: "1.0.0"))
                == SARIFRenderer(toolVersion: "1.0.0").render(diagnostics, sources: sources))
        #expect(render(.init(format: .github)) == GitHubRenderer().render(diagnostics))
    }

    @Test func outputDoesNotDependOnInputOrder() {
        let file = IVRFixture.file
        let diagnostics = [
            IVRFixture.unknownStep,
            Diagnostic(.roomNotShared, .warning, "style", at: span(of: "ivr", in: file)),
            Diagnostic(.inputNotFound, .error, "cannot read 'x.flow'", at: nil),
            Diagnostic(.unusedDeclaration, .warning, "same place, later code", at: span(of: "ivr", in: file)),
        ]
        for format in DiagnosticFormat.allCases {
            let options = DiagnosticRenderOptions(format: format)
            let forward = DiagnosticRenderer.render(diagnostics, sources: IVRFixture.sources, options: options)
            let backward = DiagnosticRenderer.render(
                diagnostics.reversed(), sources: IVRFixture.sources, options: options)
            #expect(forward == backward, "\(format)")
            #expect(forward.hasSuffix("\n"), "\(format)")
        }
    }

    @Test func noColourMeansNoEscapeBytesInAnyFormat() {
        let file = SourceFile(path: "x.flow", text: "say \u{1B}[2J x\n")
        let diagnostic = Diagnostic(.invalidUTF8, .error, "bad \u{1B} byte", at: span(of: "x", in: file), help: "\u{1B}")
        for format in DiagnosticFormat.allCases {
            let rendered = DiagnosticRenderer.render(
                [diagnostic], sources: [file.path: file], options: .init(format: format))
            #expect(!rendered.unicodeScalars.contains("\u{1B}"), "\(format)")
        }
    }
}
