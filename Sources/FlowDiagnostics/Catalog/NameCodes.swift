extension DiagnosticCode {
    public static let duplicateName = DiagnosticCode("FLOW201", "duplicate-name", .error)
    public static let duplicateSetting = DiagnosticCode("FLOW202", "duplicate-setting", .error)
    public static let undefinedReference = DiagnosticCode("FLOW203", "undefined-reference", .error)
    public static let durationWithoutUnit = DiagnosticCode("FLOW204", "duration-without-unit", .error)
    public static let unknownOption = DiagnosticCode("FLOW205", "unknown-option", .error)
    public static let wrongValueType = DiagnosticCode("FLOW206", "wrong-value-type", .error)
    public static let valueOutOfRange = DiagnosticCode("FLOW207", "value-out-of-range", .error)
    public static let duplicateOption = DiagnosticCode("FLOW208", "duplicate-option", .error)
    public static let verbNotAllowedHere = DiagnosticCode("FLOW209", "verb-not-allowed-here", .error)
    public static let stepRunsOffEnd = DiagnosticCode("FLOW210", "step-runs-off-end", .error)
    public static let unreachableVerb = DiagnosticCode("FLOW211", "unreachable-verb", .error)
    public static let leaveOutsideWait = DiagnosticCode("FLOW212", "leave-outside-wait", .error)
    public static let rejectNotFirst = DiagnosticCode("FLOW213", "reject-not-first", .error)
    public static let dialOfUndialedLeg = DiagnosticCode("FLOW214", "dial-of-undialed-leg", .error)
    public static let legDialedTwice = DiagnosticCode("FLOW215", "leg-dialed-twice", .error)
    public static let severalEntryLegs = DiagnosticCode("FLOW216", "several-entry-legs", .error)
    public static let legWithoutSteps = DiagnosticCode("FLOW217", "leg-without-steps", .error)
    public static let roomOperationMismatch = DiagnosticCode("FLOW218", "room-operation-mismatch", .error)
    public static let operationTargetMismatch = DiagnosticCode("FLOW219", "operation-target-mismatch", .error)
    public static let invalidBaseURL = DiagnosticCode("FLOW220", "invalid-base-url", .error)
    public static let missingBaseURL = DiagnosticCode("FLOW221", "missing-base-url", .error)
    public static let invalidAudioURL = DiagnosticCode("FLOW222", "invalid-audio-url", .error)
    public static let roomNotShared = DiagnosticCode("FLOW223", "room-not-shared", .warning)
    public static let unusedDeclaration = DiagnosticCode("FLOW224", "unused-declaration", .warning)
    public static let documentNotAllowedHere = DiagnosticCode("FLOW225", "document-not-allowed-here", .error)
}

extension DiagnosticCatalog {
    /// FLOW2xx: names and meaning, reported by the resolver. Grammar.md is the language reference the
    /// explanations cite; Docs/Twilio.md holds the Twilio facts behind the rules.
    static let nameCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .duplicateName,
            title: "a name is declared twice",
            explanation: """
                Flow names are unique across all the files of one compilation, because each flow becomes a \
                folder of the output; within a flow each kind of name (audio, queue, room, leg, step of a leg, \
                document of a queue, room or leg, operation kind and leg) has its own namespace (Grammar.md §2, \
                §9). The first declaration is kept; the note points at it.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                    step start
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      go -> goodbye
                    step goodbye
                      hangup
                """)),
        DiagnosticCodeEntry(
            .duplicateSetting,
            title: "a setting appears twice in one flow",
            explanation: "`serve at`, `voice` and `language` appear at most once per flow (Grammar.md §3).",
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  voice "Polly.Joanna"
                  voice "Polly.Matthew"
                  leg caller entry
                    step start
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  voice "Polly.Joanna"
                  leg caller entry
                    step start
                      hangup
                """)),
        DiagnosticCodeEntry(
            .undefinedReference,
            title: "a name refers to nothing declared",
            explanation: """
                Every step, leg, audio asset, queue and room named in a flow must be declared in that flow. A bare \
                step name refers to a step of the same leg (Grammar.md §8, §9); `leg.step` to a step of another \
                leg. When a declared name is close, flowc suggests it.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                      pause 60s
                      go -> strat
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                      pause 60s
                      go -> start
                """)),
        DiagnosticCodeEntry(
            .durationWithoutUnit,
            title: "a duration is written without its unit",
            explanation: """
                Durations carry a unit, `s`, `m` or `h`, with no space (Grammar.md §1), so that `timeout=5` cannot \
                be read as minutes by one reader and seconds by another. The fix-it adds `s`.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      pause 5
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      pause 5s
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unknownOption,
            title: "an option the construct does not take",
            explanation: """
                Each verb, queue and room takes the options listed in Grammar.md §10 and no other; a misspelt \
                option would otherwise be silently ignored.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      gather timout=5s then -> start
                        say "Press a key."
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      gather timeout=5s then -> start
                        say "Press a key."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .wrongValueType,
            title: "a value of the wrong type",
            explanation: """
                Options and positional arguments have a type (flag, integer, duration, string, or a word of a set; \
                Grammar.md §5, §10). A string where a word is expected, or an integer where a string is, is an \
                error rather than a guess.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hello." loop="2"
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hello." loop=2
                      hangup
                """)),
        DiagnosticCodeEntry(
            .valueOutOfRange,
            title: "a value outside what Twilio accepts",
            explanation: """
                Ranges and word sets follow what Twilio accepts (Docs/Twilio.md#verbs, Docs/Twilio.md#limits): for example `dial \
                timeout` 5–600 s, `max_participants` ≤ 250, a queue name of 1–64 characters, a participant label of \
                at most 128 characters without `/`. Grammar.md §10 lists them.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" timeout=2s then -> after
                    step after
                      hangup
                  leg agent dialed
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" timeout=20s then -> after
                    step after
                      hangup
                  leg agent dialed
                """)),
        DiagnosticCodeEntry(
            .duplicateOption,
            title: "an option given twice on one line",
            explanation: "An option may appear once per line (Grammar.md §5): which of two values wins would be a guess.",
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi." loop=2 loop=3
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi." loop=3
                      hangup
                """)),
        DiagnosticCodeEntry(
            .verbNotAllowedHere,
            title: "a verb not allowed in this context",
            explanation: """
                Twilio runs wait, hold and whisper documents in restricted contexts and rejects other verbs there \
                (Docs/Twilio.md#restricted-contexts): a queue's `wait` may hold `say`, `play`, `pause`, `hangup` and \
                `leave`; a queue's `whisper` and a room's `wait` and `hold`, `say`, `play` and `pause`; a dialed \
                leg's `whisper`, `say`, `play` and `hangup`. A `gather` nests only `say`, `play` and `pause`. A \
                document has no steps, so `go` and `gather` (whose continuation names a step) are not allowed \
                in one (Grammar.md §6, §7).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  room desk shared
                    hold
                      play music
                      dial queue support
                  leg caller entry
                    step start
                      join desk then hangup
                  operation hold caller in desk
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  room desk shared
                    hold
                      play music
                  leg caller entry
                    step start
                      join desk then hangup
                  operation hold caller in desk
                """)),
        DiagnosticCodeEntry(
            .stepRunsOffEnd,
            title: "a step can run off its end",
            explanation: """
                Twilio hangs up a leg whose document has no verb left (Docs/Twilio.md#end-of-document), and a silent \
                ending is never what that meant. Every step ends on purpose: its last verb is `go`, `hangup` or \
                `reject`, or carries a `then` continuation (Grammar.md §8). A `gather` does not end a step: with no \
                input, the leg goes on with the next verb.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Goodbye."
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Goodbye."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unreachableVerb,
            title: "a verb after the step has handed control away",
            explanation: """
                After `go`, `hangup`, `reject`, `leave` or a `then` continuation (other than gather's), Twilio never \
                runs the verbs that follow (Docs/Twilio.md#fetch-and-run, Docs/Twilio.md#action-continuations); Grammar.md §8 makes them an error.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                      say "Goodbye."
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Goodbye."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .leaveOutsideWait,
            title: "'leave' outside a queue's wait document",
            explanation: """
                `<Leave>` takes a caller out of the queue it waits in; it is only meaningful in an Enqueue wait \
                document (Docs/Twilio.md#verbs, Docs/Twilio.md#leave; Grammar.md §8).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue sales
                    wait
                      play music
                  leg caller entry
                    step start
                      enqueue sales then -> done
                      leave
                    step done
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue sales
                    wait
                      play music
                      leave
                  leg caller entry
                    step start
                      enqueue sales then -> done
                    step done
                      hangup
                """)),
        DiagnosticCodeEntry(
            .rejectNotFirst,
            title: "'reject' where the call is already answered",
            explanation: """
                `<Reject>` refuses a call only before Twilio answers it, as the first verb of the document the \
                phone number calls (Docs/Twilio.md#verbs): the first verb of the entry leg's first step \
                (Grammar.md §8).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Closed."
                      reject
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      reject busy
                """)),
        DiagnosticCodeEntry(
            .dialOfUndialedLeg,
            title: "'dial' of a leg not declared 'dialed'",
            explanation: """
                A `dial` creates the leg it names (the child leg of Docs/Twilio.md#dial-bridge), so that leg must be \
                declared `dialed`; an entry or outbound leg exists already (Grammar.md §7).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> after
                    step after
                      hangup
                  leg agent outbound
                    step start
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> after
                    step after
                      hangup
                  leg agent dialed
                """)),
        DiagnosticCodeEntry(
            .legDialedTwice,
            title: "a dialed leg dialed from two places",
            explanation: """
                A dialed leg stands for the one call a `dial` creates, with its own parent leg (\
                Docs/Twilio.md#dial-bridge); the checker reasons about what happens to that parent. Two `dial`s of one leg would give it \
                two parents: declare one dialed leg per `dial` (Grammar.md §7).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> again
                    step again
                      dial agent "+15551230000" then -> after
                    step after
                      hangup
                  leg agent dialed
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> again
                    step again
                      dial backup_agent "+15551230001" then -> after
                    step after
                      hangup
                  leg agent dialed
                  leg backup_agent dialed
                """)),
        DiagnosticCodeEntry(
            .severalEntryLegs,
            title: "more than one entry leg",
            explanation: """
                A phone number calls one URL, the first step of the entry leg, so a flow has at most one \
                (Grammar.md §7). Legs the application starts through the REST API are `outbound`.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                  leg agent entry
                    step start
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                  leg agent outbound
                    step start
                      hangup
                """)),
        DiagnosticCodeEntry(
            .legWithoutSteps,
            title: "an entry or outbound leg without steps",
            explanation: """
                An entry or outbound leg starts at its first step: the URL set on the number or passed to Calls \
                create (Grammar.md §7). Without one there is nothing to start.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                  leg supervisor outbound
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                  leg supervisor outbound
                    step start
                      hangup
                """)),
        DiagnosticCodeEntry(
            .roomOperationMismatch,
            title: "a room operation that cannot work",
            explanation: """
                `hold LEG in ROOM` and `unhold LEG in ROOM` update the leg's conference participant \
                (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#participant-update): the leg must join that room, and the room needs a `hold` document \
                for the held leg to hear. `reconnect` and `move` move a leg to a step, so they take `-> STEP`, not \
                `in ROOM` (Grammar.md §9).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  room desk shared
                  leg caller entry
                    step start
                      join desk then hangup
                  operation hold caller in desk
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  room desk shared
                    hold music
                  leg caller entry
                    step start
                      join desk then hangup
                  operation hold caller in desk
                """)),
        DiagnosticCodeEntry(
            .operationTargetMismatch,
            title: "a hold or reconnect target step that does not do its part",
            explanation: """
                The queue strategy (Docs/Twilio.md#hold-techniques) holds a leg by moving it to a step that enqueues it, \
                and reconnects by moving the other leg to a step that dials the queue where the held leg waits \
                (Grammar.md §9). A target that does neither would leave the legs apart.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
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
                      enqueue parked then -> gone
                    step gone
                      say "Goodbye."
                      hangup
                  operation hold customer -> gone during agent.start
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
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
                      enqueue parked then -> gone
                    step gone
                      say "Goodbye."
                      hangup
                  operation hold customer -> held during agent.start
                """)),
        DiagnosticCodeEntry(
            .invalidBaseURL,
            title: "'serve at' is not an absolute http(s) URL with a real host",
            explanation: """
                `serve at` is where the phone number, REST requests and the manifest point, and Twilio needs \
                those URLs absolute, `http(s)`, with a host name without `_` (Docs/Twilio.md#limits, Docs/Twilio.md#urls-and-methods). \
                Relative paths are resolved against it, so it carries no query or fragment (Grammar.md §3).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml_host/support"
                  leg caller entry
                    step start
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                """)),
        DiagnosticCodeEntry(
            .missingBaseURL,
            title: "a flow with operations or outbound legs but no 'serve at'",
            explanation: """
                Operations and outbound legs start TwiML through REST requests, whose `Url` must be absolute \
                (Docs/Twilio.md#call-update, Docs/Twilio.md#urls-and-methods); flowc builds it from `serve at` (Grammar.md §3).
                """,
            wrong: .flow("""
                flow support
                  leg agent outbound
                    step start
                      say "Hello."
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg agent outbound
                    step start
                      say "Hello."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .invalidAudioURL,
            title: "an audio URL that is not absolute http(s)",
            explanation: """
                Audio assets and `play "URL"` live outside the generated documents, so their URLs are absolute \
                `http(s)` with a real host (Docs/Twilio.md#limits; Grammar.md §4). Only `play "" digits=…` may \
                leave the URL empty.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "hold.mp3"
                  leg caller entry
                    step start
                      play music
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  leg caller entry
                    step start
                      play music
                      hangup
                """)),
        DiagnosticCodeEntry(
            .roomNotShared,
            title: "a room every call would share without saying so",
            explanation: """
                Static TwiML gives every call the same conference name (Docs/Twilio.md#request-parameters), so every \
                call would meet in one room. Mark the room `shared` when that is the intent; otherwise the \
                application must create one room per call, as the route manifest describes (Grammar.md §6).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  room desk
                  leg caller entry
                    step start
                      join desk then hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  room desk shared
                  leg caller entry
                    step start
                      join desk then hangup
                """)),
        DiagnosticCodeEntry(
            .unusedDeclaration,
            title: "an audio asset, queue, room or dialed leg that nothing uses",
            explanation: """
                A declaration that no verb, document or operation refers to is usually a leftover or a \
                misspelling of a name used elsewhere (Grammar.md §4, §6, §7).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/a.mp3"
                  audio musik = "https://cdn.example.com/b.mp3"
                  leg caller entry
                    step start
                      play music
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/a.mp3"
                  leg caller entry
                    step start
                      play music
                      hangup
                """)),
        DiagnosticCodeEntry(
            .documentNotAllowedHere,
            title: "a document kind its owner cannot have",
            explanation: """
                Queues have `wait` and `whisper` documents, rooms `wait` and `hold`, dialed legs `whisper`; other \
                legs have none (Grammar.md §6, §7). Each maps to one Twilio URL (Docs/Twilio.md#restricted-contexts).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue help
                    hold music
                  leg caller entry
                    step start
                      enqueue help then hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  audio music = "https://cdn.example.com/hold.mp3"
                  queue help
                    wait music
                  leg caller entry
                    step start
                      enqueue help then hangup
                """)),
    ]
}
