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
    /// the message names the element and attribute. Facts cite Docs/Twilio.md.
    static let twimlCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .twimlValueOutOfRange,
            title: "a number outside the range Twilio accepts",
            explanation: """
                Twilio checks numeric attributes against documented ranges: `<Dial timeout>` 5–600 s, `timeLimit` \
                at most 14400 s (4 h), `<Conference maxParticipants>` 1–250, `<Record maxLength>` at most 14400 s, \
                `<Pause length>` at least 1 (Docs/Twilio.md#verbs, Docs/Twilio.md#limits). A value outside them is \
                ignored or refused at run time, so the call does not do what the flow says.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" time_limit=5h then -> after
                    step after
                      hangup
                  leg agent dialed
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "+15551230000" time_limit=4h then -> after
                    step after
                      hangup
                  leg agent dialed
                """)),
        DiagnosticCodeEntry(
            .invalidPhoneNumber,
            title: "a phone number that is not E.164",
            explanation: """
                `<Number>` takes a number in E.164 form: `+`, the country code, then the number, 15 digits at \
                most, no spaces or punctuation (Docs/Twilio.md#dial, Docs/Twilio.md#document-validity; errors 13223, 13224). \
                flowc refuses unformatted national numbers because it cannot tell which country they belong to.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent "(555) 123-0000" then -> after
                    step after
                      hangup
                  leg agent dialed
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
            .invalidSIPURI,
            title: "a SIP address that is not a sip: URI",
            explanation: """
                `<Sip>` takes a `sip:` or `sips:` URI without spaces, shorter than 255 characters before its \
                headers and with headers shorter than 1024 characters (Docs/Twilio.md#dial, Docs/Twilio.md#limits; \
                error 13243).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent sip "agent@example.com" then -> after
                    step after
                      hangup
                  leg agent dialed
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agent sip "sip:agent@example.com" then -> after
                    step after
                      hangup
                  leg agent dialed
                """)),
        DiagnosticCodeEntry(
            .invalidTwiMLURL,
            title: "a URL Twilio cannot fetch",
            explanation: """
                Every URL in TwiML is an `http(s)` URL with a real host name (no `_`, no spaces), or a \
                reference relative to the document (Docs/Twilio.md#limits "URL form", Docs/Twilio.md#urls-and-methods). Twilio \
                ends the call with an application error when a fetch fails (Docs/Twilio.md#fetch-and-run).
                """,
            wrong: .twiml("<Response><Play>https://cdn_host/hold.mp3</Play><Hangup/></Response>"),
            right: .twiml("<Response><Play>https://cdn.example.com/hold.mp3</Play><Hangup/></Response>"),
            internal: true),
        DiagnosticCodeEntry(
            .twimlTextTooLong,
            title: "a text longer than Twilio allows",
            explanation: """
                Twilio limits text lengths: `<Say>` text to 3000 characters for Polly voices, 4096 for the basic \
                ones and 5000 for Google voices; queue names to 64 characters; conference names and participant \
                labels to 128 (Docs/Twilio.md#verbs, Docs/Twilio.md#limits, Docs/Twilio.md#say; errors 13521, 14205, 16024). \
                Split a long `say` in two, or shorten the name.
                """,
            wrong: .flow(DiagnosticCatalog.flowSaying(characters: 3100)),
            right: .flow(DiagnosticCatalog.flowSaying(characters: 2900))),
        DiagnosticCodeEntry(
            .forbiddenCharacter,
            title: "a control character XML cannot hold",
            explanation: """
                XML 1.0 forbids most control characters (U+0000–U+001F except tab, line feed and carriage \
                return, and U+FFFE, U+FFFF), even as character references, so a document holding one does not \
                parse and Twilio refuses it (Docs/Twilio.md#document-validity; error 12100). flowc never emits them: \
                remove the `\\u{…}` escape that produces it.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Ding\\u{7} dong."
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Ding dong."
                      hangup
                """)),
        DiagnosticCodeEntry(
            .documentTooLarge,
            title: "a document larger than 64 kB",
            explanation: """
                Twilio refuses TwiML responses larger than 64 kB (Docs/Twilio.md#limits; error \
                11750). flowc counts 64,000 bytes, which fits both readings of "kB". Split the step: move part of \
                it to another step and continue there with `go -> STEP`.
                """,
            wrong: .flow(DiagnosticCatalog.flowOfLongSays(steps: 1)),
            right: .flow(DiagnosticCatalog.flowOfLongSays(steps: 2))),
        DiagnosticCodeEntry(
            .verbNotAllowedInContext,
            title: "a verb its document's context does not allow",
            explanation: """
                Wait, hold and whisper documents run in restricted contexts (Docs/Twilio.md#restricted-contexts rules \
                19–23): an enqueue wait document allows `Play Say Pause Hangup Redirect Leave Gather` (Gather with \
                `dtmf` or `speech`, not both), conference wait and hold documents `Play Say Pause Redirect`, a \
                whisper document `Play Say Gather Hangup`, a queue whisper `Play Say Pause Redirect`; `<Leave>` \
                belongs to enqueue wait documents only. Twilio refuses other verbs there (13201, 13238).
                """,
            wrong: .twiml("""
                <!-- rooms/desk.hold.xml, the hold document of room desk -->
                <Response><Hangup/></Response>
                """),
            right: .twiml("""
                <!-- rooms/desk.hold.xml, the hold document of room desk -->
                <Response><Play>https://cdn.example.com/hold.mp3</Play><Redirect method="GET"></Redirect></Response>
                """),
            internal: true),
        DiagnosticCodeEntry(
            .invalidTwiMLValue,
            title: "a value Twilio does not accept",
            explanation: """
                Some values have a documented form: a `voice` is `man`, `woman`, `alice`, `Polly.<Name>` or \
                `Google.<locale>-<model>`, a `language` is a tag such as `en-US`, DTMF digits are `0-9 A-D # * w W`, \
                `finish_on_key` is one key, and a `say` needs something to speak (Docs/Twilio.md#verbs, Docs/Twilio.md#document-validity \
                rules 6 and 9; errors 13511, 13520).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome." voice="Polly Joanna"
                      hangup
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      say "Welcome." voice="Polly.Joanna"
                      hangup
                """)),
        DiagnosticCodeEntry(
            .tooManyDialTargets,
            title: "more targets in one dial than Twilio rings",
            explanation: """
                One `<Dial>` rings at most 10 numbers, clients and SIP addresses at once, and holds exactly one \
                kind of target (Docs/Twilio.md#nesting, Docs/Twilio.md#limits "parallel dial", Docs/Twilio.md#nesting).
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agents "+15550000001" "+15550000002" "+15550000003" "+15550000004" "+15550000005" "+15550000006" "+15550000007" "+15550000008" "+15550000009" "+15550000010" "+15550000011" then -> after
                    step after
                      hangup
                  leg agents dialed
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial agents "+15550000001" "+15550000002" "+15550000003" "+15550000004" "+15550000005" "+15550000006" "+15550000007" "+15550000008" "+15550000009" "+15550000010" then -> after
                    step after
                      hangup
                  leg agents dialed
                """)),
        DiagnosticCodeEntry(
            .routeCaseClash,
            title: "two documents whose paths differ only by letter case",
            explanation: """
                Every flow, leg, step, queue and room name is part of a file path in the output (Docs/Output.md). \
                Two paths that differ only by case are one file on a case-insensitive file system or host (macOS, \
                Windows, many CDNs), so one document would silently replace the other. The error is at the later \
                declaration; the note points at the earlier one.
                """,
            wrong: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial Agent "+15551230000" then -> after
                    step after
                      hangup
                  leg Agent dialed
                    step start
                      say "Please hold."
                      hangup
                  leg agent outbound
                    step start
                      hangup
                  operation move Agent -> start
                """),
            right: .flow("""
                flow support
                  serve at "https://twiml.example.com/support"
                  leg caller entry
                    step start
                      dial desk_agent "+15551230000" then -> after
                    step after
                      hangup
                  leg desk_agent dialed
                    step start
                      say "Please hold."
                      hangup
                  leg agent outbound
                    step start
                      hangup
                  operation move desk_agent -> start
                """)),
        DiagnosticCodeEntry(
            .absoluteURLsNeedBaseURL,
            title: "absolute URLs asked for a flow without 'serve at'",
            explanation: """
                `flowc build --urls absolute` writes every URL between documents as an absolute URL under the \
                flow's `serve at` (Grammar.md §3; Docs/Twilio.md#dialects). A flow without `serve at` has \
                no absolute URL; the default `--urls relative` works on any host without one (Docs/Twilio.md#redirect).
                """,
            wrong: .command("flowc build flows/support.flow --urls absolute"),
            right: .command("flowc build flows/served.flow --urls absolute")),
        DiagnosticCodeEntry(
            .unconfirmedTwiML,
            title: "TwiML that only one of Twilio's sources documents",
            explanation: """
                Twilio's documentation and its generated helper libraries disagree on a few attributes \
                (Docs/Twilio.md#schema). Twilio may ignore such an attribute. flowc does not generate them \
                itself; the warning exists so that a future change that does is noticed.
                """,
            wrong: .twiml("<Response><Dial events=\"call-progress-event\"><Number>+15551230000</Number></Dial><Hangup/></Response>"),
            right: .twiml("<Response><Dial><Number>+15551230000</Number></Dial><Hangup/></Response>"),
            internal: true),
        DiagnosticCodeEntry(
            .invalidTwiMLStructure,
            title: "generated TwiML that breaks Twilio's structure rules",
            explanation: """
                A TwiML element has a fixed set of attributes, children and text (Docs/Twilio.md#nesting, \
                Docs/Twilio.md#schema, Docs/Twilio.md#document-validity). The language and the resolver keep flows from producing anything else, \
                so this error means a combination the earlier checks missed, such as `play ""` without `digits`; \
                if the flow looks right, please report it.
                """,
            wrong: .twiml("<Response><Play></Play><Hangup/></Response>"),
            right: .twiml("<Response><Play digits=\"1234#\"></Play><Hangup/></Response>"),
            internal: true),
    ]
}

extension DiagnosticCatalog {
    /// The text every long `say` of the examples repeats.
    private static func officeHours(_ characters: Int) -> String {
        String(String(repeating: "Our office hours are nine to five. ", count: 200).prefix(characters))
    }

    /// A flow whose one `say` has `characters` characters with a Polly voice, which Twilio limits to 3000
    /// (FLOW405's examples: too long to write out in the catalog).
    static func flowSaying(characters: Int) -> String {
        """
        flow support
          serve at "https://twiml.example.com/support"
          leg caller entry
            step start
              say "\(officeHours(characters))" voice="Polly.Joanna"
              hangup

        """
    }

    /// A flow of 19 `say`s of 3500 characters, 66.5 kB of TwiML in one step or two documents when split over
    /// two steps (FLOW407's examples).
    static func flowOfLongSays(steps: Int) -> String {
        let say = "      say \"\(officeHours(3500))\"\n"
        var text = "flow support\n  serve at \"https://twiml.example.com/support\"\n  leg caller entry\n    step start\n"
        if steps == 1 {
            text += String(repeating: say, count: 19) + "      hangup\n"
        } else {
            text += String(repeating: say, count: 10) + "      go -> more\n    step more\n"
            text += String(repeating: say, count: 9) + "      hangup\n"
        }
        return text
    }
}
