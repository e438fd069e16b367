import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// The model the resolver builds: what Grammar.md's examples say they mean.
@Suite struct ResolverTests {
    @Test func grammarExamplesResolveWithoutDiagnostics() throws {
        let examples = try ResolverHarness.grammarExamples()
        #expect(examples.count >= 9)
        for example in examples {
            let result = ResolverHarness.resolve(example)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(ResolverHarness.describe))\n\(example)")
            #expect(result.program.flows.count == 1)
        }
    }

    @Test func exampleFlowsResolveWithoutDiagnostics() throws {
        let folder = ResolverHarness.repositoryRoot.appendingPathComponent("flows")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".flow") }
        #expect(!names.isEmpty)
        for name in names.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let result = ResolverHarness.resolve(text, path: "flows/\(name)")
            #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(ResolverHarness.describe))")
        }
    }

    private func example(_ name: String) throws -> Flow {
        let source = try ResolverHarness.grammarExamples().first { $0.contains("flow \(name)\n") }
        let flow = ResolverHarness.resolve(try #require(source)).program.flow(named: name)
        return try #require(flow)
    }

    @Test func queueHoldExampleMovesTheCustomerAndReconnectsTheAgent() throws {
        let flow = try example("queue_hold")
        #expect(flow.baseURL?.value == "https://twiml.example.com/queue_hold")
        #expect(flow.legs.map(\.name) == ["agent", "customer"])
        #expect(flow.legs.map(\.role) == [.outbound, .dialed])

        let agent = try #require(flow.leg(named: "agent"))
        #expect(agent.startStep?.name == "start")
        #expect(agent.steps.map(\.name) == ["start", "waiting", "pickup", "done"])
        guard case .dial(let dial) = agent.steps[0].verbs.first else {
            Issue.record("expected a dial, found \(agent.steps[0].verbs)")
            return
        }
        #expect(dial.leg.value == "customer")
        #expect(dial.targets == [DialTarget(kind: .number, address: "+15557654321", span: dial.targets[0].span)])
        #expect(dial.continuation?.value == .step(StepID(leg: "agent", step: "waiting")))
        guard case .go(let go) = agent.steps[1].verbs.last else {
            Issue.record("expected go, found \(agent.steps[1].verbs)")
            return
        }
        #expect(go.target.value == StepID(leg: "agent", step: "waiting"))
        guard case .pause(let pause) = agent.steps[1].verbs[1] else {
            Issue.record("expected pause")
            return
        }
        #expect(pause.length.value == 30)
        guard case .dialQueue(let pickup) = agent.steps[2].verbs.first else {
            Issue.record("expected dial queue")
            return
        }
        #expect(pickup.queue.value == "parked")

        #expect(flow.operations.map(\.key) == ["hold-customer", "reconnect-agent"])
        let hold = try #require(flow.operation(key: "hold-customer"))
        #expect(hold.strategy == .move(Spanned(StepID(leg: "customer", step: "held"), at: spanOf(hold.strategy))))
        #expect(hold.during.map(\.value) == [StepID(leg: "agent", step: "start")])
        let reconnect = try #require(flow.operation(key: "reconnect-agent"))
        #expect(reconnect.during.map(\.value) == [StepID(leg: "agent", step: "waiting")])
        #expect(flow.step(StepID(leg: "customer", step: "held"))?.verbs.count == 1)
        #expect(flow.queue(named: "parked")?.wait?.isAssetForm == true)
        #expect(flow.queue(named: "parked")?.twilioName.value == "parked")
    }

    private func spanOf(_ strategy: FlowOperation.Strategy) -> SourceSpan {
        switch strategy {
        case .conference(let room): room.span
        case .move(let step): step.span
        }
    }

    @Test func conferenceHoldExampleHoldsInTheRoom() throws {
        let flow = try example("conference_hold")
        let room = try #require(flow.room(named: "desk"))
        #expect(room.isShared)
        #expect(room.hold?.isAssetForm == true)
        #expect(room.hold?.verbs.count == 1)
        guard case .play(let play) = room.hold?.verbs.first else {
            Issue.record("expected the asset form to play its asset")
            return
        }
        #expect(play.source.value == .asset(name: "music", url: "https://cdn.example.com/hold.mp3"))
        let kinds = flow.operations.map(\.kind)
        #expect(kinds == [.hold, .unhold])
        for operation in flow.operations {
            guard case .conference(let target) = operation.strategy else {
                Issue.record("expected the conference strategy")
                continue
            }
            #expect(target.value == "desk")
            #expect(operation.during.isEmpty)
        }
        let caller = try #require(flow.leg(named: "caller"))
        guard case .join(let join) = caller.steps[0].verbs[1] else {
            Issue.record("expected join")
            return
        }
        #expect(join.startOnEnter?.value == true)
        #expect(join.endOnExit?.value == true)
        #expect(join.muted == nil)
        #expect(join.continuation?.value == .step(StepID(leg: "caller", step: "goodbye")))
        let agent = try #require(flow.leg(named: "agent"))
        #expect(agent.steps[0].verbs.first?.continuation?.value == .hangup)
    }

    @Test func menuExampleResolvesGatherAndRecord() throws {
        let flow = try example("menu")
        let steps = try #require(flow.entryLeg?.steps)
        guard case .gather(let gather) = steps[0].verbs.first else {
            Issue.record("expected gather")
            return
        }
        #expect(gather.numDigits?.value == 1)
        #expect(gather.timeout?.value == 5)
        #expect(gather.prompt.count == 1)
        #expect(gather.continuation.value == .step(StepID(leg: "caller", step: "thanks")))
        guard case .record(let record) = steps[1].verbs.first else {
            Issue.record("expected record")
            return
        }
        #expect(record.maxLength?.value == 120)
        #expect(record.playBeep?.value == true)
        #expect(record.transcribe == nil)
        #expect(steps.allSatisfy { $0.isComplete })
    }

    @Test func legsExampleKeepsTheDialedLegsWhisper() throws {
        let flow = try example("legs")
        let agent = try #require(flow.leg(named: "agent"))
        #expect(agent.role == .dialed)
        #expect(agent.steps.isEmpty)
        #expect(agent.whisper?.kind == .whisper)
        #expect(agent.whisper?.isAssetForm == false)
        #expect(agent.whisper?.verbs.count == 1)
        #expect(flow.entryLeg?.name == "caller")
    }

    @Test func settingsAreFlowDefaultsThatSayMayOverride() throws {
        let flow = try example("settings")
        #expect(flow.voice?.value == "Polly.Joanna")
        #expect(flow.language?.value == "en-US")
        let verbs = try #require(flow.entryLeg?.steps.first?.verbs)
        guard case .say(let plain) = verbs[0], case .say(let french) = verbs[1] else {
            Issue.record("expected two says")
            return
        }
        #expect(plain.voice == nil)
        #expect(french.voice?.value == "Polly.Celine")
        #expect(french.language?.value == "fr-FR")
        // The option keeps the span of `name=value`, for later stages to point at.
        #expect(french.voice?.span.start.line == 8)
        #expect(french.voice?.span.start.column == 24)
    }

    @Test func rejectExampleIsBusy() throws {
        let flow = try example("reject_busy")
        guard case .reject(let reject) = flow.entryLeg?.steps.first?.verbs.first else {
            Issue.record("expected reject")
            return
        }
        #expect(reject.busy?.value == true)
    }

    @Test func resultDoesNotDependOnTheOrderOfFiles() {
        let first = ResolverHarness.syntax(
            """
            flow beta
              leg caller entry
                step start
                  go -> strat
            flow alpha
              leg caller entry
                step start
                  hangup
            """, path: "b.flow")
        let second = ResolverHarness.syntax(
            """
            flow alpha
              leg caller entry
                step start
                  hangup
            """, path: "a.flow")
        let forward = Resolver.resolve([first, second])
        let backward = Resolver.resolve([second, first])
        #expect(forward.program == backward.program)
        #expect(forward.diagnostics == backward.diagnostics)
        #expect(forward.program.flows.map(\.name) == ["alpha", "beta"])
        #expect(forward.program.flow(named: "alpha")?.path == "a.flow")
        // The flow first in path order is kept; the other is the duplicate.
        #expect(forward.diagnostics.map(ResolverHarness.describe).contains { $0.hasPrefix("error FLOW201 5:6") })
        let duplicate = forward.diagnostics.first { $0.code == .duplicateName }
        #expect(duplicate?.notes.first?.span?.path == "a.flow")
    }

    @Test func unresolvedVerbIsLeftOutAndItsStepMarkedIncomplete() throws {
        let result = ResolverHarness.resolve(
            """
            flow f
              leg caller entry
                step start
                  play missing
                  hangup
            """)
        let step = try #require(result.program.flow(named: "f")?.entryLeg?.steps.first)
        #expect(!step.isComplete)
        #expect(step.verbs.count == 1)
    }

    @Test func optionTableNamesAreUniquePerConstruct() {
        for construct in OptionConstruct.allCases {
            let names = OptionTable.options(of: construct).map(\.name)
            #expect(Set(names).count == names.count, "\(construct)")
        }
        #expect(OptionTable.spec("timeout", of: .dial)?.type == .duration(5...600))
        #expect(OptionTable.spec("max_participants", of: .room)?.type == .integer(1...250))
        #expect(OptionTable.options(of: .enqueue).isEmpty)
    }

    @Test func everyResolverCodeIsInTheCatalog() throws {
        for number in 201...225 {
            let code = try #require(DiagnosticCatalog.code("FLOW\(number)"), "FLOW\(number)")
            let entry = DiagnosticCatalog.entry(for: code)
            #expect(!entry.wrongExample.isEmpty && !entry.rightExample.isEmpty)
        }
        #expect(DiagnosticCatalog.entry(for: .roomNotShared).defaultSeverity == .warning)
        #expect(DiagnosticCatalog.entry(for: .unusedDeclaration).defaultSeverity == .warning)
    }
}
