import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// `flowc simulate` transcripts of the bundled flows, byte for byte against the files committed beside
/// the scenarios: `flows/scenarios/<flow>.<name>.transcript` for `<flow>.<name>.scenario`, and
/// `<flow>.happy-path.transcript` for each flow run without a scenario. The transcript format is a stable
/// contract (Docs/Simulate.md), so any change to it shows here as a diff.
/// `FLOWC_BLESS=1 swift test --filter SimulationGoldenTests` rewrites the transcripts in the source tree;
/// read each one against Docs/Twilio.md (#dial-bridge, #conference-and-queue-legs, #hold-techniques) before committing it.
@Suite struct SimulationGoldenTests {
    static let flows = SourceTree.repositoryRoot.appendingPathComponent("flows")
    static let scenarios = flows.appendingPathComponent("scenarios")

    /// The bundled flow files, by flow name (each file holds one flow named like the file).
    static let flowNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: flows.path)) ?? [])
        .filter { $0.hasSuffix(".flow") }.map { String($0.dropLast(".flow".count)) }.sorted()

    /// `<flow>.<name>` of every scenario file.
    static let scenarioNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? [])
        .filter { $0.hasSuffix(".scenario") }.map { String($0.dropLast(".scenario".count)) }.sorted()

    /// What a golden run is: a scenario, or a flow's happy path.
    struct Run: CustomStringConvertible, Sendable {
        var flow: String
        /// The scenario's `<flow>.<name>`, or `nil` for the happy path.
        var scenario: String?

        var transcriptFile: String { "\(scenario ?? "\(flow).happy-path").transcript" }
        var description: String { scenario ?? "\(flow) (happy path)" }
    }

    static let runs: [Run] =
        flowNames.map { Run(flow: $0, scenario: nil) }
        + scenarioNames.map { Run(flow: String($0.prefix { $0 != "." }), scenario: $0) }

    static func transcript(of run: Run) throws -> String {
        let result = Compiler.simulate(
            path: flows.appendingPathComponent("\(run.flow).flow").path, flow: nil,
            scenario: run.scenario.map { scenarios.appendingPathComponent("\($0).scenario").path })
        let diagnostics = result.compilation.diagnostics + result.diagnostics
        #expect(!diagnostics.contains { $0.severity == .error }, "\(TestBuild.describe(diagnostics))")
        return try #require(result.transcript)
    }

    @Test(arguments: runs)
    func matchesTheCommittedTranscript(_ run: Run) throws {
        let text = try Self.transcript(of: run)
        let url = Self.scenarios.appendingPathComponent(run.transcriptFile)
        if SourceTree.isBlessing {
            try Data(text.utf8).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("flows/scenarios/\(run.transcriptFile) is missing (run with FLOWC_BLESS=1)")
            return
        }
        let golden = String(decoding: expected, as: UTF8.self)
        if text != golden {
            let diff = LineDiff.unified(expected: golden, actual: text, path: run.transcriptFile)
            Issue.record("flows/scenarios/\(run.transcriptFile) differs (FLOWC_BLESS=1 rewrites it):\n\(diff)")
        }
    }

    /// The bundled transcripts are examples of calls that go right: no event of a committed scenario is
    /// refused, and no leg falls off a document (the checker proves that for these flows).
    @Test(arguments: runs)
    func bundledCallsHaveNoRefusalOrAccident(_ run: Run) throws {
        let text = try Self.transcript(of: run)
        #expect(!text.contains("ignored:"), "\(text)")
        #expect(!text.contains("accident"), "\(text)")
        #expect(!text.contains("application error"), "\(text)")
        #expect(!text.contains("happy path stops after"), "\(text)")
    }

    /// Issue #4: every bundled flow has a scenario of its own besides the happy path, and the two
    /// strategies of hold are shown (conference hold then unhold; queue hold then reconnect).
    @Test func everyFlowHasAScenarioAndBothHoldStrategiesAreShown() throws {
        #expect(Self.flowNames.count >= 3)
        for flow in Self.flowNames {
            #expect(Self.scenarioNames.contains { $0.hasPrefix(flow + ".") }, "no scenario for \(flow)")
        }
        let holds = try Self.runs.filter { $0.scenario != nil }.map { try Self.transcript(of: $0) }
        #expect(holds.contains { $0.contains("Hold=true") && $0.contains("Hold=false") })
        #expect(holds.contains { $0.contains("> apply hold-") && $0.contains("> apply reconnect-") })
    }

    /// The README's example of `flowc simulate` is a committed scenario and its transcript, copied into
    /// `text` blocks; a change to either must reach the README too.
    @Test func readmeShowsTheCommittedScenarioAndTranscript() throws {
        let readme = try String(
            contentsOf: SourceTree.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for file in ["sales_line.rep-takes-caller.scenario", "sales_line.rep-takes-caller.transcript"] {
            let text = try String(contentsOf: Self.scenarios.appendingPathComponent(file), encoding: .utf8)
            #expect(readme.contains("```text\n" + text + "```\n"), "README.md shows an old copy of \(file)")
        }
    }

    /// A transcript left over from a renamed or removed scenario or flow, or a scenario of a flow that
    /// does not exist, would never be compared.
    @Test func everyTranscriptHasARun() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarios.path)
        let transcripts = files.filter { $0.hasSuffix(".transcript") }.sorted()
        #expect(transcripts == Self.runs.map(\.transcriptFile).sorted())
        for scenario in Self.scenarioNames {
            #expect(Self.flowNames.contains(String(scenario.prefix { $0 != "." })), "\(scenario) names no bundled flow")
        }
        #expect(files.allSatisfy { $0.hasSuffix(".transcript") || $0.hasSuffix(".scenario") }, "\(files)")
    }
}
