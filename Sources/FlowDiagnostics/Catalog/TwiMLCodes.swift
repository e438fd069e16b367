extension DiagnosticCode {
    public static let twimlValueOutOfRange = DiagnosticCode("FLOW401", "twiml-value-out-of-range", .error)
    public static let invalidPhoneNumber = DiagnosticCode("FLOW402", "invalid-phone-number", .error)
    public static let invalidSIPURI = DiagnosticCode("FLOW403", "invalid-sip-uri", .error)
    public static let invalidTwiMLURL = DiagnosticCode("FLOW404", "invalid-twiml-url", .error)
    public static let twimlTextTooLong = DiagnosticCode("FLOW405", "twiml-text-too-long", .error)
    public static let forbiddenCharacter = DiagnosticCode("FLOW406", "forbidden-character", .error)
    public static let documentTooLarge = DiagnosticCode("FLOW407", "document-too-large", .error)
    public static let verbNotAllowedInContext = DiagnosticCode("FLOW408", "verb-not-allowed-in-context", .error)
    public static let invalidTwiMLValue = DiagnosticCode("FLOW409", "invalid-twiml-value", .error)
    public static let tooManyDialTargets = DiagnosticCode("FLOW410", "too-many-dial-targets", .error)
    public static let routeCaseClash = DiagnosticCode("FLOW411", "route-case-clash", .error)
    public static let absoluteURLsNeedBaseURL = DiagnosticCode("FLOW412", "absolute-urls-need-base-url", .error)
    public static let unconfirmedTwiML = DiagnosticCode("FLOW413", "unconfirmed-twiml", .warning)
    public static let invalidTwiMLStructure = DiagnosticCode("FLOW414", "invalid-twiml-structure", .error)
}

extension DiagnosticCatalog {
    /// FLOW4xx: what Twilio would refuse in the generated TwiML, reported at the `.flow` verb, option or
    /// argument behind it, and problems with the output's routes. One code per family of TwiML violation;
    /// the message names the element and attribute. Facts cite twiml-semantics.md.
    static let twimlCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .twimlValueOutOfRange,
            title: "a number outside the range Twilio accepts",
            explanation: """
                Twilio checks numeric attributes against documented ranges: `<Dial timeout>` 5–600 s, `timeLimit` \
                at most 14400 s (4 h), `<Conference maxParticipants>` 1–250, `<Record maxLength>` at most 14400 s, \
                `<Pause length>` at least 1 (twiml-semantics.md §2.2, §5, §8.1 rule 7). A value outside them is \
                ignored or refused at run time, so the call does not do what the flow says.
                """,
            wrong: "dial agent \"+15551230000\" time_limit=5h then -> after",
            right: "dial agent \"+15551230000\" time_limit=4h then -> after"),
        DiagnosticCodeEntry(
            .invalidPhoneNumber,
            title: "a phone number that is not E.164",
            explanation: """
                `<Number>` takes a number in E.164 form: `+`, the country code, then the number, 15 digits at \
                most, no spaces or punctuation (twiml-semantics.md §2.2 Number, §8.1; errors 13223, 13224). \
                flowc refuses unformatted national numbers because it cannot tell which country they belong to.
                """,
            wrong: "dial agent \"(555) 123-0000\"", right: "dial agent \"+15551230000\""),
        DiagnosticCodeEntry(
            .invalidSIPURI,
            title: "a SIP address that is not a sip: URI",
            explanation: """
                `<Sip>` takes a `sip:` or `sips:` URI without spaces, shorter than 255 characters before its \
                headers and with headers shorter than 1024 characters (twiml-semantics.md §2.2 Sip, §5; \
                error 13243).
                """,
            wrong: "dial agent sip \"agent@example.com\"", right: "dial agent sip \"sip:agent@example.com\""),
        DiagnosticCodeEntry(
            .invalidTwiMLURL,
            title: "a URL Twilio cannot fetch",
            explanation: """
                Every URL in TwiML is an `http(s)` URL with a real host name (no `_`, no spaces), or a \
                reference relative to the document (twiml-semantics.md §5 "URL form", §8.2 rules 13–14). Twilio \
                ends the call with an application error when a fetch fails (§1.1).
                """,
            wrong: "play \"https://cdn_host/hold.mp3\"", right: "play \"https://cdn.example.com/hold.mp3\""),
        DiagnosticCodeEntry(
            .twimlTextTooLong,
            title: "a text longer than Twilio allows",
            explanation: """
                Twilio limits text lengths: `<Say>` text to 3000 characters for Polly voices, 4096 for the basic \
                ones and 5000 for Google voices; queue names to 64 characters; conference names and participant \
                labels to 128 (twiml-semantics.md §2.2, §5, §8.1 rules 9 and 10; errors 13521, 14205, 16024). \
                Split a long `say` in two, or shorten the name.
                """,
            wrong: "queue support name=\"the-support-queue-of-the-north-american-customer-service-department\"",
            right: "queue support name=\"support-na\""),
        DiagnosticCodeEntry(
            .forbiddenCharacter,
            title: "a control character XML cannot hold",
            explanation: """
                XML 1.0 forbids most control characters (U+0000–U+001F except tab, line feed and carriage \
                return, and U+FFFE, U+FFFF), even as character references, so a document holding one does not \
                parse and Twilio refuses it (twiml-semantics.md §8.1 rule 2; error 12100). flowc never emits them: \
                remove the `\\u{…}` escape that produces it.
                """,
            wrong: "say \"Ding\\u{7} dong.\"", right: "say \"Ding dong.\""),
        DiagnosticCodeEntry(
            .documentTooLarge,
            title: "a document larger than 64 kB",
            explanation: """
                Twilio refuses TwiML responses larger than 64 kB (twiml-semantics.md §5, §8.1 rule 8; error \
                11750). flowc counts 64,000 bytes, which fits both readings of "kB". Split the step: move part of \
                it to another step and continue there with `go -> STEP`.
                """,
            wrong: "step start\n  say \"…\"  # thousands of lines",
            right: "step start\n  say \"…\"\n  go -> more\nstep more\n  say \"…\"\n  hangup"),
        DiagnosticCodeEntry(
            .verbNotAllowedInContext,
            title: "a verb its document's context does not allow",
            explanation: """
                Wait, hold and whisper documents run in restricted contexts (twiml-semantics.md §3.1, §8.3 rules \
                19–23): an enqueue wait document allows `Play Say Pause Hangup Redirect Leave Gather` (Gather with \
                `dtmf` or `speech`, not both), conference wait and hold documents `Play Say Pause Redirect`, a \
                whisper document `Play Say Gather Hangup`, a queue whisper `Play Say Pause Redirect`; `<Leave>` \
                belongs to enqueue wait documents only. Twilio refuses other verbs there (13201, 13238).
                """,
            wrong: "room desk shared\n  hold\n    hangup", right: "room desk shared\n  hold\n    play music"),
        DiagnosticCodeEntry(
            .invalidTwiMLValue,
            title: "a value Twilio does not accept",
            explanation: """
                Some values have a documented form: a `voice` is `man`, `woman`, `alice`, `Polly.<Name>` or \
                `Google.<locale>-<model>`, a `language` is a tag such as `en-US`, DTMF digits are `0-9 A-D # * w W`, \
                `finish_on_key` is one key, and a `say` needs something to speak (twiml-semantics.md §2.2, §8.1 \
                rules 6 and 9; errors 13511, 13520).
                """,
            wrong: "say \"Welcome.\" voice=\"Polly Joanna\"", right: "say \"Welcome.\" voice=\"Polly.Joanna\""),
        DiagnosticCodeEntry(
            .tooManyDialTargets,
            title: "more targets in one dial than Twilio rings",
            explanation: """
                One `<Dial>` rings at most 10 numbers, clients and SIP addresses at once, and holds exactly one \
                kind of target (twiml-semantics.md §2.1, §5 "parallel dial", §8.1 rule 5).
                """,
            wrong: "dial agents \"+15550000001\" \"+15550000002\" … \"+15550000011\"",
            right: "dial agents \"+15550000001\" \"+15550000002\" … \"+15550000010\""),
        DiagnosticCodeEntry(
            .routeCaseClash,
            title: "two documents whose paths differ only by letter case",
            explanation: """
                Every flow, leg, step, queue and room name is part of a file path in the output (Docs/Output.md). \
                Two paths that differ only by case are one file on a case-insensitive file system or host (macOS, \
                Windows, many CDNs), so one document would silently replace the other. The error is at the later \
                declaration; the note points at the earlier one.
                """,
            wrong: "leg Agent dialed\nleg agent outbound", right: "leg desk_agent dialed\nleg agent outbound"),
        DiagnosticCodeEntry(
            .absoluteURLsNeedBaseURL,
            title: "absolute URLs asked for a flow without 'serve at'",
            explanation: """
                `flowc build --urls absolute` writes every URL between documents as an absolute URL under the \
                flow's `serve at` (Grammar.md §3; twiml-semantics.md §8.5 rule 46). A flow without `serve at` has \
                no absolute URL; the default `--urls relative` works on any host without one (§1.3).
                """,
            wrong: "flow hello\n  leg caller entry",
            right: "flow hello\n  serve at \"https://twiml.example.com/hello\"\n  leg caller entry"),
        DiagnosticCodeEntry(
            .unconfirmedTwiML,
            title: "TwiML that only one of Twilio's sources documents",
            explanation: """
                Twilio's documentation and its generated helper libraries disagree on a few attributes \
                (twiml-semantics.md §6.2). Twilio may ignore such an attribute. flowc does not generate them \
                itself; the warning exists so that a future change that does is noticed.
                """,
            wrong: "", right: ""),
        DiagnosticCodeEntry(
            .invalidTwiMLStructure,
            title: "generated TwiML that breaks Twilio's structure rules",
            explanation: """
                A TwiML element has a fixed set of attributes, children and text (twiml-semantics.md §2.1, §6, \
                §8.1 rules 3–5 and 11). The language and the resolver keep flows from producing anything else, \
                so this error means a combination the earlier checks missed, such as `play ""` without `digits`; \
                if the flow looks right, please report it.
                """,
            wrong: "play \"\"", right: "play \"\" digits=\"1234#\""),
    ]
}
