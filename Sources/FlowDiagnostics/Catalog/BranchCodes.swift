extension DiagnosticCode {
    public static let caseMisplaced = DiagnosticCode("FLOW226", "case-misplaced", .error)
    public static let impossibleCaseValue = DiagnosticCode("FLOW227", "impossible-case-value", .error)
    public static let duplicateCase = DiagnosticCode("FLOW228", "duplicate-case", .error)
    public static let unreachableCase = DiagnosticCode("FLOW229", "unreachable-case", .warning)
    public static let missingCase = DiagnosticCode("FLOW230", "missing-case", .error)
}

extension DiagnosticCatalog {
    /// FLOW226–FLOW230: case lines (`on "1" -> step`), reported by the resolver. Grammar.md §8
    /// ("Branching on outcomes") is the reference; the values each parameter can take are
    /// Docs/Twilio.md#request-parameters.
    static let branchCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .caseMisplaced,
            title: "a case line that is not under a gather, record, dial or enqueue",
            explanation: """
                A case (`on "1" -> step`) names one outcome of the verb it is indented under: the digits \
                or speech a `gather` received, the key that ended a `record`, how a `dial` or `dial queue` \
                ended (`DialCallStatus`), how the leg left an `enqueue` (`QueueResult`). Anywhere else there \
                is no outcome for it to name (Grammar.md §8, Docs/Twilio.md#request-parameters).
                """,
            wrong: .flow("""
                flow menu
                  leg caller entry
                    step start
                      on "1" -> sales
                      hangup
                    step sales
                      hangup
                """),
            right: .flow("""
                flow menu
                  leg caller entry
                    step start
                      gather num_digits=1 then -> start
                        say "Press 1 for sales."
                        on "1" -> sales
                      hangup
                    step sales
                      hangup
                """)),
        DiagnosticCodeEntry(
            .impossibleCaseValue,
            title: "a case value Twilio never sends for this verb",
            explanation: """
                Twilio reports a verb's outcome with documented values only: a gather's `Digits` are the \
                keys `0-9`, `*` and `#` (at most `num_digits` of them), a \
                record's `Digits` the one key that ended it, `DialCallStatus` one of `completed`, `busy`, \
                `no-answer`, `failed`, `canceled` (and `answered`), `QueueResult` one of its documented \
                words. A case for any other value can never be taken; it is usually a misspelling \
                (`no_answer` for `no-answer`) (Docs/Twilio.md#request-parameters).
                """,
            wrong: .flow("""
                flow sales
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> bye
                        on "no_answer", "busy" -> sorry
                    step sorry
                      say "Nobody could take your call."
                      hangup
                    step bye
                      hangup
                  leg agent dialed
                """),
            right: .flow("""
                flow sales
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> bye
                        on "no-answer", "busy" -> sorry
                    step sorry
                      say "Nobody could take your call."
                      hangup
                    step bye
                      hangup
                  leg agent dialed
                """)),
        DiagnosticCodeEntry(
            .duplicateCase,
            title: "a value named by two cases of one verb",
            explanation: """
                The first case that names a value wins, so a second case for it is never taken. Speech \
                values are compared as a router compares them: lowercase, punctuation as spaces \
                (Grammar.md §8, Docs/Output.md#dispatch).
                """,
            wrong: .flow("""
                flow menu
                  leg caller entry
                    step start
                      gather num_digits=1 then -> start
                        on "1" -> sales
                        on "1" -> support
                      hangup
                    step sales
                      hangup
                    step support
                      hangup
                """),
            right: .flow("""
                flow menu
                  leg caller entry
                    step start
                      gather num_digits=1 then -> start
                        on "1" -> sales
                        on "2" -> support
                      hangup
                    step sales
                      hangup
                    step support
                      hangup
                """)),
        DiagnosticCodeEntry(
            .unreachableCase,
            title: "a case for an outcome that nobody hears, or that this verb never reports",
            explanation: """
                Some values are sent when no caller is listening any more: a record's `Digits=hangup` and \
                an enqueue's `QueueResult=hangup` come after the caller hung up, and after \
                `QueueResult=redirected` the leg runs the TwiML of the update that moved it. Others belong \
                to another form of the verb: `DialCallStatus=answered` is sent for conferences only, a \
                gather's finishing key submits the digits before it (an inference that it is never among them), \
                `SpeechResult` only by a gather that listens for speech, `Digits` only by one that listens \
                for keys. A case for them never steers a live call (Docs/Twilio.md#request-parameters).
                """,
            wrong: .flow("""
                flow voicemail
                  leg caller entry
                    step start
                      record max_length=2m then -> thanks
                        on "hangup" -> thanks
                    step thanks
                      say "Thank you."
                      hangup
                """),
            right: .flow("""
                flow voicemail
                  leg caller entry
                    step start
                      record max_length=2m finish_on_key="#" then -> thanks
                        on "#" -> thanks
                    step thanks
                      say "Thank you."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .missingCase,
            title: "a dial or enqueue without 'then' whose cases leave an outcome out",
            explanation: """
                A `dial` or `enqueue` with cases and no `then` has no continuation for an outcome no case \
                names. Name every outcome Twilio can send while the leg is still listening, or add \
                `then -> step` for the rest (Grammar.md §8, Docs/Twilio.md#request-parameters).
                """,
            wrong: .flow("""
                flow sales
                  leg caller entry
                    step start
                      dial agent "+15551230000"
                        on "busy" -> sorry
                    step sorry
                      say "Nobody could take your call."
                      hangup
                  leg agent dialed
                """),
            right: .flow("""
                flow sales
                  leg caller entry
                    step start
                      dial agent "+15551230000" then -> bye
                        on "busy" -> sorry
                    step sorry
                      say "Nobody could take your call."
                      hangup
                    step bye
                      hangup
                  leg agent dialed
                """)),
    ]
}
