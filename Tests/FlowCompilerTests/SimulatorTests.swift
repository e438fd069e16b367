import FlowCompiler
import FlowDiagnostics
import Testing

/// The simulator's model of Twilio (Docs/Twilio.md#dial-bridge, Docs/Twilio.md#conference-and-queue-legs, Docs/Twilio.md#hold-techniques), one behaviour a test, read from the
/// transcript lines each event produces. Flows are built in memory and simulated as deployed.
@Suite struct SimulatorTests {
    // MARK: - Support

    static func deployed(_ text: String) throws -> DeployedFlow {
        let built = CheckerTestSupport.build(text)
        let errors = built.result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code): \($0.message)" })")
        return try #require(built.flows.first)
    }

    static func run(_ flow: DeployedFlow, _ scenario: String?) -> String {
        guard let scenario else { return Simulator.run(flow, scenario: nil) }
        let parsed = ScenarioParser.parse(SourceFile(path: "test.scenario", text: scenario))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        return Simulator.run(flow, scenario: parsed.scenario)
    }

    /// The lines an event produced: those after its `> EVENT` line (the last one with that text) up to
    /// the next event or `= end`.
    static func lines(after event: String, in transcript: String) -> [String] {
        let all = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = all.lastIndex(where: { $0 == "> \(event)" || $0 == "> (happy path) \(event)" }) else { return [] }
        return Array(all[(start + 1)...].prefix { !$0.hasPrefix(">") && !$0.hasPrefix("= end") })
    }

    /// The state lines after `= end`.
    static func ending(of transcript: String) -> [String] {
        let all = transcript.split(separator: "\n").map(String.init)
        guard let end = all.firstIndex(of: "= end") else { return [] }
        return Array(all[(end + 1)...])
    }

    static func dialer(whisper: String? = "      say \"Call for you.\"\n") -> String {
        """
        flow dialer
          serve at "https://twiml.example.com/dialer"
          leg caller entry
            step start
              gather num_digits=1 then -> connect
                say "Press a key."
              say "Nothing pressed."
              record then -> connect
            step connect
              dial agent "+15551230000" then -> after
            step after
              say "Bye."
              hangup
            step parked
              say "Parked."
              hangup
          leg agent dialed

        """ + (whisper.map { "    whisper\n" + $0 } ?? "") + """
            step moved
              say "You were moved."
              hangup
          operation move agent -> moved
          operation move caller -> parked during start

        """
    }

    static let meeting = """
        flow meeting
          serve at "https://twiml.example.com/meeting"
          audio music = "https://cdn.example.com/hold.mp3"
          room desk shared
            wait music
            hold music
          leg caller entry
            step start
              join desk start_on_enter=false then -> goodbye
            step goodbye
              say "Goodbye."
              hangup
          leg guest outbound
            step start
              join desk start_on_enter=false then -> goodbye
            step goodbye
              hangup
          leg host outbound
            step start
              join desk start_on_enter end_on_exit then hangup
          operation hold caller in desk
          operation unhold caller in desk
          operation move guest -> goodbye

        """

    static let ringing = "start caller\npress caller \"1\"\n"
    static let bridged = ringing + "answer agent\n"

    // MARK: - Gather and record

    @Test func gatherInputTakesTheAction() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), Self.ringing)
        #expect(transcript.hasPrefix("# flowc simulate: flow 'dialer', scripted\n> start caller\n"))
        #expect(
            Self.lines(after: "start caller", in: transcript) == [
                "  caller   GET /dialer/legs/caller/start.xml",
                "  caller   gathers input",
            ])
        #expect(
            Self.lines(after: "press caller \"1\"", in: transcript) == [
                "  caller   GET /dialer/legs/caller/connect.xml",
                "  caller   dials +15551230000",
                "  agent    rings",
            ])
        #expect(Self.ending(of: transcript) == ["  caller   live: ringing agent", "  agent    ringing: dialed by caller"])
    }

    @Test func speechIsInputLikeDigits() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), "start caller\nspeak caller \"agent\"\n")
        #expect(Self.lines(after: "speak caller \"agent\"", in: transcript).first == "  caller   GET /dialer/legs/caller/connect.xml")
    }

    @Test func silenceGoesOnWithTheNextVerbAndRecordEndsAtItsAction() throws {
        let transcript = Self.run(
            try Self.deployed(Self.dialer()), "start caller\nsilence caller\nfinish-recording caller\n")
        #expect(
            Self.lines(after: "silence caller", in: transcript) == [
                "  caller   says “Nothing pressed.”",
                "  caller   records",
            ])
        #expect(
            Self.lines(after: "finish-recording caller", in: transcript) == [
                "  caller   GET /dialer/legs/caller/connect.xml",
                "  caller   dials +15551230000",
                "  agent    rings",
            ])
    }

    @Test func recordingLegIsShownLiveAtTheEnd() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), "start caller\nsilence caller\n")
        #expect(Self.ending(of: transcript) == [
            "  caller   live: recording in /dialer/legs/caller/start.xml", "  agent    never started",
        ])
    }

    // MARK: - Dial

    @Test func answerPlaysTheWhisperThenBridges() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), Self.bridged)
        #expect(
            Self.lines(after: "answer agent", in: transcript) == [
                "  agent    answers",
                "  agent    GET /dialer/legs/agent.whisper.xml",
                "  agent    says “Call for you.”",
                "  caller   is bridged with agent",
            ])
        #expect(Self.ending(of: transcript) == ["  caller   live: talking with agent", "  agent    live: talking with caller"])
    }

    @Test func answerWithoutAWhisperBridgesAtOnce() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer(whisper: nil)), Self.bridged)
        #expect(Self.lines(after: "answer agent", in: transcript) == ["  agent    answers", "  caller   is bridged with agent"])
    }

    @Test(arguments: ScenarioEvent.DialFailure.allCases, [true, false])
    func aDialThatFailsContinuesTheParent(_ failure: ScenarioEvent.DialFailure, _ whisper: Bool) throws {
        let flow = try Self.deployed(whisper ? Self.dialer() : Self.dialer(whisper: nil))
        let transcript = Self.run(flow, Self.ringing + "\(failure.rawValue) agent\n")
        #expect(
            Self.lines(after: "\(failure.rawValue) agent", in: transcript) == [
                "  agent    does not answer: \(failure.rawValue)",
                "  caller   its dial ends (DialCallStatus=\(failure.rawValue))",
                "  caller   GET /dialer/legs/caller/after.xml",
                "  caller   says “Bye.”",
                "  caller   hangs up",
            ])
        #expect(
            Self.ending(of: transcript) == [
                "  caller   ended: hung up on purpose", "  agent    ended: never answered (\(failure.rawValue))",
            ])
        // The whisper runs only for a leg that answers.
        #expect(!transcript.contains("whisper"))
    }

    @Test func aWhisperThatHangsUpEndsTheDial() throws {
        let flow = try Self.deployed(Self.dialer(whisper: "      say \"Not now.\"\n      hangup\n"))
        let transcript = Self.run(flow, Self.bridged)
        #expect(
            Self.lines(after: "answer agent", in: transcript) == [
                "  agent    answers",
                "  agent    GET /dialer/legs/agent.whisper.xml",
                "  agent    says “Not now.”",
                "  agent    hangs up",
                "  caller   its dial ends: the dialed leg hung up before the bridge",
                "  caller   GET /dialer/legs/caller/after.xml",
                "  caller   says “Bye.”",
                "  caller   hangs up",
            ])
        #expect(Self.ending(of: transcript) == ["  caller   ended: hung up on purpose", "  agent    ended: hung up in its whisper"])
    }

    /// Docs/Twilio.md#dial-bridge: the parent hangs up, the child has no TwiML of its own and is disconnected.
    @Test func parentHangupDisconnectsTheChild() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), Self.bridged + "hangup caller\n")
        #expect(
            Self.lines(after: "hangup caller", in: transcript) == [
                "  caller   puts the phone down",
                "  agent    is disconnected: the leg that dialed it left (Docs/Twilio.md#dial-bridge)",
            ])
        #expect(
            Self.ending(of: transcript) == [
                "  caller   ended: the person hung up", "  agent    ended: disconnected: the leg that dialed it left",
            ])
    }

    @Test func parentHangupWhileRingingCancelsTheChild() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), Self.ringing + "hangup caller\n")
        #expect(Self.lines(after: "hangup caller", in: transcript) == ["  caller   puts the phone down", "  agent    stops ringing"])
        #expect(Self.ending(of: transcript).last == "  agent    ended: canceled")
    }

    /// Docs/Twilio.md#dial-bridge: the child hangs up, the parent's dial ends and it goes on with the dial's action.
    @Test func childHangupContinuesTheParent() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), Self.bridged + "hangup agent\n")
        #expect(
            Self.lines(after: "hangup agent", in: transcript) == [
                "  agent    puts the phone down",
                "  caller   its dial ends: leg 'agent' left the call",
                "  caller   GET /dialer/legs/caller/after.xml",
                "  caller   says “Bye.”",
                "  caller   hangs up",
            ])
    }

    // MARK: - Queues

    static func supportLine() throws -> DeployedFlow {
        let built = CheckerTestSupport.build(sources: [CheckerTestSupport.bundledFlow("support_line")])
        return try #require(built.flows.first)
    }

    @Test func queueBridgesWhenTheMemberWaitsFirst() throws {
        let transcript = Self.run(try Self.supportLine(), "start caller\nstart agent\n")
        #expect(
            Self.lines(after: "start caller", in: transcript).suffix(2) == [
                "  caller   plays https://cdn.example.com/audio/queue.mp3",
                "  caller   (the wait document repeats)",
            ])
        #expect(
            Self.lines(after: "start agent", in: transcript) == [
                "  agent    GET /support_line/legs/agent/start.xml",
                "  agent    dials queue 'support'",
                "  agent    takes caller from queue 'support'",
                "  caller   GET /support_line/queues/support.whisper.xml",
                "  caller   says “Connecting you to an agent.”",
                "  caller   is bridged with agent",
            ])
        #expect(Self.ending(of: transcript) == ["  caller   live: talking with agent", "  agent    live: talking with caller"])
    }

    @Test func queueBridgesWhenTheDequeuerDialsFirst() throws {
        let transcript = Self.run(try Self.supportLine(), "start agent\nstart caller\n")
        #expect(
            Self.lines(after: "start agent", in: transcript) == [
                "  agent    GET /support_line/legs/agent/start.xml",
                "  agent    dials queue 'support'",
                "  agent    waits for a caller in queue 'support'",
            ])
        let arrival = Self.lines(after: "start caller", in: transcript)
        #expect(
            arrival == [
                "  caller   GET /support_line/legs/caller/start.xml",
                "  caller   says “Thanks for calling support.”",
                "  caller   waits in queue 'support'",
                "  agent    takes caller from queue 'support'",
                "  caller   GET /support_line/queues/support.whisper.xml",
                "  caller   says “Connecting you to an agent.”",
                "  caller   is bridged with agent",
            ])
        #expect(Self.ending(of: transcript) == ["  caller   live: talking with agent", "  agent    live: talking with caller"])
    }

    /// Docs/Twilio.md#conference-and-queue-legs (c): when the bridge ends the member leaves the queue and takes the enqueue's continuation.
    @Test func dequeuerHangupSendsTheMemberOn() throws {
        let transcript = Self.run(try Self.supportLine(), "start caller\nstart agent\nhangup agent\n")
        #expect(
            Self.lines(after: "hangup agent", in: transcript).prefix(3) == [
                "  agent    puts the phone down",
                "  caller   leaves the queue: the bridge with 'agent' ended (QueueResult=bridged)",
                "  caller   GET /support_line/legs/caller/after_call.xml",
            ])
    }

    @Test func memberHangupEndsTheDequeuersDial() throws {
        let transcript = Self.run(try Self.supportLine(), "start caller\nstart agent\nhangup caller\n")
        #expect(
            Self.lines(after: "hangup caller", in: transcript).prefix(3) == [
                "  caller   puts the phone down",
                "  agent    its dial of the queue ends: leg 'caller' left",
                "  agent    GET /support_line/legs/agent/idle.xml",
            ])
    }

    @Test func aQueueDialCanTimeOut() throws {
        let transcript = Self.run(try Self.supportLine(), "start agent\nno-answer agent\n")
        #expect(
            Self.lines(after: "no-answer agent", in: transcript).prefix(2) == [
                "  agent    its dial of queue 'support' ends (DialCallStatus=no-answer)",
                "  agent    GET /support_line/legs/agent/idle.xml",
            ])
    }

    // MARK: - Conferences

    @Test func aConferenceStartsOnlyWithAStartOnEnterParticipant() throws {
        let transcript = Self.run(try Self.deployed(Self.meeting), "start caller\nstart guest\nstart host\n")
        #expect(
            Self.lines(after: "start guest", in: transcript) == [
                "  guest    GET /meeting/legs/guest/start.xml",
                "  guest    joins conference 'desk'",
                "  guest    waits for the conference to start: GET /meeting/rooms/desk.wait.xml",
                "  guest    plays https://cdn.example.com/hold.mp3",
                "  guest    (the wait document repeats)",
            ])
        #expect(
            Self.lines(after: "start host", in: transcript) == [
                "  host     GET /meeting/legs/host/start.xml",
                "  host     joins conference 'desk'",
                "  --       conference 'desk' starts with caller, guest, host",
            ])
    }

    /// Docs/Twilio.md#conference-and-queue-legs: a participant that joined with endConferenceOnExit ends the room; every other participant's
    /// dial ends and it goes on with its own continuation.
    @Test func endOnExitEndsTheRoomForTheOthers() throws {
        let transcript = Self.run(
            try Self.deployed(Self.meeting), "start caller\nstart guest\nstart host\nhangup host\n")
        #expect(
            Self.lines(after: "hangup host", in: transcript) == [
                "  host     puts the phone down",
                "  --       conference 'desk' ends: 'host' joined with endConferenceOnExit",
                "  caller   its dial ends: conference 'desk' ended",
                "  caller   GET /meeting/legs/caller/goodbye.xml",
                "  caller   says “Goodbye.”",
                "  caller   hangs up",
                "  guest    its dial ends: conference 'desk' ended",
                "  guest    GET /meeting/legs/guest/goodbye.xml",
                "  guest    hangs up",
            ])
    }

    @Test func aParticipantWithoutEndOnExitLeavesTheRoomRunning() throws {
        let transcript = Self.run(
            try Self.deployed(Self.meeting), "start caller\nstart guest\nstart host\nhangup guest\n")
        #expect(Self.lines(after: "hangup guest", in: transcript) == ["  guest    puts the phone down"])
        #expect(
            Self.ending(of: transcript) == [
                "  caller   live: in conference 'desk'", "  guest    ended: the person hung up",
                "  host     live: in conference 'desk'",
            ])
    }

    /// A redirected participant leaves the room (Docs/Twilio.md#conference-and-queue-legs) and runs its new document.
    @Test func aMovedParticipantLeavesTheRoom() throws {
        let transcript = Self.run(
            try Self.deployed(Self.meeting), "start caller\nstart guest\nstart host\napply move-guest\n")
        #expect(
            Self.lines(after: "apply move-guest", in: transcript) == [
                "  app      updates call guest: Url=https://twiml.example.com/meeting/legs/guest/goodbye.xml, Method=GET",
                "  guest    is moved by the application",
                "  guest    GET /meeting/legs/guest/goodbye.xml",
                "  guest    hangs up",
            ])
        #expect(Self.ending(of: transcript).first == "  caller   live: in conference 'desk'")
    }

    /// Docs/Twilio.md#hold-techniques: participant hold changes no TwiML; the held leg hears the hold document, which loops.
    @Test func participantHoldAndUnhold() throws {
        let flow = try Self.deployed(Self.meeting)
        let held = Self.run(flow, "start caller\nstart host\napply hold-caller\n")
        #expect(
            Self.lines(after: "apply hold-caller", in: held) == [
                "  app      updates the participant caller of conference 'desk': Hold=true, HoldUrl=https://twiml.example.com/meeting/rooms/desk.hold.xml, HoldMethod=GET",
                "  caller   is on hold: GET /meeting/rooms/desk.hold.xml",
                "  caller   plays https://cdn.example.com/hold.mp3",
                "  caller   (the hold document repeats)",
            ])
        #expect(Self.ending(of: held).first == "  caller   live: on hold in conference 'desk'")

        let resumed = Self.run(flow, "start caller\nstart host\napply hold-caller\napply unhold-caller\n")
        #expect(
            Self.lines(after: "apply unhold-caller", in: resumed) == [
                "  app      updates the participant caller of conference 'desk': Hold=false",
                "  caller   is back in conference 'desk'",
            ])
        #expect(Self.ending(of: resumed).first == "  caller   live: in conference 'desk'")
    }

    @Test func aHeldParticipantStillEndsWithTheRoom() throws {
        let transcript = Self.run(
            try Self.deployed(Self.meeting), "start caller\nstart host\napply hold-caller\nhangup host\n")
        #expect(Self.lines(after: "hangup host", in: transcript).contains("  caller   its dial ends: conference 'desk' ended"))
    }

    /// A conference ends when its last participant leaves (Docs/Twilio.md#conference-and-queue-legs); a later join makes a new one, which
    /// waits to start like any other.
    @Test func aRoomEmptiedByItsLastParticipantMustStartAgain() throws {
        let flow = try Self.deployed(
            """
            flow pair
              serve at "https://twiml.example.com/pair"
              audio music = "https://cdn.example.com/hold.mp3"
              room desk shared
                wait music
              leg caller entry
                step start
                  join desk then hangup
              leg guest outbound
                step start
                  join desk then hangup
              leg late outbound
                step start
                  join desk then hangup

            """)
        let transcript = Self.run(flow, "start caller\nstart guest\nhangup caller\nhangup guest\nstart late\n")
        #expect(Self.lines(after: "start guest", in: transcript).last == "  --       conference 'desk' starts with caller, guest")
        #expect(
            Self.lines(after: "start late", in: transcript) == [
                "  late     GET /pair/legs/late/start.xml",
                "  late     joins conference 'desk'",
                "  late     waits for the conference to start: GET /pair/rooms/desk.wait.xml",
                "  late     plays https://cdn.example.com/hold.mp3",
                "  late     (the wait document repeats)",
            ])
    }

    // MARK: - Operations

    @Test func movingTheChildContinuesTheParent() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), Self.bridged + "apply move-agent\n")
        #expect(
            Self.lines(after: "apply move-agent", in: transcript) == [
                "  app      updates call agent: Url=https://twiml.example.com/dialer/legs/agent/moved.xml, Method=GET",
                "  agent    is moved by the application",
                "  caller   its dial ends: leg 'agent' left the call",
                "  caller   GET /dialer/legs/caller/after.xml",
                "  caller   says “Bye.”",
                "  caller   hangs up",
                "  agent    GET /dialer/legs/agent/moved.xml",
                "  agent    says “You were moved.”",
                "  agent    hangs up",
            ])
    }

    /// Docs/Twilio.md#dial-bridge: moving the parent disconnects the child. The checker refuses such an operation in a flow
    /// (FLOW303), so the operation is added to the deployed flow by hand: the simulator still models it.
    @Test func movingTheParentDisconnectsTheChild() throws {
        var flow = try Self.deployed(Self.dialer())
        flow.operations.append(
            DeployedOperation(
                key: "move-caller-anytime", kind: .move, leg: "caller", strategy: .move(to: StepID(leg: "caller", step: "parked")),
                action: .redirect(route: "/dialer/legs/caller/parked.xml"), during: [], span: flow.span))
        let transcript = Self.run(flow, Self.bridged + "apply move-caller-anytime\n")
        #expect(
            Self.lines(after: "apply move-caller-anytime", in: transcript) == [
                "  app      updates call caller: Url=https://twiml.example.com/dialer/legs/caller/parked.xml, Method=GET",
                "  caller   is moved by the application",
                "  agent    is disconnected: the leg that dialed it left (Docs/Twilio.md#dial-bridge)",
                "  caller   GET /dialer/legs/caller/parked.xml",
                "  caller   says “Parked.”",
                "  caller   hangs up",
            ])
    }

    @Test func anOperationRunsDuringItsSteps() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), "start caller\napply move-caller\n")
        #expect(
            Self.lines(after: "apply move-caller", in: transcript) == [
                "  app      updates call caller: Url=https://twiml.example.com/dialer/legs/caller/parked.xml, Method=GET",
                "  caller   is moved by the application",
                "  caller   GET /dialer/legs/caller/parked.xml",
                "  caller   says “Parked.”",
                "  caller   hangs up",
            ])
    }

    /// Queue strategy end to end: hold moves the member, whose dequeuer's dial ends into a pause loop;
    /// reconnect moves the dequeuer to dial the parking queue.
    @Test func queueHoldAndReconnect() throws {
        let transcript = Self.run(
            try Self.supportLine(), "start caller\nstart agent\napply hold-caller\napply reconnect-agent\n")
        let hold = Self.lines(after: "apply hold-caller", in: transcript)
        #expect(hold.contains("  agent    its dial of the queue ends: leg 'caller' left"))
        #expect(hold.contains("  agent    (repeats /support_line/legs/agent/idle.xml until something happens)"))
        #expect(hold.contains("  caller   waits in queue 'support-parked'"))
        #expect(
            Self.lines(after: "apply reconnect-agent", in: transcript).suffix(2) == [
                "  agent    takes caller from queue 'support-parked'",
                "  caller   is bridged with agent",
            ])
    }

    // MARK: - Refused events

    static let refusals: [(scenario: String, line: String)] = [
        ("start nobody", "ignored: leg 'nobody' cannot start: it is not an idle entry or outbound leg"),
        ("start caller\nstart caller", "ignored: leg 'caller' cannot start: it is not an idle entry or outbound leg"),
        ("start agent", "ignored: leg 'agent' cannot start: it is not an idle entry or outbound leg"),
        ("press caller \"1\"", "ignored: leg 'caller' is not gathering input"),
        ("speak caller \"hi\"", "ignored: leg 'caller' is not gathering input"),
        ("start caller\nsilence caller\nsilence caller", "ignored: leg 'caller' is not gathering input"),
        ("start caller\nfinish-recording caller", "ignored: leg 'caller' is not recording"),
        ("start caller\nanswer agent", "ignored: no dial rings leg 'agent'"),
        ("start caller\nbusy caller", "ignored: leg 'caller' has no dial that can end with busy"),
        ("start caller\npress caller \"1\"\nhangup agent", "ignored: leg 'agent' is not live"),
        ("hangup caller", "ignored: leg 'caller' is not live"),
        ("start caller\napply hold-caller", "ignored: the flow has no operation 'hold-caller'"),
        ("apply move-agent", "ignored: leg 'agent' is not live"),
        (
            "start caller\npress caller \"1\"\napply move-caller",
            "ignored: operation 'move-caller' applies only during step 'start' of leg 'caller'; leg 'caller' is in step 'connect' of leg 'caller'"
        ),
    ]

    @Test(arguments: refusals.map(\.scenario))
    func refusedEventsAreShownAndChangeNothing(_ scenario: String) throws {
        let expected = try #require(Self.refusals.first { $0.scenario == scenario }?.line)
        let flow = try Self.deployed(Self.dialer())
        let transcript = Self.run(flow, scenario + "\n")
        let last = try #require(scenario.split(separator: "\n").last)
        #expect(Self.lines(after: String(last), in: transcript) == ["  --       \(expected)"])
        // The refused event leaves every leg as the events before it did.
        let before = scenario.split(separator: "\n").dropLast().joined(separator: "\n")
        #expect(Self.ending(of: transcript) == Self.ending(of: Self.run(flow, before)))
    }

    @Test func participantHoldOutsideTheRoomIsRefused() throws {
        let transcript = Self.run(try Self.deployed(Self.meeting), "start caller\nhangup caller\napply hold-caller\n")
        #expect(Self.lines(after: "apply hold-caller", in: transcript) == ["  --       ignored: leg 'caller' is not live"])
    }

    // MARK: - Accidents and termination

    /// A code-generation bug that drops the last `<Hangup>` is shown as Twilio would run it: the leg falls
    /// off the end of its document and is hung up (Docs/Twilio.md#end-of-document), and the transcript calls it an accident.
    @Test func aFallOffIsShownAsAnAccident() throws {
        var flow = try Self.deployed(
            """
            flow hello
              leg caller entry
                step start
                  say "Hello."
                  hangup

            """)
        let index = try #require(flow.documents.firstIndex { $0.route == "/hello/legs/caller/start.xml" })
        let document = flow.documents[index].document
        #expect(document.verbs.last?.name == "Hangup")
        flow.documents[index].document = TwiMLDocument(Array(document.verbs.dropLast()), context: document.context)
        let transcript = Self.run(flow, "start caller\n")
        #expect(
            Self.lines(after: "start caller", in: transcript) == [
                "  caller   GET /hello/legs/caller/start.xml",
                "  caller   says “Hello.”",
                "  caller   runs out of verbs: Twilio hangs the leg up (accident, Docs/Twilio.md#end-of-document)",
            ])
        #expect(Self.ending(of: transcript) == ["  caller   ended: fell off the end of a document (accident)"])
    }

    @Test func aPauseLoopWaitsUntilSomethingHappens() throws {
        let transcript = Self.run(try Self.supportLine(), "start caller\nstart agent\nhangup caller\n")
        #expect(Self.ending(of: transcript).last == "  agent    live: repeating its document")
        #expect(transcript.components(separatedBy: "GET /support_line/legs/agent/idle.xml").count == 2)
    }

    /// A wait document that leaves the queue into a continuation that enqueues again is a loop within
    /// one event; it must stop (it once recursed until the stack overflowed).
    @Test func aLeaveLoopStops() throws {
        let flow = try Self.deployed(
            """
            flow loop
              queue q
                wait
                  say "Hold on."
                  leave
              leg caller entry
                step start
                  enqueue q then -> start

            """)
        let transcript = Self.run(flow, "start caller\n")
        #expect(
            Self.lines(after: "start caller", in: transcript) == [
                "  caller   GET /loop/legs/caller/start.xml",
                "  caller   waits in queue 'q'",
                "  caller   hears the queue's wait document: GET /loop/queues/q.wait.xml",
                "  caller   says “Hold on.”",
                "  caller   leaves the queue",
                "  caller   (repeats /loop/legs/caller/start.xml until something happens)",
            ])
    }

    /// Steps that only redirect to each other are not a pause loop: the transcript ends the leg there as
    /// the accident FLOW317 reports, where a loop that pauses is shown waiting.
    @Test func redirectLoopWithNothingThatWaitsIsAnAccidentNotAWait() throws {
        let text = """
            flow helpdesk
              serve at "https://twiml.example.com/helpdesk"
              leg caller entry
                step start
                  say "Welcome."
                  go -> route
                step route
                  go -> check
                step check
                  go -> route

            """
        let built = CheckerTestSupport.build(text)
        #expect(built.result.diagnostics.map(\.code.rawValue) == ["FLOW317"])
        let transcript = Self.run(try #require(built.flows.first), "start caller\n")
        #expect(
            Self.lines(after: "start caller", in: transcript) == [
                "  caller   GET /helpdesk/legs/caller/start.xml",
                "  caller   says “Welcome.”",
                "  caller   is redirected to route.xml",
                "  caller   GET /helpdesk/legs/caller/route.xml",
                "  caller   is redirected to check.xml",
                "  caller   GET /helpdesk/legs/caller/check.xml",
                "  caller   is redirected to route.xml",
                "  caller   (is redirected back to /helpdesk/legs/caller/route.xml with nothing that waits: a loop Twilio documents no outcome for, accident)",
            ])
        #expect(Self.ending(of: transcript) == ["  caller   ended: redirected in a loop that never waits (accident)"])

        let waiting = try Self.deployed(text.replacingOccurrences(of: "      go -> check", with: "      pause 5s\n      go -> check"))
        let loop = Self.run(waiting, "start caller\n")
        #expect(Self.lines(after: "start caller", in: loop).last == "  caller   (repeats /helpdesk/legs/caller/route.xml until something happens)")
        #expect(Self.ending(of: loop) == ["  caller   live: repeating its document"])
    }

    // MARK: - Happy path

    @Test func happyPathAnswersEverythingThenWindsDown() throws {
        let transcript = Self.run(try Self.deployed(Self.dialer()), nil)
        #expect(
            transcript == """
                # flowc simulate: flow 'dialer', happy path
                > (happy path) start caller
                  caller   GET /dialer/legs/caller/start.xml
                  caller   gathers input
                > (happy path) press caller "1"
                  caller   GET /dialer/legs/caller/connect.xml
                  caller   dials +15551230000
                  agent    rings
                > (happy path) answer agent
                  agent    answers
                  agent    GET /dialer/legs/agent.whisper.xml
                  agent    says “Call for you.”
                  caller   is bridged with agent
                > (happy path) hangup agent
                  agent    puts the phone down
                  caller   its dial ends: leg 'agent' left the call
                  caller   GET /dialer/legs/caller/after.xml
                  caller   says “Bye.”
                  caller   hangs up
                = end
                  caller   ended: hung up on purpose
                  agent    ended: the person hung up

                """)
    }

    @Test func happyPathStartsTheEntryLegThenOutboundLegsInOrder() throws {
        let transcript = Self.run(try Self.deployed(Self.meeting), nil)
        let events = transcript.split(separator: "\n").filter { $0.hasPrefix(">") }
        #expect(
            events == [
                "> (happy path) start caller", "> (happy path) start guest", "> (happy path) start host",
                "> (happy path) hangup host",
            ])
    }

    @Test func happyPathWithoutAnEntryLegStartsTheFirstOutboundLeg() throws {
        let flow = try Self.deployed(
            """
            flow calls
              serve at "https://twiml.example.com/calls"
              leg first outbound
                step start
                  say "One."
                  hangup
              leg second outbound
                step start
                  say "Two."
                  hangup

            """)
        let events = Self.run(flow, nil).split(separator: "\n").filter { $0.hasPrefix(">") }
        #expect(events == ["> (happy path) start first", "> (happy path) start second"])
    }

    @Test func happyPathFinishesRecordings() throws {
        let flow = try Self.deployed(
            """
            flow voicemail
              leg caller entry
                step start
                  record then -> done
                step done
                  hangup

            """)
        let events = Self.run(flow, nil).split(separator: "\n").filter { $0.hasPrefix(">") }
        #expect(events == ["> (happy path) start caller", "> (happy path) finish-recording caller"])
    }

    @Test func happyPathStopsAfterItsEventBudget() throws {
        let flow = try Self.deployed(
            """
            flow menu
              leg caller entry
                step start
                  gather num_digits=1 then -> start
                    say "Press a key."
                  hangup

            """)
        let transcript = Self.run(flow, nil)
        let events = transcript.split(separator: "\n").filter { $0.hasPrefix("> (happy path) ") }
        #expect(events.count == 64)
        #expect(events.dropFirst().allSatisfy { $0 == "> (happy path) press caller \"1\"" })
        #expect(transcript.hasSuffix("  --       the happy path stops after 64 events\n= end\n  caller   live: gathering input in /menu/legs/caller/start.xml\n"))
    }

    // MARK: - Format

    @Test func theNameColumnFitsTheLongestLegName() throws {
        let transcript = Self.run(
            try Self.deployed(
                """
                flow desk
                  serve at "https://twiml.example.com/desk"
                  leg caller entry
                    step start
                      hangup
                  leg receptionist outbound
                    step start
                      hangup

                """), "start caller\nstart receptionist\nanswer nobody\n")
        #expect(
            transcript == """
                # flowc simulate: flow 'desk', scripted
                > start caller
                  caller       GET /desk/legs/caller/start.xml
                  caller       hangs up
                > start receptionist
                  receptionist GET /desk/legs/receptionist/start.xml
                  receptionist hangs up
                > answer nobody
                  --           ignored: no dial rings leg 'nobody'
                = end
                  caller       ended: hung up on purpose
                  receptionist ended: hung up on purpose

                """)
    }

    @Test func theSameRunGivesTheSameTranscript() throws {
        let flow = try Self.supportLine()
        let scenario = "start caller\nstart agent\napply hold-caller\napply reconnect-agent\nhangup agent\n"
        #expect(Self.run(flow, scenario) == Self.run(flow, scenario))
    }
}
