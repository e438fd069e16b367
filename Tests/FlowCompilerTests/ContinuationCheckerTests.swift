import FlowCompiler
import FlowDiagnostics
import Testing

@Suite struct ContinuationCheckerTests {
    @Test(arguments: ["front_desk", "support_line", "sales_line"])
    func bundledFlowsAreProven(name: String) {
        let built = CheckerTestSupport.build(sources: [CheckerTestSupport.bundledFlow(name)])
        #expect(built.result.diagnostics.isEmpty, "\(built.result.diagnostics)")
        #expect(built.flows.count == 1)
        for flow in built.flows {
            let findings = ContinuationChecker.check(flow).diagnostics
            #expect(findings.isEmpty, "\(findings.map { "\($0.code) \($0.message)" })")
        }
    }

    /// An operation may move a leg to another leg's step: that step is reached (no FLOW307).
    @Test func aStepReachedOnlyByMovingAnotherLegIsReached() {
        let built = CheckerTestSupport.build(
            """
            flow transfer
              serve at "https://twiml.example.com/transfer"
              leg caller entry
                step start
                  say "Please wait."
                  pause 30s
                  go -> start
              leg agent outbound
                step start
                  say "Hello."
                  hangup
                step wrap
                  say "Moved here."
                  hangup
              operation move caller -> agent.wrap
            """)
        #expect(built.result.diagnostics.isEmpty, "\(built.result.diagnostics.map { "\($0.code) \($0.message)" })")
    }

    /// The manifest says a partner whose continuation hangs up at once is disconnected, not that it continues.
    @Test func aPartnerHungUpAtOnceIsDisconnectedInTheManifest() throws {
        let built = CheckerTestSupport.build(
            """
            flow direct
              serve at "https://twiml.example.com/direct"
              leg caller entry
                step start
                  dial agent "+15551230000" then hangup
              leg agent dialed
                step wrap
                  say "Wrap up."
                  hangup
              operation move agent -> wrap
            """)
        #expect(built.result.diagnostics.isEmpty, "\(built.result.diagnostics.map { "\($0.code) \($0.message)" })")
        let operation = try #require(built.result.manifest?.flows.first?.operations.first)
        let caller = try #require(operation.effects.first { $0.leg == "caller" })
        #expect(caller.outcome == .disconnected && caller.step == "caller.start")
    }
}
