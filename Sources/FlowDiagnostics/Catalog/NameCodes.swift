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
    /// explanations cite; twiml-semantics.md (the reference) holds the Twilio facts behind the rules.
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
            wrong: "leg caller entry\n  step start\n    hangup\n  step start\n    hangup",
            right: "leg caller entry\n  step start\n    hangup\n  step goodbye\n    hangup"),
        DiagnosticCodeEntry(
            .duplicateSetting,
            title: "a setting appears twice in one flow",
            explanation: "`serve at`, `voice` and `language` appear at most once per flow (Grammar.md §3).",
            wrong: "voice \"Polly.Joanna\"\nvoice \"Polly.Matthew\"", right: "voice \"Polly.Joanna\""),
        DiagnosticCodeEntry(
            .undefinedReference,
            title: "a name refers to nothing declared",
            explanation: """
                Every step, leg, audio asset, queue and room named in a flow must be declared in that flow. A bare \
                step name refers to a step of the same leg (Grammar.md §8, §9); `leg.step` to a step of another \
                leg. When a declared name is close, flowc suggests it.
                """,
            wrong: "step start\n  say \"Hi.\"\n  go -> strat", right: "step start\n  say \"Hi.\"\n  go -> start"),
        DiagnosticCodeEntry(
            .durationWithoutUnit,
            title: "a duration is written without its unit",
            explanation: """
                Durations carry a unit, `s`, `m` or `h`, with no space (Grammar.md §1), so that `timeout=5` cannot \
                be read as minutes by one reader and seconds by another. The fix-it adds `s`.
                """,
            wrong: "pause 5", right: "pause 5s"),
        DiagnosticCodeEntry(
            .unknownOption,
            title: "an option the construct does not take",
            explanation: """
                Each verb, queue and room takes the options listed in Grammar.md §10 and no other; a misspelt \
                option would otherwise be silently ignored.
                """,
            wrong: "gather timout=5s then -> menu", right: "gather timeout=5s then -> menu"),
        DiagnosticCodeEntry(
            .wrongValueType,
            title: "a value of the wrong type",
            explanation: """
                Options and positional arguments have a type (flag, integer, duration, string, or a word of a set; \
                Grammar.md §5, §10). A string where a word is expected, or an integer where a string is, is an \
                error rather than a guess.
                """,
            wrong: "say \"Hello.\" loop=\"2\"", right: "say \"Hello.\" loop=2"),
        DiagnosticCodeEntry(
            .valueOutOfRange,
            title: "a value outside what Twilio accepts",
            explanation: """
                Ranges and word sets follow what Twilio accepts (twiml-semantics.md §2.2, §5): for example `dial \
                timeout` 5–600 s, `max_participants` ≤ 250, a queue name of 1–64 characters, a participant label of \
                at most 128 characters without `/`. Grammar.md §10 lists them.
                """,
            wrong: "dial agent \"+15551230000\" timeout=2s then -> after",
            right: "dial agent \"+15551230000\" timeout=20s then -> after"),
        DiagnosticCodeEntry(
            .duplicateOption,
            title: "an option given twice on one line",
            explanation: "An option may appear once per line (Grammar.md §5): which of two values wins would be a guess.",
            wrong: "say \"Hi.\" loop=2 loop=3", right: "say \"Hi.\" loop=3"),
        DiagnosticCodeEntry(
            .verbNotAllowedHere,
            title: "a verb not allowed in this context",
            explanation: """
                Twilio runs wait, hold and whisper documents in restricted contexts and rejects other verbs there \
                (twiml-semantics.md §3.1, §8.3): a queue's `wait` may hold `say`, `play`, `pause`, `hangup` and \
                `leave`; a queue's `whisper` and a room's `wait` and `hold`, `say`, `play` and `pause`; a dialed \
                leg's `whisper`, `say`, `play` and `hangup`. A `gather` nests only `say`, `play` and `pause`. A \
                document has no steps, so `go` and `gather` (whose continuation names a step) are not allowed \
                in one (Grammar.md §6, §7).
                """,
            wrong: "room desk shared\n  hold\n    dial queue support", right: "room desk shared\n  hold\n    play music"),
        DiagnosticCodeEntry(
            .stepRunsOffEnd,
            title: "a step can run off its end",
            explanation: """
                Twilio hangs up a leg whose document has no verb left (twiml-semantics.md §1.2), and a silent \
                ending is never what that meant. Every step ends on purpose: its last verb is `go`, `hangup` or \
                `reject`, or carries a `then` continuation (Grammar.md §8). A `gather` does not end a step: with no \
                input, the leg goes on with the next verb.
                """,
            wrong: "step goodbye\n  say \"Goodbye.\"", right: "step goodbye\n  say \"Goodbye.\"\n  hangup"),
        DiagnosticCodeEntry(
            .unreachableVerb,
            title: "a verb after the step has handed control away",
            explanation: """
                After `go`, `hangup`, `reject`, `leave` or a `then` continuation (other than gather's), Twilio never \
                runs the verbs that follow (twiml-semantics.md §1.1, §1.4); Grammar.md §8 makes them an error.
                """,
            wrong: "step start\n  hangup\n  say \"Goodbye.\"", right: "step start\n  say \"Goodbye.\"\n  hangup"),
        DiagnosticCodeEntry(
            .leaveOutsideWait,
            title: "'leave' outside a queue's wait document",
            explanation: """
                `<Leave>` takes a caller out of the queue it waits in; it is only meaningful in an Enqueue wait \
                document (twiml-semantics.md §2.2, §8.3 rule 23; Grammar.md §8).
                """,
            wrong: "step start\n  leave", right: "queue sales\n  wait\n    play music\n    leave"),
        DiagnosticCodeEntry(
            .rejectNotFirst,
            title: "'reject' where the call is already answered",
            explanation: """
                `<Reject>` refuses a call only before Twilio answers it, as the first verb of the document the \
                phone number calls (twiml-semantics.md §2.2): the first verb of the entry leg's first step \
                (Grammar.md §8).
                """,
            wrong: "step start\n  say \"Closed.\"\n  reject", right: "step start\n  reject busy"),
        DiagnosticCodeEntry(
            .dialOfUndialedLeg,
            title: "'dial' of a leg not declared 'dialed'",
            explanation: """
                A `dial` creates the leg it names (the child leg of twiml-semantics.md §1.6), so that leg must be \
                declared `dialed`; an entry or outbound leg exists already (Grammar.md §7).
                """,
            wrong: "leg agent outbound\n...\ndial agent \"+15551230000\" then -> after",
            right: "leg agent dialed\n...\ndial agent \"+15551230000\" then -> after"),
        DiagnosticCodeEntry(
            .legDialedTwice,
            title: "a dialed leg dialed from two places",
            explanation: """
                A dialed leg stands for the one call a `dial` creates, with its own parent leg (twiml-semantics.md \
                §1.6); the checker reasons about what happens to that parent. Two `dial`s of one leg would give it \
                two parents: declare one dialed leg per `dial` (Grammar.md §7).
                """,
            wrong: "dial agent \"+15551230000\" then -> a\n...\ndial agent \"+15551230000\" then -> b",
            right: "dial agent \"+15551230000\" then -> a\n...\ndial backup_agent \"+15551230000\" then -> b"),
        DiagnosticCodeEntry(
            .severalEntryLegs,
            title: "more than one entry leg",
            explanation: """
                A phone number calls one URL, the first step of the entry leg, so a flow has at most one \
                (Grammar.md §7). Legs the application starts through the REST API are `outbound`.
                """,
            wrong: "leg caller entry\n...\nleg agent entry", right: "leg caller entry\n...\nleg agent outbound"),
        DiagnosticCodeEntry(
            .legWithoutSteps,
            title: "an entry or outbound leg without steps",
            explanation: """
                An entry or outbound leg starts at its first step: the URL set on the number or passed to Calls \
                create (Grammar.md §7). Without one there is nothing to start.
                """,
            wrong: "leg supervisor outbound", right: "leg supervisor outbound\n  step start\n    join desk then hangup"),
        DiagnosticCodeEntry(
            .roomOperationMismatch,
            title: "a room operation that cannot work",
            explanation: """
                `hold LEG in ROOM` and `unhold LEG in ROOM` update the leg's conference participant \
                (twiml-semantics.md §1.8, §4.2): the leg must join that room, and the room needs a `hold` document \
                for the held leg to hear. `reconnect` and `move` move a leg to a step, so they take `-> STEP`, not \
                `in ROOM` (Grammar.md §9).
                """,
            wrong: "room desk shared\n...\noperation hold caller in desk",
            right: "room desk shared\n  hold music\n...\noperation hold caller in desk"),
        DiagnosticCodeEntry(
            .operationTargetMismatch,
            title: "a hold or reconnect target step that does not do its part",
            explanation: """
                The queue strategy (twiml-semantics.md §1.8) holds a leg by moving it to a step that enqueues it, \
                and reconnects by moving the other leg to a step that dials the queue where the held leg waits \
                (Grammar.md §9). A target that does neither would leave the legs apart.
                """,
            wrong: "operation hold customer -> gone", right: "operation hold customer -> held"),
        DiagnosticCodeEntry(
            .invalidBaseURL,
            title: "'serve at' is not an absolute http(s) URL with a real host",
            explanation: """
                `serve at` is where the phone number, REST requests and the manifest point, and Twilio needs \
                those URLs absolute, `http(s)`, with a host name without `_` (twiml-semantics.md §5, §8.2 rule 14). \
                Relative paths are resolved against it, so it carries no query or fragment (Grammar.md §3).
                """,
            wrong: "serve at \"https://twiml_host/front\"", right: "serve at \"https://twiml.example.com/front\""),
        DiagnosticCodeEntry(
            .missingBaseURL,
            title: "a flow with operations or outbound legs but no 'serve at'",
            explanation: """
                Operations and outbound legs start TwiML through REST requests, whose `Url` must be absolute \
                (twiml-semantics.md §1.5, §8.2 rule 14); flowc builds it from `serve at` (Grammar.md §3).
                """,
            wrong: "flow desk\n  leg agent outbound\n  ...",
            right: "flow desk\n  serve at \"https://twiml.example.com/desk\"\n  leg agent outbound\n  ..."),
        DiagnosticCodeEntry(
            .invalidAudioURL,
            title: "an audio URL that is not absolute http(s)",
            explanation: """
                Audio assets and `play "URL"` live outside the generated documents, so their URLs are absolute \
                `http(s)` with a real host (twiml-semantics.md §5; Grammar.md §4). Only `play "" digits=…` may \
                leave the URL empty.
                """,
            wrong: "audio music = \"hold.mp3\"", right: "audio music = \"https://cdn.example.com/hold.mp3\""),
        DiagnosticCodeEntry(
            .roomNotShared,
            title: "a room every call would share without saying so",
            explanation: """
                Static TwiML gives every call the same conference name (twiml-semantics.md §8.2 rule 17), so every \
                call would meet in one room. Mark the room `shared` when that is the intent; otherwise the \
                application must create one room per call, as the route manifest describes (Grammar.md §6).
                """,
            wrong: "room desk", right: "room desk shared"),
        DiagnosticCodeEntry(
            .unusedDeclaration,
            title: "an audio asset, queue, room or dialed leg that nothing uses",
            explanation: """
                A declaration that no verb, document or operation refers to is usually a leftover or a \
                misspelling of a name used elsewhere (Grammar.md §4, §6, §7).
                """,
            wrong: "audio music = \"https://cdn.example.com/a.mp3\"\naudio musik = \"https://cdn.example.com/b.mp3\"",
            right: "audio music = \"https://cdn.example.com/a.mp3\""),
        DiagnosticCodeEntry(
            .documentNotAllowedHere,
            title: "a document kind its owner cannot have",
            explanation: """
                Queues have `wait` and `whisper` documents, rooms `wait` and `hold`, dialed legs `whisper`; other \
                legs have none (Grammar.md §6, §7). Each maps to one Twilio URL (twiml-semantics.md §3.1).
                """,
            wrong: "queue support\n  hold music", right: "queue support\n  wait music"),
    ]
}
