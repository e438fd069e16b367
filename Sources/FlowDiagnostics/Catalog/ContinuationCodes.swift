extension DiagnosticCode {
    public static let operationHangsUpLeg = DiagnosticCode("FLOW301", "operation-hangs-up-leg", .error)
    public static let documentFallOff = DiagnosticCode("FLOW302", "document-fall-off", .error)
    public static let parentMoveDisconnectsChild = DiagnosticCode("FLOW303", "parent-move-disconnects-child", .error)
    public static let operationMisplaced = DiagnosticCode("FLOW304", "operation-misplaced", .error)
    public static let actionMissingSelfLoop = DiagnosticCode("FLOW305", "action-missing-self-loop", .error)
    public static let holdDocumentEnds = DiagnosticCode("FLOW306", "hold-document-ends", .error)
    public static let unreachableStep = DiagnosticCode("FLOW307", "unreachable-step", .warning)
    public static let unreachableTwiMLVerb = DiagnosticCode("FLOW308", "unreachable-twiml-verb", .warning)
    public static let conferenceCannotStart = DiagnosticCode("FLOW309", "conference-cannot-start", .error)
    public static let participantLabelClash = DiagnosticCode("FLOW310", "participant-label-clash", .error)
    public static let queueNeverFilled = DiagnosticCode("FLOW311", "queue-never-filled", .warning)
    public static let unresolvedURL = DiagnosticCode("FLOW312", "unresolved-url", .error)
    public static let documentContextMismatch = DiagnosticCode("FLOW313", "document-context-mismatch", .error)
    public static let holdWithEndOnExit = DiagnosticCode("FLOW314", "hold-with-end-on-exit", .warning)
    public static let documentFetchedWithPOST = DiagnosticCode("FLOW315", "document-fetched-with-post", .error)
    public static let twimlLeaveOutsideWait = DiagnosticCode("FLOW316", "twiml-leave-outside-wait", .error)
    public static let redirectCycle = DiagnosticCode("FLOW317", "redirect-cycle", .error)
}

extension DiagnosticCatalog {
    /// FLOW3xx: the continuation checker. Every rule runs on the generated documents and the route manifest,
    /// and cites the anchor of Docs/Twilio.md its Twilio fact comes from.
    static let continuationCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .operationHangsUpLeg,
            title: "an operation leaves another leg without TwiML",
            explanation: """
                When an operation moves a leg with a REST call update, Twilio ends whatever that leg was doing. \
                The leg it was bridged with goes on with its own continuation: a <Dial> that created the moved \
                leg ends and runs its action or its next verb (Docs/Twilio.md#dial-bridge), an agent's \
                <Dial><Queue> ends when the queued caller is moved, and a queued caller leaves its <Enqueue> when \
                the agent is moved (Docs/Twilio.md#conference-and-queue-legs). If that continuation reaches the end of a document, Twilio hangs the \
                other leg up (Docs/Twilio.md#end-of-document, Docs/Twilio.md#dial-bridge). After a hold, the other leg must also reach a wait \
                that lasts until the held leg comes back (a queue, a conference, or a loop with no way out): a \
                bounded wait that then hangs up, such as a survey that times out or a dial that ends in a \
                goodbye, drops the leg the held one is meant to return to. The diagnostic points at the verb whose \
                continuation is missing and lists the path, step by step.
                """,
            wrong: .flow("""
                flow billing
                  serve at "https://twiml.example.com/billing"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue parked
                    wait music
                  leg caller entry
                    step start
                      say "Connecting you to billing."
                      dial agent "+15551230000" timeout=30s then -> goodbye
                    step goodbye
                      say "Thank you for calling billing. Goodbye."
                      hangup
                  leg agent dialed
                    step parked_agent
                      enqueue parked then hangup
                  operation hold agent -> parked_agent
                """),
            right: .flow("""
                flow billing
                  serve at "https://twiml.example.com/billing"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue parked
                    wait music
                  leg caller entry
                    step start
                      say "Connecting you to billing."
                      dial agent "+15551230000" timeout=30s then -> waiting
                    step waiting
                      say "Your agent will be right back."
                      play music
                      go -> waiting
                    step pickup
                      dial queue parked then -> goodbye
                    step goodbye
                      say "Thank you for calling billing. Goodbye."
                      hangup
                  leg agent dialed
                    step parked_agent
                      enqueue parked then hangup
                  operation hold agent -> parked_agent during caller.start
                  operation reconnect caller -> pickup during waiting
                """)),
        DiagnosticCodeEntry(
            .documentFallOff,
            title: "a leg can run off the end of a document",
            explanation: """
                When Twilio reaches </Response> of an ordinary document with no verb left, it hangs the leg up \
                (Docs/Twilio.md#end-of-document). flowc requires every path of every leg to end on \
                purpose: with <Hangup>, <Reject>, or a wait. The language already requires each step to end on \
                purpose (FLOW210), so this finding in a generated document means a continuation that Twilio \
                can take and the step does not cover, such as the verb after a <Record>.
                """,
            wrong: .twiml("<Response><Dial><Number>+15551230000</Number></Dial></Response>"),
            right: .twiml("<Response><Dial><Number>+15551230000</Number></Dial><Hangup/></Response>"),
            internal: true),
        DiagnosticCodeEntry(
            .parentMoveDisconnectsChild,
            title: "moving a leg disconnects the leg it dialed",
            explanation: """
                A REST update of the leg that runs a <Dial> (the parent) hangs up the leg the dial created (the \
                child): the child has no TwiML of its own to go on with (Docs/Twilio.md#dial-bridge). \
                Move the child instead (the parent then goes on with its dial's continuation), restrict the \
                operation with `during` to steps where the leg is not bridged, or hold through a conference.
                """,
            wrong: .flow("""
                flow advice_line
                  serve at "https://twiml.example.com/advice_line"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue parked
                    wait music
                  leg caller entry
                    step start
                      say "Connecting you to an adviser."
                      dial adviser "+15551230000" then -> after
                    step held
                      enqueue parked then -> after
                    step after
                      say "Thank you for calling. Goodbye."
                      hangup
                  leg adviser dialed
                    whisper
                      say "Advice line call."
                  operation hold caller -> held during start
                """),
            right: .flow("""
                flow advice_line
                  serve at "https://twiml.example.com/advice_line"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue parked
                    wait music
                  leg caller entry
                    step start
                      say "Connecting you to an adviser."
                      dial adviser "+15551230000" then -> waiting
                    step waiting
                      play music
                      go -> waiting
                  leg adviser dialed
                    whisper
                      say "Advice line call."
                    step held
                      enqueue parked then hangup
                  operation hold adviser -> held during caller.start
                """)),
        DiagnosticCodeEntry(
            .operationMisplaced,
            title: "an operation targets a leg where it cannot be",
            explanation: """
                A participant hold acts on a leg that is in the conference; a call update acts on a leg that is \
                live. If the leg never joins the room, or is never live during the steps the operation names, \
                the REST request fails or acts on the wrong call (Docs/Twilio.md#call-update, Docs/Twilio.md#participant-update).
                """,
            wrong: .flow("""
                flow outreach
                  serve at "https://twiml.example.com/outreach"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue parked
                    wait music
                  leg agent outbound
                    step start
                      dial customer "+15557654321" then -> waiting
                    step waiting
                      say "The customer is on hold."
                      pause 30s
                      go -> waiting
                  leg customer dialed
                    step held
                      enqueue parked then hangup
                  operation hold customer -> held during agent.waiting
                """),
            right: .flow("""
                flow outreach
                  serve at "https://twiml.example.com/outreach"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue parked
                    wait music
                  leg agent outbound
                    step start
                      dial customer "+15557654321" then -> waiting
                    step waiting
                      say "The customer is on hold."
                      pause 30s
                      go -> waiting
                    step pickup
                      dial queue parked then hangup
                  leg customer dialed
                    step held
                      enqueue parked then hangup
                  operation hold customer -> held during agent.start
                  operation reconnect agent -> pickup during waiting
                """)),
        DiagnosticCodeEntry(
            .actionMissingSelfLoop,
            title: "a gather or record without an action repeats its document",
            explanation: """
                Without an action, <Gather> and <Record> post to the URL of the current document, which on \
                static files runs the same document again, forever (Docs/Twilio.md#action-continuations). \
                flowc always writes an action; this finding means a generated document lost it.
                """,
            wrong: .twiml("<Response><Gather numDigits=\"1\"><Say>Press 1.</Say></Gather><Hangup/></Response>"),
            right: .twiml("<Response><Gather action=\"next.xml\" method=\"GET\" numDigits=\"1\"><Say>Press 1.</Say></Gather><Hangup/></Response>"),
            internal: true),
        DiagnosticCodeEntry(
            .holdDocumentEnds,
            title: "a hold document can reach its end",
            explanation: """
                What Twilio does when a participant's hold document runs out of verbs is not documented, so a \
                hold document must loop explicitly with <Redirect> to itself (Docs/Twilio.md#restricted-contexts \
                rule 20). flowc adds that loop to every room's hold document.
                """,
            wrong: .twiml("""
                <!-- rooms/desk.hold.xml, the hold document of room desk -->
                <Response><Play>https://cdn.example.com/music.mp3</Play></Response>
                """),
            right: .twiml("""
                <!-- rooms/desk.hold.xml, the hold document of room desk -->
                <Response><Play>https://cdn.example.com/music.mp3</Play><Redirect method="GET">desk.hold.xml</Redirect></Response>
                """),
            internal: true),
        DiagnosticCodeEntry(
            .unreachableStep,
            title: "a step is never reached",
            explanation: """
                No path of its leg and no operation leads to the step: it is dead code, or a continuation or an \
                operation is missing.
                """,
            wrong: .flow("""
                flow hotline
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Thanks for calling the hotline."
                      go -> menu
                    step menu
                      gather num_digits=1 then -> bye
                        say "Press any key to end the call."
                      go -> bye
                    step after_hours
                      say "We are closed."
                      hangup
                    step bye
                      say "Goodbye."
                      hangup
                """),
            right: .flow("""
                flow hotline
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Thanks for calling the hotline."
                      go -> menu
                    step menu
                      gather num_digits=1 then -> after_hours
                        say "Press any key to hear our opening hours."
                      go -> bye
                    step after_hours
                      say "We are open from nine to five."
                      go -> bye
                    step bye
                      say "Goodbye."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unreachableTwiMLVerb,
            title: "verbs after a transfer of control never run",
            explanation: """
                Verbs after <Redirect>, <Hangup>, <Reject>, <Leave>, or a <Dial> or <Enqueue> with an action \
                are never executed (Docs/Twilio.md#fetch-and-run). The language rejects them (FLOW211); \
                this finding means a generated document has them.
                """,
            wrong: .twiml("<Response><Hangup/><Say>Goodbye</Say></Response>"),
            right: .twiml("<Response><Say>Goodbye</Say><Hangup/></Response>"),
            internal: true),
        DiagnosticCodeEntry(
            .conferenceCannotStart,
            title: "no participant can start a conference",
            explanation: """
                A conference starts only when a participant with startConferenceOnEnter joins; until then every \
                participant hears the wait document (Docs/Twilio.md#conference). If every \
                join sets start_on_enter=false, everybody waits forever.
                """,
            wrong: .flow("""
                flow standup
                  serve at "https://twiml.example.com/standup"
                  audio music = "https://cdn.example.com/wait.mp3"
                  room daily shared
                    wait music
                  leg caller entry
                    step start
                      join daily start_on_enter=false then hangup
                  leg host outbound
                    step start
                      join daily start_on_enter=false end_on_exit then hangup
                """),
            right: .flow("""
                flow standup
                  serve at "https://twiml.example.com/standup"
                  audio music = "https://cdn.example.com/wait.mp3"
                  room daily shared
                    wait music
                  leg caller entry
                    step start
                      join daily start_on_enter=false then hangup
                  leg host outbound
                    step start
                      join daily start_on_enter end_on_exit then hangup
                """)),
        DiagnosticCodeEntry(
            .participantLabelClash,
            title: "participant labels may clash",
            explanation: """
                Participant labels are unique per conference; a leg that joins with a label already in use \
                does not join and falls to the next verb (error 16025; Docs/Twilio.md#hold-techniques, Docs/Twilio.md#limits, \
                Docs/Twilio.md#conference-and-queue-legs). Static TwiML gives every call of a leg the same room and the same label, so two \
                calls at once clash.
                """,
            wrong: .flow("""
                flow coaching
                  serve at "https://twiml.example.com/coaching"
                  room desk shared
                  leg agent outbound
                    step start
                      join desk start_on_enter label="staff" then hangup
                  leg supervisor outbound
                    step start
                      join desk muted label="staff" then hangup
                """),
            right: .flow("""
                flow coaching
                  serve at "https://twiml.example.com/coaching"
                  room desk shared
                  leg caller entry
                    step start
                      join desk then hangup
                  leg agent outbound
                    step start
                      join desk start_on_enter label="agent" then hangup
                  leg supervisor outbound
                    step start
                      join desk muted label="supervisor" then hangup
                """)),
        DiagnosticCodeEntry(
            .queueNeverFilled,
            title: "a queue is dialed but no leg is ever enqueued in it",
            explanation: """
                Dialing an empty queue waits until the dial's timeout (Docs/Twilio.md#conference-and-queue-legs, Docs/Twilio.md#queue). \
                A reconnect that dials such a queue can never bring a held leg back, so that case is an error.
                """,
            wrong: .flow("""
                flow parking
                  serve at "https://twiml.example.com/parking"
                  queue support
                  queue parked
                  leg caller entry
                    step start
                      enqueue support then -> bye
                    step bye
                      say "Goodbye."
                      hangup
                  leg agent outbound
                    step start
                      dial queue support then -> idle
                    step idle
                      pause 20s
                      go -> idle
                    step pickup
                      dial queue parked then hangup
                  operation reconnect agent -> pickup during idle
                """),
            right: .flow("""
                flow parking
                  serve at "https://twiml.example.com/parking"
                  queue support
                  queue parked
                  leg caller entry
                    step start
                      enqueue support then -> bye
                    step held
                      enqueue parked then -> bye
                    step bye
                      say "Goodbye."
                      hangup
                  leg agent outbound
                    step start
                      dial queue support then -> idle
                    step idle
                      pause 20s
                      go -> idle
                    step pickup
                      dial queue parked then -> idle
                  operation hold caller -> held during start
                  operation reconnect agent -> pickup during idle
                """)),
        DiagnosticCodeEntry(
            .unresolvedURL,
            title: "a URL names no generated document",
            explanation: """
                Every action, Redirect, waitUrl, url and hold URL must name a document of the build: a failed \
                fetch ends the call with an application error (Docs/Twilio.md#fetch-and-run).
                """,
            wrong: .twiml("""
                <!-- legs/caller/start.xml -->
                <Response><Redirect method="GET">missing.xml</Redirect></Response>
                """),
            right: .twiml("""
                <!-- legs/caller/start.xml -->
                <Response><Redirect method="GET">start.xml</Redirect></Response>
                """),
            internal: true),
        DiagnosticCodeEntry(
            .documentContextMismatch,
            title: "a document is used in a context it was not generated for",
            explanation: """
                Wait, hold and whisper documents may hold only some verbs (Docs/Twilio.md#restricted-contexts). A document \
                has exactly one context, so one referenced from two contexts must satisfy both (Docs/Twilio.md#restricted-contexts).
                """,
            wrong: .twiml("""
                <!-- legs/caller/start.xml, the first step of the entry leg -->
                <Response><Enqueue waitUrl="start.xml" waitUrlMethod="GET">support</Enqueue><Hangup/></Response>
                """),
            right: .twiml("""
                <!-- legs/caller/start.xml, the first step of the entry leg -->
                <Response><Enqueue waitUrl="../../queues/support.wait.xml" waitUrlMethod="GET">support</Enqueue><Hangup/></Response>
                """),
            internal: true),
        DiagnosticCodeEntry(
            .holdWithEndOnExit,
            title: "a held participant ends the conference when it leaves",
            explanation: """
                A participant that joined with end_on_exit ends the conference for everyone when it hangs up, \
                also while it is on hold, and Twilio ignores changes to EndConferenceOnExit while it is held \
                (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#participant-update).
                """,
            wrong: .flow("""
                flow concierge
                  serve at "https://twiml.example.com/concierge"
                  audio music = "https://cdn.example.com/hold.mp3"
                  room desk shared
                    hold music
                  leg caller entry
                    step start
                      join desk start_on_enter end_on_exit then -> goodbye
                    step goodbye
                      say "Goodbye."
                      hangup
                  leg agent outbound
                    step start
                      join desk then hangup
                  operation hold caller in desk
                  operation unhold caller in desk
                """),
            right: .flow("""
                flow concierge
                  serve at "https://twiml.example.com/concierge"
                  audio music = "https://cdn.example.com/hold.mp3"
                  room desk shared
                    hold music
                  leg caller entry
                    step start
                      join desk start_on_enter then -> goodbye
                    step goodbye
                      say "Goodbye."
                      hangup
                  leg agent outbound
                    step start
                      join desk end_on_exit then hangup
                  operation hold caller in desk
                  operation unhold caller in desk
                """)),
        DiagnosticCodeEntry(
            .documentFetchedWithPOST,
            title: "a generated document is fetched with POST",
            explanation: """
                Twilio fetches action, Redirect, wait and whisper URLs with POST unless the verb says GET \
                (Docs/Twilio.md#verbs). Static hosts (S3 website endpoints, CloudFront by default) refuse \
                POST, and Twilio caches only GET responses (Docs/Twilio.md#limits), so every URL that names a generated \
                document needs an explicit GET (Docs/Twilio.md#urls-and-methods). flowc always writes it; this finding means a \
                generated document lost it.
                """,
            wrong: .twiml("""
                <!-- legs/caller/start.xml -->
                <Response><Redirect>start.xml</Redirect></Response>
                """),
            right: .twiml("""
                <!-- legs/caller/start.xml -->
                <Response><Redirect method="GET">start.xml</Redirect></Response>
                """),
            internal: true),
        DiagnosticCodeEntry(
            .twimlLeaveOutsideWait,
            title: "<Leave> outside an Enqueue wait document",
            explanation: """
                <Leave> takes the waiting caller out of its queue, so it means something only in the wait \
                document of an <Enqueue> (Docs/Twilio.md#leave). The language allows \
                `leave` only in a queue's `wait` document (FLOW212); this finding means a generated document \
                has one elsewhere.
                """,
            wrong: .twiml("""
                <!-- legs/caller/start.xml, the first step of the entry leg -->
                <Response><Say>Bye</Say><Leave/></Response>
                """),
            right: .twiml("""
                <!-- queues/support.wait.xml, the wait document of queue support -->
                <Response><Play>https://cdn.example.com/music.mp3</Play><Leave/></Response>
                """),
            internal: true),
        DiagnosticCodeEntry(
            .redirectCycle,
            title: "documents redirect to each other with nothing that waits",
            explanation: """
                A `go -> step` is a <Redirect>: Twilio fetches the step's document and runs it at once. When \
                steps only redirect to each other (`go -> b` in step a, `go -> a` in step b), the leg is handed \
                round the loop with no verb that speaks, plays, waits for input or connects anything. That is \
                not a wait: the caller hears silence while Twilio fetches documents as fast as it can. Twilio's \
                voice documentation says nothing of what happens then (the <Redirect> page only says that it \
                transfers control; the one documented limit on documents, error 14106 with 50 documents, is \
                for Messaging reply sessions: Docs/Twilio.md#redirect-loops), so flowc counts the loop as hanging the leg up by accident. \
                The diagnostic points at the first redirect of the loop a leg reaches and lists the path to \
                it and the loop, one step a note. Give one step of the loop something to wait for (a pause, \
                audio, a gather) or end it.
                """,
            wrong: .flow("""
                flow helpdesk
                  serve at "https://twiml.example.com/helpdesk"
                  leg caller entry
                    step start
                      say "Welcome to the help desk."
                      go -> route
                    step route
                      go -> check
                    step check
                      go -> route
                """),
            right: .flow("""
                flow helpdesk
                  serve at "https://twiml.example.com/helpdesk"
                  leg caller entry
                    step start
                      say "Welcome to the help desk."
                      go -> route
                    step route
                      say "All our agents are busy. Please stay on the line."
                      pause 10s
                      go -> check
                    step check
                      go -> route
                """)),
    ]
}
