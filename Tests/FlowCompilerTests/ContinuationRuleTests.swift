import FlowDiagnostics
import Testing

@testable import FlowCompiler

/// The continuation checker on deployed documents built by hand.
///
/// Code generation never writes the documents behind FLOW302, 305, 306, 308, 312 and 313 (every step ends on
/// purpose, every gather has an action, hold documents loop, …), so no `.flow` fixture can show them. These
/// tests build `DeployedFlow` values from TwiML trees, as a code-generation bug would deploy them, and check
/// that each rule fires (code, message, the verb it points at) and that its corrected twin is silent. They
/// also pin down the execution model itself: every outcome edge of `CallGraph` (twiml-semantics.md §8.0).
@Suite struct ContinuationRuleTests {
    // MARK: - Execution model: one edge per documented outcome (§8.0)

    @Test func sayAndPlayGoOnPauseWaitsHangupAndRejectExit() {
        var flow = Deployment()
        flow.add("legs/caller/start.xml", [say("Hi"), verb("Play", text: "https://cdn.example.com/a.mp3"), verb("Pause"), verb("Hangup")])
        flow.add("legs/caller/no.xml", [verb("Reject", ["reason": "busy"])])
        let graph = flow.graph
        #expect(graph.outcomes("legs/caller/start.xml", 0) == ["next -> legs/caller/start.xml#1"])
        #expect(graph.outcomes("legs/caller/start.xml", 1) == ["next -> legs/caller/start.xml#2"])
        #expect(graph.outcomes("legs/caller/start.xml", 2) == ["next -> legs/caller/start.xml#3 (waits)"])
        #expect(graph.outcomes("legs/caller/start.xml", 3) == ["hangup -> exit"])
        #expect(graph.outcomes("legs/caller/no.xml", 0) == ["reject -> exit"])
    }

    @Test func gatherWithActionTakesItOnInputAndTheNextVerbOnNone() {
        var flow = Deployment()
        flow.add("legs/caller/start.xml", [verb("Gather", ["action": "menu.xml", "method": "GET"]), verb("Hangup")])
        flow.add("legs/caller/menu.xml", [verb("Hangup")])
        #expect(flow.graph.outcomes("legs/caller/start.xml", 0) == [
            "gatherInput -> legs/caller/menu.xml#0 (waits)", "gatherNoInput -> legs/caller/start.xml#1 (waits)",
        ])
    }

    @Test func gatherWithoutActionRequestsItsOwnDocument() {
        var flow = Deployment()
        flow.add("legs/caller/start.xml", [say("Hi"), verb("Gather"), verb("Hangup")])
        #expect(flow.graph.outcomes("legs/caller/start.xml", 1) == [
            "gatherInput -> legs/caller/start.xml#0 (waits)", "gatherNoInput -> legs/caller/start.xml#2 (waits)",
        ])
    }

    @Test func gatherWithActionOnEmptyResultAlwaysTakesTheAction() {
        var flow = Deployment()
        flow.add(
            "legs/caller/start.xml",
            [verb("Gather", ["action": "menu.xml", "actionOnEmptyResult": "true"]), verb("Hangup")])
        flow.add("legs/caller/menu.xml", [verb("Hangup")])
        #expect(flow.graph.outcomes("legs/caller/start.xml", 0) == ["gatherInput -> legs/caller/menu.xml#0 (waits)"])
    }

    @Test func recordTakesItsActionAndConservativelyTheNextVerb() {
        var flow = Deployment()
        flow.add("legs/caller/start.xml", [verb("Record", ["action": "thanks.xml"]), verb("Redirect", text: "thanks.xml")])
        flow.add("legs/caller/bare.xml", [verb("Record"), verb("Hangup")])
        flow.add("legs/caller/thanks.xml", [verb("Hangup")])
        let graph = flow.graph
        #expect(graph.outcomes("legs/caller/start.xml", 0) == [
            "recordEnds -> legs/caller/thanks.xml#0 (waits)", "recordFallsThrough -> legs/caller/start.xml#1 (waits)",
        ])
        #expect(graph.outcomes("legs/caller/bare.xml", 0) == [
            "recordEnds -> legs/caller/bare.xml#0 (waits)", "recordFallsThrough -> legs/caller/bare.xml#1 (waits)",
        ])
    }

    @Test func dialEndsIntoItsActionOrItsNextVerb() {
        var flow = Deployment()
        flow.add(
            "legs/caller/start.xml",
            [verb("Dial", ["action": "after.xml"], children: [verb("Number", text: "+15551230000")])])
        flow.add("legs/caller/after.xml", [verb("Dial", children: [verb("Number", text: "+15551230001")]), verb("Hangup")])
        let graph = flow.graph
        #expect(graph.outcomes("legs/caller/start.xml", 0) == ["dialEnds -> legs/caller/after.xml#0 (waits)"])
        #expect(graph.outcomes("legs/caller/after.xml", 0) == ["dialEnds -> legs/caller/after.xml#1 (waits)"])
    }

    @Test func conferenceJoinHearsTheWaitDocumentWhichEndsInSilence() {
        var flow = Deployment()
        flow.add(
            "legs/caller/start.xml",
            [
                verb("Dial", children: [verb("Conference", ["waitUrl": "../../rooms/desk.wait.xml"], text: "desk")]),
                verb("Hangup"),
            ])
        flow.add("rooms/desk.wait.xml", .conferenceWait, [verb("Play", text: "https://cdn.example.com/w.mp3")])
        let graph = flow.graph
        #expect(graph.outcomes("legs/caller/start.xml", 0) == [
            "conferenceWait -> rooms/desk.wait.xml#0 (waits)", "joinFails -> legs/caller/start.xml#1 (waits)",
            "dialEnds -> legs/caller/start.xml#1 (waits)",
        ])
        #expect(graph.outcomes("rooms/desk.wait.xml", 1) == ["documentEnd -> silence (waits)"])
    }

    /// A call that cannot join (a participant label in use, 16025) goes on with the next verb even when
    /// the dial has an action, so the `<Redirect>` code generation writes after it is reachable, and FLOW308
    /// accepts it; after a dial of a number the same copy is accepted too, but a different verb is dead code.
    @Test func aFailedJoinGoesOnWithTheNextVerbEvenWithAnAction() {
        var flow = Deployment.caller([
            verb("Dial", ["action": "after.xml"], children: [verb("Conference", text: "desk")]),
            verb("Redirect", text: "after.xml"),
        ])
        flow.add("legs/caller/after.xml", [verb("Hangup")])
        #expect(flow.graph.outcomes("legs/caller/start.xml", 0) == [
            "joinFails -> legs/caller/start.xml#1 (waits)", "dialEnds -> legs/caller/after.xml#0 (waits)",
        ])
        #expect(flow.check().diagnostics.isEmpty)

        var number = Deployment.caller([
            verb("Dial", ["action": "after.xml"], children: [verb("Number", text: "+15551230000")]),
            verb("Redirect", text: "after.xml"),
        ])
        number.add("legs/caller/after.xml", [verb("Hangup")])
        #expect(number.check().diagnostics.isEmpty)

        var dead = Deployment.caller([
            verb("Dial", ["action": "after.xml"], children: [verb("Number", text: "+15551230000")]),
            say("never"), verb("Hangup"),
        ])
        dead.add("legs/caller/after.xml", [verb("Hangup")])
        #expect(dead.check().diagnostics.map(\.code) == [.unreachableTwiMLVerb])
    }

    @Test func enqueueWaitsInItsWaitDocumentAndLeavesIntoItsAction() {
        var flow = Deployment()
        flow.add(
            "legs/caller/start.xml",
            [verb("Enqueue", ["action": "after.xml", "waitUrl": "../../queues/support.wait.xml"], text: "support")])
        flow.add("legs/caller/after.xml", [verb("Hangup")])
        flow.add("queues/support.wait.xml", .enqueueWait, [verb("Play", text: "https://cdn.example.com/q.mp3")])
        let graph = flow.graph
        let site = Site("legs/caller/start.xml", 0)
        #expect(graph.outcomes("legs/caller/start.xml", 0) == [
            "queueWait -> queues/support.wait.xml#0@legs/caller/start.xml#0 (waits)",
            "queueLeft -> legs/caller/after.xml#0 (waits)",
        ])
        // The end of a wait document makes Twilio request it again, for the same <Enqueue> (§1.2).
        #expect(graph.outcomes("queues/support.wait.xml", 1, site: site) == [
            "documentEnd -> queues/support.wait.xml#0@legs/caller/start.xml#0 (waits)"
        ])
    }

    @Test func enqueueWithoutActionLeavesIntoTheNextVerb() {
        var flow = Deployment()
        flow.add("legs/caller/start.xml", [verb("Enqueue", text: "support"), say("Bye"), verb("Hangup")])
        #expect(flow.graph.outcomes("legs/caller/start.xml", 0) == ["queueLeft -> legs/caller/start.xml#1 (waits)"])
    }

    /// Two `<Enqueue>` verbs share one wait document: `<Leave>` resumes the continuation of the one that
    /// started the wait (§2.2 Leave, §8.0), never the other's.
    @Test func leaveResumesTheEnqueueThatStartedTheWait() {
        var flow = Deployment()
        let wait = "../../queues/support.wait.xml"
        flow.add("legs/caller/start.xml", [verb("Enqueue", ["action": "voicemail.xml", "waitUrl": wait], text: "support")])
        flow.add("legs/caller/retry.xml", [say("Again"), verb("Enqueue", ["waitUrl": wait], text: "support"), verb("Hangup")])
        flow.add("legs/caller/voicemail.xml", [say("Trying again"), verb("Redirect", text: "retry.xml")])
        flow.add("queues/support.wait.xml", .enqueueWait, [verb("Play", text: "https://cdn.example.com/q.mp3"), verb("Leave")])
        flow.leg("caller", .entry, start: "legs/caller/start.xml")
        let graph = flow.graph
        #expect(graph.outcomes("queues/support.wait.xml", 1, site: Site("legs/caller/start.xml", 0)) == [
            "leave -> legs/caller/voicemail.xml#0"
        ])
        #expect(graph.outcomes("queues/support.wait.xml", 1, site: Site("legs/caller/retry.xml", 1)) == [
            "leave -> legs/caller/retry.xml#2"
        ])
        #expect(flow.check().diagnostics.isEmpty)
    }

    @Test func redirectResolvesRelativeAbsoluteAndEmptyURLs() {
        var flow = Deployment()
        flow.add(
            "legs/caller/start.xml",
            [verb("Redirect", text: "../agent/desk.xml?from=caller")])
        flow.add("legs/agent/desk.xml", [verb("Redirect", text: "https://twiml.example.com/t/legs/caller/again.xml")])
        flow.add("legs/caller/again.xml", [say("Again"), verb("Redirect")])
        flow.add("legs/caller/away.xml", [verb("Redirect", text: "https://elsewhere.example.com/t/legs/caller/again.xml")])
        flow.add("legs/caller/up.xml", [verb("Redirect", text: "../../../../root.xml")])
        let graph = flow.graph
        #expect(graph.outcomes("legs/caller/start.xml", 0) == ["redirect -> legs/agent/desk.xml#0"])
        #expect(graph.outcomes("legs/agent/desk.xml", 0) == ["redirect -> legs/caller/again.xml#0"])
        #expect(graph.outcomes("legs/caller/again.xml", 1) == ["redirect -> legs/caller/again.xml#0"])
        #expect(graph.outcomes("legs/caller/away.xml", 0) == [
            "redirect -> unresolved(https://elsewhere.example.com/t/legs/caller/again.xml)"
        ])
        #expect(graph.outcomes("legs/caller/up.xml", 0) == ["redirect -> unresolved(../../../../root.xml)"])
    }

    @Test(arguments: [
        (TwiMLContext.normal, "documentEnd -> fall-off"),
        (.conferenceWait, "documentEnd -> silence (waits)"),
        (.hold, "documentEnd -> undocumented end"),
        (.whisper, "documentEnd -> bridge (waits)"),
        (.queueWhisper, "documentEnd -> bridge (waits)"),
    ])
    func endOfDocumentDependsOnItsContext(_ context: TwiMLContext, _ expected: String) {
        var flow = Deployment()
        flow.add("doc.xml", context, [say("Hello")])
        #expect(flow.graph.outcomes("doc.xml", 1) == [expected])
    }

    @Test func connectBlocksUntilTheSessionEnds() {
        var flow = Deployment()
        flow.add("legs/caller/start.xml", [verb("Connect", ["action": "after.xml"], children: [verb("Stream")])])
        flow.add("legs/caller/after.xml", [verb("Connect", children: [verb("Stream")]), verb("Hangup")])
        flow.add("legs/caller/bot.xml", [verb("Connect", children: [verb("VirtualAgent")]), verb("Hangup")])
        let graph = flow.graph
        #expect(graph.outcomes("legs/caller/start.xml", 0) == ["sessionEnds -> legs/caller/after.xml#0 (waits)"])
        #expect(graph.outcomes("legs/caller/after.xml", 0) == ["sessionEnds -> legs/caller/after.xml#1 (waits)"])
        #expect(graph.outcomes("legs/caller/bot.xml", 0) == ["sessionEnds -> legs/caller/bot.xml#0 (waits)"])
    }

    // MARK: - FLOW302: a leg runs off the end of a normal document (§1.2, §8.4 rule 25)

    @Test func flow302DialAsLastVerbFallsOff() throws {
        let flow = Deployment.caller([say("Connecting"), dial("+15551230000")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .documentFallOff)
        #expect(finding.message == "leg 'caller' can run off the end of step 'start' of leg 'caller'")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 1))
        #expect(finding.notes.contains { $0.message.contains("Twilio hangs leg 'caller' up") })

        let twin = Deployment.caller([say("Connecting"), dial("+15551230000"), verb("Hangup")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    /// Twilio documents the verb after `<Record>` as unreachable, but the reference marks that as an inference:
    /// the checker keeps the edge, so a `<Record>` that ends its document is a fall-off. Code generation writes
    /// the continuation twice (action and `<Redirect>`) for exactly this reason.
    @Test func flow302RecordWithNothingAfterIt() throws {
        var flow = Deployment.caller([verb("Record", ["action": "thanks.xml"])])
        flow.add("legs/caller/thanks.xml", [verb("Hangup")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .documentFallOff)
        #expect(finding.place == Place("legs/caller/start.xml", verb: 0))

        var twin = Deployment.caller([verb("Record", ["action": "thanks.xml"]), verb("Redirect", text: "thanks.xml")])
        twin.add("legs/caller/thanks.xml", [verb("Hangup")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    @Test func flow302GatherWithoutInputInAnActionDocumentShowsThePath() throws {
        var flow = Deployment.caller([dial("+15551230000", action: "menu.xml")])
        flow.add("legs/caller/menu.xml", [verb("Gather", ["action": "bye.xml"], children: [say("Press 1")])])
        flow.add("legs/caller/bye.xml", [verb("Hangup")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .documentFallOff)
        #expect(finding.message == "leg 'caller' can run off the end of step 'menu' of leg 'caller'")
        #expect(finding.place == Place("legs/caller/menu.xml", verb: 0))
        // The counterexample starts at the leg's first step and follows the dial's end into the menu.
        #expect(finding.notes.first?.message == "caller, step 'start': dials +15551230000")
        #expect(finding.notes.contains { $0.message == "caller, step 'menu': the dial ends, then gathers input" })

        var twin = Deployment()
        twin.add("legs/caller/start.xml", [dial("+15551230000", action: "menu.xml")])
        twin.add(
            "legs/caller/menu.xml",
            [verb("Gather", ["action": "bye.xml"], children: [say("Press 1")]), verb("Redirect", text: "bye.xml")])
        twin.add("legs/caller/bye.xml", [verb("Hangup")])
        twin.leg("caller", .entry, start: "legs/caller/start.xml")
        #expect(twin.check().diagnostics.isEmpty)
    }

    @Test func flow302IsReportedOncePerDocument() {
        var flow = Deployment.caller([verb("Redirect", text: "../../shared/end.xml")])
        flow.add("legs/agent/start.xml", [verb("Redirect", text: "../../shared/end.xml")])
        flow.add("shared/end.xml", [say("Bye")])
        flow.leg("agent", .outbound, start: "legs/agent/start.xml")
        #expect(flow.check().diagnostics.map(\.code) == [.documentFallOff])
    }

    // MARK: - FLOW305: a gather or record without an action repeats its document (§8.4 rule 38)

    @Test(arguments: ["Gather", "Record"])
    func flow305VerbWithoutAction(_ name: String) throws {
        let flow = Deployment.caller([say("Hi"), verb(name), verb("Hangup")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .actionMissingSelfLoop)
        #expect(finding.message == "<\(name)> in step 'start' of leg 'caller' has no action: Twilio requests the same document again")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 1))

        var twin = Deployment.caller([say("Hi"), verb(name, ["action": "next.xml"]), verb("Hangup")])
        twin.add("legs/caller/next.xml", [verb("Hangup")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    // MARK: - FLOW306: a hold document that can reach its end (§3.1, §8.3 rule 20)

    @Test func flow306HoldDocumentWithoutLoop() throws {
        var flow = Deployment()
        flow.add("rooms/desk.hold.xml", .hold, [say("Please hold."), verb("Play", text: "https://cdn.example.com/h.mp3")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .holdDocumentEnds)
        #expect(finding.message == "document 'rooms/desk.hold.xml' can reach its end")
        #expect(finding.place == Place("rooms/desk.hold.xml", verb: 1))
    }

    @Test(arguments: ["", "desk.hold.xml", "https://twiml.example.com/t/rooms/desk.hold.xml"])
    func flow306HoldDocumentThatLoopsIsSilent(_ loop: String) {
        var flow = Deployment()
        flow.add(
            "rooms/desk.hold.xml", .hold,
            [verb("Play", text: "https://cdn.example.com/h.mp3"), verb("Redirect", ["method": "GET"], text: loop)])
        #expect(flow.check().diagnostics.isEmpty)
    }

    // MARK: - FLOW308: verbs after a transfer of control (§1.1, §8.4 rule 27)

    @Test(arguments: [
        verb("Hangup"),
        verb("Redirect", text: "../../shared/next.xml"),
        verb("Dial", ["action": "../../shared/next.xml"], children: [verb("Number", text: "+15551230000")]),
        verb("Enqueue", ["action": "../../shared/next.xml"], text: "support"),
    ])
    func flow308VerbAfterATransfer(_ transfer: TwiMLElement) throws {
        var flow = Deployment.caller([transfer, say("Never heard"), verb("Hangup")])
        flow.add("shared/next.xml", [verb("Hangup")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .unreachableTwiMLVerb)
        #expect(finding.severity == .warning)
        #expect(finding.message == "verbs after <\(transfer.name)> in step 'start' of leg 'caller' never run")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 1))

        var twin = Deployment.caller([say("Heard"), transfer])
        twin.add("shared/next.xml", [verb("Hangup")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    /// The verbs after a `<Dial>` or `<Enqueue>` without an action are its continuation, and the
    /// `<Redirect>` code generation writes after `<Record action>` is the conservative second copy of it.
    @Test func flow308SilentWhereTheNextVerbCanRun() {
        var flow = Deployment()
        flow.add(
            "legs/caller/start.xml",
            [dial("+15551230000"), verb("Enqueue", text: "support"), verb("Record", ["action": "next.xml"]), verb("Redirect", text: "next.xml")])
        flow.add("legs/caller/next.xml", [verb("Hangup")])
        flow.leg("caller", .entry, start: "legs/caller/start.xml")
        #expect(flow.check().diagnostics.isEmpty)
    }

    // MARK: - FLOW312: a URL that names no generated document (§8.2 rule 12)

    @Test func flow312RedirectToAMissingDocument() throws {
        let flow = Deployment.caller([say("Hi"), verb("Redirect", text: "missing.xml")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .unresolvedURL)
        #expect(finding.message == "'missing.xml' in step 'start' of leg 'caller' names no generated document")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 1))

        var twin = Deployment.caller([say("Hi"), verb("Redirect", text: "present.xml")])
        twin.add("legs/caller/present.xml", [verb("Hangup")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    @Test func flow312DialActionOnAnotherHost() throws {
        var flow = Deployment.caller([dial("+15551230000", action: "https://other.example.com/t/legs/caller/after.xml")])
        flow.add("legs/caller/after.xml", [verb("Hangup")])
        let finding = try #require(flow.check().diagnostics.first { $0.code == .unresolvedURL })
        #expect(finding.message.hasPrefix("'https://other.example.com/t/legs/caller/after.xml' in step 'start'"))
        #expect(finding.place == Place("legs/caller/start.xml", verb: 0))

        var twin = Deployment.caller([dial("+15551230000", action: "https://twiml.example.com/t/legs/caller/after.xml")])
        twin.add("legs/caller/after.xml", [verb("Hangup")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    /// A URL in a step no leg reaches is not reported (the step is, as unreachable): FLOW312 follows the
    /// paths of legs, and an operation that moves a leg there starts one.
    @Test func flow312FollowsThePathsOfLegs() {
        var flow = Deployment.caller([say("Hi"), verb("Hangup")])
        flow.add("legs/caller/orphan.xml", [verb("Redirect", text: "missing.xml")])
        #expect(flow.check().diagnostics.map(\.code) == [.unreachableStep])
        flow.operation(.move, "caller", to: "legs/caller/orphan.xml")
        #expect(flow.check().diagnostics.map(\.code) == [.unresolvedURL])
    }

    // MARK: - FLOW313: a document used in a context it was not generated for (§3.1, §8.3 rule 24)

    @Test func flow313EnqueueWaitURLNamesAStep() throws {
        var flow = Deployment.caller([verb("Enqueue", ["action": "music.xml", "waitUrl": "music.xml"], text: "support")])
        // <Reject> is not allowed in a wait document, so the step cannot serve as one.
        flow.add("legs/caller/music.xml", [verb("Play", text: "https://cdn.example.com/q.mp3"), verb("Reject")])
        let finding = try #require(flow.check().diagnostics.first { $0.code == .documentContextMismatch })
        #expect(finding.message == "step 'music' of leg 'caller' is used as an enqueue wait document but was generated as a normal document")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 0))

        var twin = Deployment()
        twin.add(
            "legs/caller/start.xml",
            [verb("Enqueue", ["action": "music.xml", "waitUrl": "../../queues/support.wait.xml"], text: "support")])
        twin.add("legs/caller/music.xml", [verb("Play", text: "https://cdn.example.com/q.mp3"), verb("Reject")])
        twin.add("queues/support.wait.xml", .enqueueWait, [verb("Play", text: "https://cdn.example.com/q.mp3")])
        twin.leg("caller", .entry, start: "legs/caller/start.xml")
        #expect(twin.check().diagnostics.isEmpty)
    }

    /// §8.3 rule 24: a document referenced from two contexts must satisfy both whitelists. A hold document
    /// (Play, Redirect) satisfies the normal context too, so redirecting a step into it is no finding.
    @Test func flow313IsSilentForADocumentThatSatisfiesBothContexts() throws {
        var flow = Deployment.caller([say("Hi"), verb("Redirect", text: "../../rooms/desk.hold.xml")])
        flow.add("rooms/desk.hold.xml", .hold, [verb("Play", text: "https://cdn.example.com/h.mp3"), verb("Redirect")])
        #expect(!flow.check().diagnostics.contains { $0.code == .documentContextMismatch })
    }

    @Test func flow313NumberURLNamesAQueueWhisper() throws {
        var flow = Deployment()
        flow.add(
            "legs/caller/start.xml",
            [dial("+15551230000", action: "bye.xml", whisper: "../../queues/support.whisper.xml")])
        flow.add("legs/caller/bye.xml", [verb("Hangup")])
        // <Pause> is allowed in a queue whisper but not in a whisper (§3.1).
        flow.add("queues/support.whisper.xml", .queueWhisper, [say("Connecting"), verb("Pause")])
        flow.leg("caller", .entry, start: "legs/caller/start.xml")
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .documentContextMismatch)
        #expect(finding.message.hasSuffix("is used as a whisper document but was generated as a queue whisper document"))

        var twin = Deployment.caller([dial("+15551230000", action: "bye.xml", whisper: "../agent.whisper.xml")])
        twin.add("legs/caller/bye.xml", [verb("Hangup")])
        twin.add("legs/agent.whisper.xml", .whisper, [say("Call from support")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    // MARK: - FLOW316 and rules inside wait documents

    @Test func flow316LeaveInAStep() throws {
        let flow = Deployment.caller([say("Hi"), verb("Leave"), verb("Hangup")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .twimlLeaveOutsideWait)
        #expect(finding.message == "<Leave> in step 'start' of leg 'caller' runs outside an Enqueue wait document")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 1))
    }

    /// Wait documents exist in the graph only once per `<Enqueue>` that uses them; the document rules still
    /// see their verbs (a verb after `<Leave>`, a gather without action).
    @Test func documentRulesReachInsideWaitDocuments() {
        var flow = Deployment.caller([
            verb("Enqueue", ["action": "bye.xml", "waitUrl": "../../queues/q.wait.xml"], text: "q")
        ])
        flow.add("legs/caller/bye.xml", [verb("Hangup")])
        flow.add("queues/q.wait.xml", .enqueueWait, [verb("Gather"), verb("Leave"), say("never")])
        let places = flow.check().diagnostics.map { "\($0.code) \($0.place?.description ?? "")" }.sorted()
        #expect(places == ["FLOW305 /t/queues/q.wait.xml#0", "FLOW308 /t/queues/q.wait.xml#2"])
    }

    // MARK: - FLOW317: redirect loops that never wait

    /// An empty `<Redirect/>` re-requests the document (§1.3): alone in a step, the leg is handed to the
    /// same document for ever with nothing to wait on. A background `<Start>` takes no time either.
    @Test func flow317StepThatOnlyRedirectsToItself() throws {
        let flow = Deployment.caller([verb("Start", children: [verb("Stream", ["url": "wss://example.com/s"])]), verb("Redirect")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .redirectCycle)
        #expect(finding.message == "leg 'caller' is redirected in a loop that never waits: step 'start'")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 0))
        #expect(finding.notes.count == 3)

        let twin = Deployment.caller([verb("Play", text: "https://cdn.example.com/a.mp3"), verb("Redirect")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    /// An Enqueue wait document whose end requests it again and that holds nothing but a redirect to
    /// itself loops without waiting too, in its copy for the `<Enqueue>`; one with music waits.
    @Test func flow317WaitDocumentThatOnlyRedirects() throws {
        var flow = Deployment.caller([
            verb("Enqueue", ["action": "bye.xml", "waitUrl": "../../queues/q.wait.xml"], text: "q")
        ])
        flow.add("legs/caller/bye.xml", [verb("Hangup")])
        flow.add("queues/q.wait.xml", .enqueueWait, [verb("Redirect", text: "q.wait.xml")])
        let finding = try #require(flow.check().diagnostics.only)
        #expect(finding.code == .redirectCycle)
        #expect(finding.place == Place("queues/q.wait.xml", verb: 0))

        var twin = Deployment.caller([
            verb("Enqueue", ["action": "bye.xml", "waitUrl": "../../queues/q.wait.xml"], text: "q")
        ])
        twin.add("legs/caller/bye.xml", [verb("Hangup")])
        twin.add("queues/q.wait.xml", .enqueueWait, [verb("Play", text: "https://cdn.example.com/a.mp3"), verb("Redirect", text: "q.wait.xml")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    // MARK: - FLOW315: a generated document fetched with POST (§5, §8.2 rule 15)

    @Test func flow315RedirectAndWaitURLFetchedWithPOST() throws {
        var flow = Deployment.caller([
            say("Hi"),
            verb("Enqueue", ["waitUrl": "../../queues/support.wait.xml", "waitUrlMethod": "POST"], text: "support"),
            verb("Redirect", ["method": "POST"], text: "bye.xml"),
        ])
        flow.add("legs/caller/bye.xml", [verb("Hangup")])
        flow.add("queues/support.wait.xml", .enqueueWait, [verb("Play", text: "https://cdn.example.com/q.mp3")])
        let findings = flow.check().diagnostics
        #expect(findings.map(\.code.rawValue) == ["FLOW315", "FLOW315"])
        #expect(findings.compactMap(\.place) == [Place("legs/caller/start.xml", verb: 1), Place("legs/caller/start.xml", verb: 2)])
        #expect(findings.map(\.message) == [
            "<Enqueue> in step 'start' of leg 'caller' makes Twilio fetch a document with POST",
            "<Redirect> in step 'start' of leg 'caller' makes Twilio fetch a document with POST",
        ])

        // The same verbs as code generation writes them, with an explicit GET.
        var twin = Deployment.caller([
            say("Hi"), verb("Enqueue", ["waitUrl": "../../queues/support.wait.xml"], text: "support"),
            verb("Redirect", text: "bye.xml"),
        ])
        twin.add("legs/caller/bye.xml", [verb("Hangup")])
        twin.add("queues/support.wait.xml", .enqueueWait, [verb("Play", text: "https://cdn.example.com/q.mp3")])
        #expect(twin.check().diagnostics.isEmpty)
    }

    // MARK: - FLOW301 on deployed documents: a moved child whose parent's dial falls off (§1.6, rule 30)

    /// `then hangup` and a missing continuation are different documents: without a verb after the dial, the
    /// parent falls off when the child is moved, and that is an accidental hangup whatever the operation.
    @Test(arguments: [OperationKind.move, .hold])
    func flow301ParentDialWithNothingAfterIt(_ kind: OperationKind) throws {
        var flow = Deployment.caller([say("Connecting"), dial("+15551230000")])
        flow.add("legs/agent/held.xml", [verb("Enqueue", text: "parked"), verb("Hangup")])
        flow.leg("agent", .dialed, dialedFrom: [("legs/caller/start.xml", 1)])
        flow.operation(kind, "agent", to: "legs/agent/held.xml")
        let report = flow.check()
        let finding = try #require(report.diagnostics.first { $0.code == .operationHangsUpLeg })
        #expect(finding.message == "leg 'caller' is hung up when operation '\(kind)-agent' moves leg 'agent'")
        #expect(finding.place == Place("legs/caller/start.xml", verb: 1))
        #expect(finding.notes.last?.message.contains("has no verb left") == true)
        // The caller's own path falls off too, without any operation.
        #expect(report.diagnostics.map(\.code.rawValue).sorted() == ["FLOW301", "FLOW302"])

        var twin = Deployment.caller([say("Connecting"), dial("+15551230000", action: "waiting.xml")])
        twin.add("legs/caller/waiting.xml", [verb("Play", text: "https://cdn.example.com/h.mp3"), verb("Redirect")])
        twin.add("legs/agent/held.xml", [verb("Enqueue", text: "parked"), verb("Hangup")])
        twin.leg("agent", .dialed, dialedFrom: [("legs/caller/start.xml", 1)])
        twin.operation(kind, "agent", to: "legs/agent/held.xml")
        let clean = twin.check()
        #expect(clean.diagnostics.isEmpty)
        let effects = clean.effects[OperationID(flow: "t", key: "\(kind)-agent")] ?? []
        #expect(effects.map { "\($0.leg) \($0.outcome) \($0.step ?? "-")" } == ["caller continues caller.waiting"])
    }

    /// Only a hold requires the partner to wait: a move may end the partner's call on purpose.
    @Test func flow301ImmediateHangupCountsOnlyForAHold() {
        func deployment(_ kind: OperationKind) -> Deployment {
            var flow = Deployment.caller([dial("+15551230000", action: "bye.xml")])
            flow.add("legs/caller/bye.xml", [say("Goodbye"), verb("Hangup")])
            flow.add("legs/agent/held.xml", [verb("Enqueue", text: "parked"), verb("Hangup")])
            flow.leg("agent", .dialed, dialedFrom: [("legs/caller/start.xml", 0)])
            flow.operation(kind, "agent", to: "legs/agent/held.xml")
            return flow
        }
        #expect(deployment(.hold).check().diagnostics.map(\.code) == [.operationHangsUpLeg])
        #expect(deployment(.move).check().diagnostics.isEmpty)
    }
}

// MARK: - Building deployed flows by hand

/// A flow under construction: documents by file (relative to the flow folder, as `routes.json` names them),
/// legs and operations. Every verb gets a span of its own (path = route, line = index + 1), so a test can
/// tell which verb a diagnostic points at.
private struct Deployment {
    static let name = "t"
    static let baseURL = "https://twiml.example.com/t"
    var documents: [DeployedDocument] = []
    var legs: [DeployedLeg] = []
    var operations: [DeployedOperation] = []

    static func route(_ file: String) -> String { "/\(name)/\(file)" }

    static func span(_ route: String, line: Int) -> SourceSpan {
        SourceSpan(
            path: route, start: SourceLocation(offset: line * 100, line: line, column: 1),
            end: SourceLocation(offset: line * 100 + 1, line: line, column: 2))
    }

    /// The span of a document's header, told apart from its verbs'.
    static let headerLine = 1000

    /// A flow whose entry leg 'caller' starts at `legs/caller/start.xml` with `verbs`.
    static func caller(_ verbs: [TwiMLElement]) -> Deployment {
        var flow = Deployment()
        flow.add("legs/caller/start.xml", verbs)
        flow.leg("caller", .entry, start: "legs/caller/start.xml")
        return flow
    }

    mutating func add(_ file: String, _ verbs: [TwiMLElement]) { add(file, .normal, verbs) }

    mutating func add(_ file: String, _ context: TwiMLContext, _ verbs: [TwiMLElement]) {
        let route = Self.route(file)
        let parts = file.split(separator: "/").map(String.init)
        let isStep = parts.count == 3 && parts[0] == "legs" && parts[2].filter { $0 == "." }.count == 1
        let step = isStep ? String(parts[2].dropLast(4)) : nil
        let leg = isStep ? parts[1] : nil
        let verbs = verbs.map(Self.fetchedWithGET)
        documents.append(
            DeployedDocument(
                route: route, context: context, document: TwiMLDocument(verbs, context: context), leg: leg, step: step,
                title: isStep ? "step '\(step ?? "")' of leg '\(leg ?? "")'" : "document '\(file)'",
                span: Self.span(route, line: Self.headerLine),
                verbSpans: verbs.indices.map { Self.span(route, line: $0 + 1) }))
    }

    /// `element` with an explicit `GET` for every URL it makes Twilio fetch, as code generation writes it
    /// (Docs/Output.md, twiml-semantics.md §8.2 rule 15), so that a test's findings are about its own rule.
    static func fetchedWithGET(_ element: TwiMLElement) -> TwiMLElement {
        var copy = element
        copy.content = element.content.map {
            if case .element(let child) = $0 { return .element(fetchedWithGET(child)) }
            return $0
        }
        let fetches = [("action", "method"), ("url", "method"), ("waitUrl", element.name == "Enqueue" ? "waitUrlMethod" : "waitMethod")]
        for (url, method) in fetches where element[attribute: url] != nil && element[attribute: method] == nil {
            copy = copy.setting(method, "GET")
        }
        if element.name == "Redirect", element[attribute: "method"] == nil { copy = copy.setting("method", "GET") }
        return copy
    }

    mutating func leg(
        _ name: String, _ role: LegRole, start: String? = nil, whisper: String? = nil, dialedFrom: [(String, Int)] = []
    ) {
        legs.append(
            DeployedLeg(
                name: name, role: role, start: start.map(Self.route), whisper: whisper.map(Self.route),
                dialedFrom: dialedFrom.map { VerbAddress(route: Self.route($0.0), index: $0.1) },
                span: Self.span("legs", line: 1)))
    }

    mutating func operation(_ kind: OperationKind, _ leg: String, to file: String, during: [String] = []) {
        operations.append(
            DeployedOperation(
                key: "\(kind)-\(leg)", kind: kind, leg: leg,
                strategy: .move(to: StepID(leg: leg, step: String(file.split(separator: "/").last ?? ""))),
                action: .redirect(route: Self.route(file)),
                during: during.map(Self.route), span: Self.span("operations", line: operations.count + 1)))
    }

    var flow: DeployedFlow {
        DeployedFlow(
            name: Self.name, baseURL: Self.baseURL, documents: documents, legs: legs, operations: operations,
            span: Self.span("flow", line: 1))
    }

    var graph: CallGraph { CallGraph(flow: flow) }

    func check() -> Proof { ContinuationChecker.check(flow) }
}

/// An `<Enqueue>` that started a wait: its document and verb index.
private struct Site {
    var file: String
    var index: Int

    init(_ file: String, _ index: Int) {
        self.file = file
        self.index = index
    }
}

/// Where a diagnostic points: a document and the index of one of its verbs (`nil` for its header).
private struct Place: Equatable, CustomStringConvertible {
    var route: String
    var verb: Int?

    init(_ file: String, verb: Int?) {
        route = Deployment.route(file)
        self.verb = verb
    }

    init(route: String, verb: Int?) {
        self.route = route
        self.verb = verb
    }

    var description: String { "\(route)#\(verb.map(String.init) ?? "header")" }
}

extension Diagnostic {
    fileprivate var place: Place? {
        span.map { span in
            Place(route: span.path, verb: span.start.line == Deployment.headerLine ? nil : span.start.line - 1)
        }
    }
}

extension Array {
    /// The one element, or `nil` when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}

extension CallGraph {
    /// The outcome edges of verb `index` of `file` (the end of the document when `index` is its verb count),
    /// in words: `outcome -> file#index[@site file#index] [(waits)]`, or a terminal target.
    fileprivate func outcomes(_ file: String, _ index: Int, site: Site? = nil) -> [String] {
        guard let document = routeIndex[Deployment.route(file)] else { return ["no document \(file)"] }
        var siteNode: Int?
        if let site {
            guard let owner = routeIndex[Deployment.route(site.file)],
                let node = node(Point(document: owner, index: site.index, site: nil))
            else { return ["no site \(site.file)#\(site.index)"] }
            siteNode = node
        }
        guard let node = node(Point(document: document, index: index, site: siteNode)) else {
            return ["no point \(file)#\(index)"]
        }
        return edges[node].map { edge in
            let target: String
            switch edge.target {
            case .point(let next): target = describe(next)
            case .exit: target = "exit"
            case .fallOff: target = "fall-off"
            case .bridge: target = "bridge"
            case .silence: target = "silence"
            case .undocumentedEnd: target = "undocumented end"
            case .unresolved(let url): target = "unresolved(\(url))"
            }
            return "\(edge.outcome) -> \(target)" + (edge.waits ? " (waits)" : "")
        }
    }

    private func describe(_ node: Int) -> String {
        let point = points[node]
        let prefix = "/\(Deployment.name)/"
        let file = String(flow.documents[point.document].route.dropFirst(prefix.count))
        let site = point.site.map { "@" + describe($0) } ?? ""
        return "\(file)#\(point.index)\(site)"
    }
}

// MARK: - TwiML shorthands

private func verb(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String = "", children: [TwiMLElement] = []
) -> TwiMLElement {
    let attributes = attributes.map { TwiMLAttribute($0.key, $0.value) }
    return children.isEmpty
        ? TwiMLElement(name, attributes: attributes, text: text)
        : TwiMLElement(name, attributes: attributes, children: children)
}

private func say(_ text: String) -> TwiMLElement { verb("Say", text: text) }

private func dial(_ number: String, action: String? = nil, whisper: String? = nil) -> TwiMLElement {
    let target = verb("Number", text: number).setting("url", whisper)
    return verb("Dial", children: [target]).setting("action", action)
}
