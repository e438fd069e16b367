extension DiagnosticCode {
    public static let unexpectedIndentation = DiagnosticCode("FLOW101", "unexpected-indentation", .error)
    public static let missingBlock = DiagnosticCode("FLOW102", "missing-block", .error)
    public static let unknownKeyword = DiagnosticCode("FLOW103", "unknown-keyword", .error)
    public static let misplacedKeyword = DiagnosticCode("FLOW104", "misplaced-keyword", .error)
    public static let expectedName = DiagnosticCode("FLOW105", "expected-name", .error)
    public static let expectedValue = DiagnosticCode("FLOW106", "expected-value", .error)
    public static let expectedToken = DiagnosticCode("FLOW107", "expected-token", .error)
    public static let unexpectedToken = DiagnosticCode("FLOW108", "unexpected-token", .error)
    public static let expectedOptionValue = DiagnosticCode("FLOW109", "expected-option-value", .error)
    public static let missingContinuation = DiagnosticCode("FLOW110", "missing-continuation", .error)
    public static let invalidContinuation = DiagnosticCode("FLOW111", "invalid-continuation", .error)
    public static let unknownLegRole = DiagnosticCode("FLOW112", "unknown-leg-role", .error)
    public static let unknownOperationKind = DiagnosticCode("FLOW113", "unknown-operation-kind", .error)
    public static let continuationNotAllowed = DiagnosticCode("FLOW114", "continuation-not-allowed", .error)
}

extension DiagnosticCatalog {
    /// FLOW1xx: lines that do not follow the grammar (Grammar.md). The parser reports at most one per
    /// line, and a line with a lexical error (FLOW003–FLOW009) gets none of these.
    static let syntaxCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .unexpectedIndentation,
            title: "indented block under a line that takes none",
            explanation: """
                Only flows, queues, rooms, legs, steps, documents written without an audio name, and \
                'gather' own an indented block (Grammar.md §1). A line indented deeper than a line that \
                opens no block is usually a verb indented one level too far. The block is reported once \
                and not read.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome."
                        hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .missingBlock,
            title: "construct without its indented block",
            explanation: """
                A flow needs its members, a step needs its verbs, and a document without an audio name \
                needs its verbs, indented under the header line (Grammar.md §2, §6, §8). A step is one \
                TwiML document; an empty one would hang the call up (Docs/Twilio.md#end-of-document).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                    step next
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      go -> next
                    step next
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unknownKeyword,
            title: "line does not start with a keyword of its block",
            explanation: """
                Every line starts with a keyword that its block allows: 'flow' at the top level, a flow \
                member in a flow, 'step' or a document in a leg, a verb in a step (Grammar.md §2–§9). \
                Keywords are not reserved words, so a misspelt one is simply unknown; the help suggests \
                the nearest keyword. The line, and any block under it, is not read.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      sya "Welcome."
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .misplacedKeyword,
            title: "construct in the wrong block",
            explanation: """
                The keyword is known, but it belongs in another kind of block: a step belongs in a leg, \
                a verb in a step or a document, an audio asset directly in a flow, and only 'say', 'play' \
                and 'pause' can be nested in 'gather' (Grammar.md §2, §7, §8; Docs/Twilio.md#nesting). \
                It is usually a line indented one level too little or too much.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    say "Welcome."
                    step start
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .expectedName,
            title: "name expected",
            explanation: """
                The grammar needs a name here: the name a flow, leg, step, audio asset, queue or room \
                declares, or the name of what a verb or an operation refers to (Grammar.md §2–§9). A \
                name is made of ASCII letters, digits and '_', and starts with a letter or '_'.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step "start"
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
            .expectedValue,
            title: "string, duration or dial target expected",
            explanation: """
                A verb or a setting is missing its positional value: 'say' needs its text as a string, \
                'play' an audio name or a URL string, 'pause' a duration, 'dial' at least one target, \
                'serve at', 'voice' and 'language' a string (Grammar.md §3, §8).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say Welcome
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .expectedToken,
            title: "keyword or punctuation expected",
            explanation: """
                A fixed word or symbol of the grammar is missing: 'at' in 'serve at', '=' in an audio \
                declaration, '->' after 'go', or 'in ROOM' / '-> STEP' in an operation (Grammar.md §3, \
                §4, §8, §9). A fix-it inserts it where the rest of the line makes that certain.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                      go start
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                      go -> start
                """)),
        DiagnosticCodeEntry(
            .unexpectedToken,
            title: "unexpected token where the line should end",
            explanation: """
                One construct per line, and nothing after it (Grammar.md, design rule 2): the line has a \
                token where only an option, a continuation or the end of the line may come. Each verb \
                takes its positional arguments first, then options, then its continuation.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup now
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      hangup
                """)),
        DiagnosticCodeEntry(
            .expectedOptionValue,
            title: "option value expected after '='",
            explanation: """
                An option is written 'name=value', where the value is a string, an integer, a duration \
                or a word, or as a bare flag 'name' meaning true (Grammar.md §5).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi." voice=
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi." voice="Polly.Joanna"
                      hangup
                """)),
        DiagnosticCodeEntry(
            .missingContinuation,
            title: "'gather' or 'record' without a continuation",
            explanation: """
                When 'gather' gets input, or 'record' ends, Twilio requests the verb's action URL, and \
                without one it requests the current document again, which loops the caller \
                (Docs/Twilio.md#action-continuations). So where the leg goes then must be written out, as \
                'then -> STEP' or 'then hangup' (Grammar.md §8).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      record max_length=2m
                    step thanks
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      record max_length=2m then -> thanks
                    step thanks
                      hangup
                """)),
        DiagnosticCodeEntry(
            .invalidContinuation,
            title: "'then' not followed by '->' or 'hangup'",
            explanation: """
                A continuation is 'then -> STEP', to go on with a step of the same leg, or 'then hangup', \
                to end the leg (Grammar.md §8).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  queue help
                    wait
                      say "Please hold."
                  leg caller entry
                    step start
                      enqueue help then goodbye
                    step goodbye
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  queue help
                    wait
                      say "Please hold."
                  leg caller entry
                    step start
                      enqueue help then -> goodbye
                    step goodbye
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unknownLegRole,
            title: "leg role missing or unknown",
            explanation: """
                Every leg says how it comes to exist: 'entry' (someone calls the number), 'outbound' \
                (the application creates it through the REST API) or 'dialed' (a 'dial' creates it) \
                (Grammar.md §7).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller
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
            .unknownOperationKind,
            title: "operation kind missing or unknown",
            explanation: """
                An operation is one of 'hold', 'unhold', 'reconnect' and 'move', each a REST request \
                flowc knows how to check (Grammar.md §9; Docs/Twilio.md#call-update).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                      pause 60s
                      go -> start
                    step held
                      say "On hold."
                      pause 60s
                      go -> held
                  operation park caller -> held
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Hi."
                      pause 60s
                      go -> start
                    step held
                      say "On hold."
                      pause 60s
                      go -> held
                  operation move caller -> held
                """)),
        DiagnosticCodeEntry(
            .continuationNotAllowed,
            title: "continuation on a verb that takes none",
            explanation: """
                Only 'gather', 'record', 'dial', 'join' and 'enqueue' hand control to another document \
                when they end, so only they take 'then' (Grammar.md §8; Docs/Twilio.md#action-continuations). After \
                any other verb the step simply goes on; write 'go -> STEP' or 'hangup' on the next line.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Goodbye." then hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Goodbye."
                      hangup
                """)),
    ]
}
