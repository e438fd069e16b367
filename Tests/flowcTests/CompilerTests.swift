import FlowCompiler
import FlowDiagnostics
import Testing

/// `Compiler.check` wires the stages: these tests hold it to the stopping rule and to the order of output.
@Suite struct CompilerTests {
    static let unterminatedString = SourceFile(path: "a.flow", text: """
        flow a
          leg caller entry
            step start
              say "never closed
              hangup

        """)

    static let undefinedStep = SourceFile(path: "b.flow", text: SampleFlows.withError)

    @Test func syntaxErrorInOneFileDoesNotHideNamingErrorsInAnother() {
        let result = Compiler.check(sources: [Self.unterminatedString, Self.undefinedStep])
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains(.unterminatedString), "\(codes)")
        #expect(codes.contains(.undefinedReference), "\(codes)")
        #expect(result.hasErrors(strict: false))
        #expect(!result.hasInputFailure)
    }

    @Test func filesAreResolvedTogether() {
        let first = SourceFile(path: "one.flow", text: SampleFlows.clean)
        let second = SourceFile(path: "two.flow", text: SampleFlows.clean)
        let result = Compiler.check(sources: [first, second])
        #expect(result.diagnostics.map(\.code) == [.duplicateName], "a flow name is unique across all files")
    }

    @Test func diagnosticsAreInPresentationOrderWhateverTheFileOrder() {
        let forwards = Compiler.check(sources: [Self.unterminatedString, Self.undefinedStep]).diagnostics
        let backwards = Compiler.check(sources: [Self.undefinedStep, Self.unterminatedString]).diagnostics
        #expect(forwards == backwards)
        #expect(forwards == forwards.sorted(by: Diagnostic.presentationOrder))
    }

    @Test func strictPromotesWarningsOnly() {
        let result = Compiler.check(sources: [SourceFile(path: "w.flow", text: SampleFlows.withWarning)])
        #expect(!result.hasErrors(strict: false))
        #expect(result.hasErrors(strict: true))
        #expect(result.diagnostics(strict: true).allSatisfy { $0.severity != .warning })
    }

    @Test func cleanFlowHasNoDiagnosticAndAModel() {
        let result = Compiler.check(sources: [SourceFile(path: "hello.flow", text: SampleFlows.clean)])
        #expect(result.diagnostics.isEmpty)
        #expect(result.program.flows.map(\.name) == ["hello"])
        #expect(result.syntax.count == 1)
    }

    @Test func formatRefusesOnlyTheFilesWithErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/broken.flow", Self.unterminatedString.text)
        try folder.write("flows/hello.flow", SampleFlows.unformatted)
        let result = Compiler.format(paths: [folder.url.path + "/flows"])
        #expect(result.files.map { $0.formatted == nil } == [true, false])
        #expect(result.changedFiles.map(\.formatted) == [SampleFlows.clean])
        #expect(result.hasRefusals && !result.hasInputFailure)
    }
}
