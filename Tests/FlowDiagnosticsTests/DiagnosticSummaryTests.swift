import FlowDiagnostics
import Testing

@Suite struct DiagnosticSummaryTests {
    private let warning = Diagnostic(.operationHangsUpLeg, .warning, "w", at: nil, notes: [Note("n")])
    private let error = Diagnostic(.duplicateName, .error, "e", at: nil)
    private let note = Diagnostic(.documentFallOff, .note, "n", at: nil)

    @Test func countsBySeverity() {
        let summary = DiagnosticSummary([warning, error, note, warning])
        #expect(summary == DiagnosticSummary(errors: 1, warnings: 2, notes: 1))
        #expect(summary.hasErrors)
        #expect(!DiagnosticSummary([warning, note]).hasErrors)
    }

    @Test(
        arguments: [
            (0, 0, nil), (1, 0, "1 error generated"), (0, 1, "1 warning generated"),
            (2, 1, "2 errors, 1 warning generated"), (1, 3, "1 error, 3 warnings generated"),
        ] as [(Int, Int, String?)])
    func sentence(errors: Int, warnings: Int, expected: String?) {
        #expect(DiagnosticSummary(errors: errors, warnings: warnings, notes: 4).sentence == expected)
    }

    @Test func strictPromotesWarningsOnlyAndKeepsEverythingElse() {
        let promoted = [warning, error, note].promotingWarnings()
        #expect(promoted.map(\.severity) == [.error, .error, .note])
        #expect(promoted[0].code == warning.code && promoted[0].notes == warning.notes)
        #expect(DiagnosticSummary(promoted).hasErrors)
    }
}
