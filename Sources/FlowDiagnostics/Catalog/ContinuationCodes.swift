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
}

extension DiagnosticCatalog {
    /// FLOW3xx: the continuation checker. Every rule runs on the generated documents and the route manifest,
    /// and cites the section of twiml-semantics.md its Twilio fact comes from.
    static let continuationCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .operationHangsUpLeg,
            title: "an operation leaves another leg without TwiML",
            explanation: """
                When an operation moves a leg with a REST call update, Twilio ends whatever that leg was doing. \
                The leg it was bridged with goes on with its own continuation: a <Dial> that created the moved \
                leg ends and runs its action or its next verb (twiml-semantics.md §1.6), an agent's \
                <Dial><Queue> ends when the queued caller is moved, and a queued caller leaves its <Enqueue> when \
                the agent is moved (§1.7). If that continuation reaches the end of a document, Twilio hangs the \
                other leg up (§1.2, §8.4 rules 26 and 30). After a hold, the other leg must also wait for the \
                held leg to come back rather than hang up at once. The diagnostic points at the verb whose \
                continuation is missing and lists the path, step by step.
                """,
            wrong: """
                leg agent outbound
                  step start
                    dial customer "+15557654321" then hangup
                leg customer dialed
                  step held
                    enqueue parked then -> gone
                operation hold customer -> held
                """,
            right: """
                leg agent outbound
                  step start
                    dial customer "+15557654321" then -> waiting
                  step waiting
                    say "The customer is on hold."
                    pause 30s
                    go -> waiting
                """),
        DiagnosticCodeEntry(
            .documentFallOff,
            title: "a leg can run off the end of a document",
            explanation: """
                When Twilio reaches </Response> of an ordinary document with no verb left, it hangs the leg up \
                (twiml-semantics.md §1.2, §8.4 rule 25). flowc requires every path of every leg to end on \
                purpose: with <Hangup>, <Reject>, or a wait. The language already requires each step to end on \
                purpose (FLOW210), so this finding in a generated document means a continuation that Twilio \
                can take and the step does not cover, such as the verb after a <Record>.
                """,
            wrong: """
                step start
                  dial agent "+15551230000"
                """,
            right: """
                step start
                  dial agent "+15551230000" then hangup
                """),
        DiagnosticCodeEntry(
            .parentMoveDisconnectsChild,
            title: "moving a leg disconnects the leg it dialed",
            explanation: """
                A REST update of the leg that runs a <Dial> (the parent) hangs up the leg the dial created (the \
                child): the child has no TwiML of its own to go on with (twiml-semantics.md §1.6, §8.4 rule 28). \
                Move the child instead (the parent then goes on with its dial's continuation), restrict the \
                operation with `during` to steps where the leg is not bridged, or hold through a conference.
                """,
            wrong: """
                leg caller entry
                  step start
                    dial agent "+15551230000" then -> after
                operation move caller -> music
                """,
            right: """
                leg caller entry
                  step start
                    dial agent "+15551230000" then -> after
                operation hold agent -> parked
                """),
        DiagnosticCodeEntry(
            .operationMisplaced,
            title: "an operation targets a leg where it cannot be",
            explanation: """
                A participant hold acts on a leg that is in the conference; a call update acts on a leg that is \
                live. If the leg never joins the room, or is never live during the steps the operation names, \
                the REST request fails or acts on the wrong call (twiml-semantics.md §1.5, §4.2, §8.4 rule 43).
                """,
            wrong: """
                room desk shared
                  hold music
                operation hold caller in desk
                """,
            right: """
                leg caller entry
                  step start
                    join desk then hangup
                operation hold caller in desk
                """),
        DiagnosticCodeEntry(
            .actionMissingSelfLoop,
            title: "a gather or record without an action repeats its document",
            explanation: """
                Without an action, <Gather> and <Record> post to the URL of the current document, which on \
                static files runs the same document again, forever (twiml-semantics.md §1.4, §8.4 rule 38). \
                flowc always writes an action; this finding means a generated document lost it.
                """,
            wrong: "<Gather numDigits=\"1\"/>",
            right: "<Gather action=\"next.xml\" method=\"GET\" numDigits=\"1\"/>"),
        DiagnosticCodeEntry(
            .holdDocumentEnds,
            title: "a hold document can reach its end",
            explanation: """
                What Twilio does when a participant's hold document runs out of verbs is not documented, so a \
                hold document must loop explicitly with <Redirect> to itself (twiml-semantics.md §3.1, §8.3 \
                rule 20). flowc adds that loop to every room's hold document.
                """,
            wrong: "<Response><Play>music.mp3</Play></Response>",
            right: "<Response><Play>music.mp3</Play><Redirect method=\"GET\">desk.hold.xml</Redirect></Response>"),
        DiagnosticCodeEntry(
            .unreachableStep,
            title: "a step is never reached",
            explanation: """
                No path of its leg and no operation leads to the step: it is dead code, or a continuation or an \
                operation is missing.
                """,
            wrong: """
                leg caller entry
                  step start
                    hangup
                  step orphan
                    hangup
                """,
            right: """
                leg caller entry
                  step start
                    go -> next
                  step next
                    hangup
                """),
        DiagnosticCodeEntry(
            .unreachableTwiMLVerb,
            title: "verbs after a transfer of control never run",
            explanation: """
                Verbs after <Redirect>, <Hangup>, <Reject>, <Leave>, or a <Dial> or <Enqueue> with an action \
                are never executed (twiml-semantics.md §1.1, §8.4 rule 27). The language rejects them (FLOW211); \
                this finding means a generated document has them.
                """,
            wrong: "<Response><Hangup/><Say>Goodbye</Say></Response>",
            right: "<Response><Say>Goodbye</Say><Hangup/></Response>"),
        DiagnosticCodeEntry(
            .conferenceCannotStart,
            title: "no participant can start a conference",
            explanation: """
                A conference starts only when a participant with startConferenceOnEnter joins; until then every \
                participant hears the wait document (twiml-semantics.md §2.2 Conference, §8.4 rule 37). If every \
                join sets start_on_enter=false, everybody waits forever.
                """,
            wrong: "join desk start_on_enter=false then hangup",
            right: "join desk start_on_enter then hangup"),
        DiagnosticCodeEntry(
            .participantLabelClash,
            title: "participant labels may clash",
            explanation: """
                Participant labels are unique per conference; a leg that joins with a label already in use \
                does not join and falls to the next verb (error 16025; twiml-semantics.md §1.8, §8.1 rule 10, \
                §8.4 rule 36). Static TwiML gives every call of a leg the same room and the same label, so two \
                calls at once clash.
                """,
            wrong: "join desk label=\"caller\" then hangup",
            right: "join desk then hangup"),
        DiagnosticCodeEntry(
            .queueNeverFilled,
            title: "a queue is dialed but no leg is ever enqueued in it",
            explanation: """
                Dialing an empty queue waits until the dial's timeout (twiml-semantics.md §1.7, §8.4 rule 34). \
                A reconnect that dials such a queue can never bring a held leg back, so that case is an error.
                """,
            wrong: """
                step pickup
                  dial queue parked then hangup
                """,
            right: """
                step held
                  enqueue parked then -> gone
                step pickup
                  dial queue parked then hangup
                """),
        DiagnosticCodeEntry(
            .unresolvedURL,
            title: "a URL names no generated document",
            explanation: """
                Every action, Redirect, waitUrl, url and hold URL must name a document of the build: a failed \
                fetch ends the call with an application error (twiml-semantics.md §8.2 rule 12).
                """,
            wrong: "<Redirect method=\"GET\">missing.xml</Redirect>",
            right: "<Redirect method=\"GET\">start.xml</Redirect>"),
        DiagnosticCodeEntry(
            .documentContextMismatch,
            title: "a document is used in a context it was not generated for",
            explanation: """
                Wait, hold and whisper documents may hold only some verbs (twiml-semantics.md §3.1). A document \
                has exactly one context, so one referenced from two contexts must satisfy both (§8.3 rule 24).
                """,
            wrong: "<Enqueue waitUrl=\"start.xml\">support</Enqueue>",
            right: "<Enqueue waitUrl=\"../../queues/support.wait.xml\">support</Enqueue>"),
        DiagnosticCodeEntry(
            .holdWithEndOnExit,
            title: "a held participant ends the conference when it leaves",
            explanation: """
                A participant that joined with end_on_exit ends the conference for everyone when it hangs up, \
                also while it is on hold, and Twilio ignores changes to EndConferenceOnExit while it is held \
                (twiml-semantics.md §1.8, §4.2, §8.4 rule 41; landscape B.4).
                """,
            wrong: """
                join desk end_on_exit then -> goodbye
                operation hold caller in desk
                """,
            right: """
                join desk then -> goodbye
                operation hold caller in desk
                """),
        DiagnosticCodeEntry(
            .documentFetchedWithPOST,
            title: "a generated document is fetched with POST",
            explanation: """
                Twilio fetches action, Redirect, wait and whisper URLs with POST unless the verb says GET \
                (twiml-semantics.md §2.2). Static hosts (S3 website endpoints, CloudFront by default) refuse \
                POST, and Twilio caches only GET responses (§5), so every URL that names a generated \
                document needs an explicit GET (§8.2 rule 15). flowc always writes it; this finding means a \
                generated document lost it.
                """,
            wrong: "<Redirect>next.xml</Redirect>",
            right: "<Redirect method=\"GET\">next.xml</Redirect>"),
        DiagnosticCodeEntry(
            .twimlLeaveOutsideWait,
            title: "<Leave> outside an Enqueue wait document",
            explanation: """
                <Leave> takes the waiting caller out of its queue, so it means something only in the wait \
                document of an <Enqueue> (twiml-semantics.md §2.2 Leave, §8.3 rule 23). The language allows \
                `leave` only in a queue's `wait` document (FLOW212); this finding means a generated document \
                has one elsewhere.
                """,
            wrong: "<Response><Say>Bye</Say><Leave/></Response>",
            right: "<Response><Play>music.mp3</Play><Leave/></Response>  (as a queue's wait document)"),
    ]
}
