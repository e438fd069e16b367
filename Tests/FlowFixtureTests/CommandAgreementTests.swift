import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// `flowc check`, `graph`, `simulate` and `build` run the same pipeline up to where each stops, so on every
/// fixture they agree: the same diagnostics, and what `check` rejects is neither drawn nor simulated.
@Suite struct CommandAgreementTests {
    static let fixtures: [String] = ["diagnostics", "clean", "compile"].flatMap { folder -> [String] in
        let url = FixtureDiscovery.root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".flow") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func everyFolderHasFixtures() {
        #expect(Self.fixtures.count >= 60, "only \(Self.fixtures.count) fixtures")
    }

    @Test(arguments: fixtures)
    func checkGraphSimulateAndBuildAgree(_ fixture: String) {
        let path = FixtureDiscovery.root.appendingPathComponent(fixture).path
        let check = Compiler.check(paths: [path])
        let build = Compiler.build(paths: [path])
        // Build adds only output findings (FLOW900: hashing, encoding, unsafe paths) after a clean analysis.
        #expect(build.diagnostics.filter { $0.code != .internalError } == check.diagnostics, "\(fixture)")

        let simulation = Compiler.simulate(path: path, flow: nil, scenario: nil)
        #expect(simulation.compilation.diagnostics == check.diagnostics, "\(fixture)")
        if check.hasErrors(strict: false) {
            #expect(simulation.transcript == nil, "\(fixture): simulated a flow that check rejects")
            #expect(check.deployment == nil || DiagnosticSummary(check.diagnostics).hasErrors)
        }
    }

    /// A warning under `--strict` never hides a later stage's findings: the proof still runs and reports.
    @Test func strictReportsEveryStageInOneRun() {
        let source = SourceFile(
            path: "strict.flow",
            text: """
                flow survey_line
                  serve at "https://twiml.example.com/survey_line"
                  queue unused
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> survey
                    step survey
                      say "Thank you. Goodbye."
                      hangup
                  leg agent dialed
                  operation move caller -> survey

                """)
        let check = Compiler.check(sources: [source])
        let codes = Set(check.diagnostics(strict: true).map(\.code.rawValue))
        #expect(codes.contains("FLOW224"), "\(check.diagnostics)")
        #expect(codes.contains("FLOW303"), "\(check.diagnostics)")
        let build = Compiler.build(sources: [source], options: BuildOptions(strict: true))
        #expect(build.files.isEmpty)
        #expect(Set(build.diagnostics(strict: true).map(\.code.rawValue)) == codes)
    }
}
