import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// `flowc simulate` end to end: the transcript on standard output, diagnostics on standard error, and
/// the exit codes (0 a transcript was printed, 1 the flow or the scenario has errors or the flow is not
/// chosen, 2 a path that cannot be read).
@Suite struct SimulateCommandTests {
    static let hello = """
        flow hello
          leg caller entry
            step start
              say "Hello."
              hangup

        """

    @Test func aScenarioPrintsItsCommittedTranscript() throws {
        let result = try FlowcBinary.run(
            [
                "simulate", "flows/support_line.flow", "--scenario",
                "flows/scenarios/support_line.hold-and-reconnect.scenario",
            ], in: BundledFlowsTests.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let golden = try String(
            contentsOf: BundledFlowsTests.repository.appendingPathComponent(
                "flows/scenarios/support_line.hold-and-reconnect.transcript"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func withoutAScenarioTheHappyPathRuns() throws {
        let folder = try TemporaryFolder()
        try folder.write("hello.flow", Self.hello)
        let result = try FlowcBinary.run(["simulate", "hello.flow"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                # flowc simulate: flow 'hello', happy path
                > (happy path) start caller
                  caller   GET /hello/legs/caller/start.xml
                  caller   says “Hello.”
                  caller   hangs up
                = end
                  caller   ended: hung up on purpose

                """)
        // Nothing is written: the flow is built in memory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["hello.flow"])
    }

    @Test func aFlowWithErrorsIsNotSimulated() throws {
        let folder = try TemporaryFolder()
        try folder.write("broken.flow", "flow broken\n  leg caller entry\n    step start\n      say \"Hi.\"\n")
        let result = try FlowcBinary.run(["simulate", "broken.flow"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("broken.flow:4:7: error:"))
        #expect(result.stderr.contains("[FLOW210]"))
    }

    @Test func aBadScenarioIsReportedAtItsLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("hello.flow", Self.hello)
        try folder.write("bad.scenario", "start caller\nring caller\npress caller 1\n")
        let result = try FlowcBinary.run(["simulate", "hello.flow", "--scenario", "bad.scenario"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bad.scenario:2:1: error: unknown scenario event 'ring' [FLOW601]"))
        #expect(result.stderr.contains("bad.scenario:3:1: error: expected 'press LEG \"DIGITS\"' [FLOW602]"))
    }

    @Test func refusedEventsStillPrintATranscript() throws {
        let folder = try TemporaryFolder()
        try folder.write("hello.flow", Self.hello)
        try folder.write("late.scenario", "start caller\nhangup caller\n")
        let result = try FlowcBinary.run(["simulate", "hello.flow", "--scenario", "late.scenario"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("> hangup caller\n  --       ignored: leg 'caller' is not live\n"))
    }

    @Test func missingFilesAreInputFailures() throws {
        let folder = try TemporaryFolder()
        try folder.write("hello.flow", Self.hello)
        let noFlow = try FlowcBinary.run(["simulate", "absent.flow"], in: folder.url)
        #expect(noFlow.status == 2)
        #expect(noFlow.stdout.isEmpty)
        #expect(noFlow.stderr.contains("absent.flow"))

        let noScenario = try FlowcBinary.run(
            ["simulate", "hello.flow", "--scenario", "absent.scenario"], in: folder.url)
        #expect(noScenario.status == 2)
        #expect(noScenario.stdout.isEmpty)
        #expect(noScenario.stderr.contains("absent.scenario"))
        #expect(noScenario.stderr.contains("[FLOW001]"))
    }

    @Test func severalFlowsNeedFlow() throws {
        let folder = try TemporaryFolder()
        try folder.write("two.flow", GraphCommandTests.twoFlows)
        let ambiguous = try FlowcBinary.run(["simulate", "two.flow"], in: folder.url)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stdout.isEmpty)
        #expect(ambiguous.stderr.contains("'two.flow' holds 2 flows; choose one with --flow [FLOW603]"))
        #expect(ambiguous.stderr.contains("flows: alpha, beta"))

        let unknown = try FlowcBinary.run(["simulate", "two.flow", "--flow", "gamma"], in: folder.url)
        #expect(unknown.status == 1)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no flow named 'gamma' in 'two.flow' [FLOW603]"))

        let chosen = try FlowcBinary.run(["simulate", "two.flow", "--flow", "alpha"], in: folder.url)
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.hasPrefix("# flowc simulate: flow 'alpha', happy path\n"))
        #expect(chosen.stdout.contains("says “Hi.”"))
    }

    @Test func helpNamesTheEventsAndTheExitCodes() throws {
        let result = try FlowcBinary.run(["simulate", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("finish-recording LEG"))
        #expect(result.stdout.contains("Docs/Simulate.md"))
        #expect(result.stdout.contains("Exit codes"))
    }
}
