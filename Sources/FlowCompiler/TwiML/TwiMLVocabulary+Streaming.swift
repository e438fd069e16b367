extension TwiMLVocabulary {
    /// The nouns of `<Connect>`, of which it holds exactly one (Docs/Twilio.md#nesting).
    static let connectNouns = [
        "ConnectStream", "Room", "VirtualAgent", "ConversationRelay", "Conversation", "AiSession",
        "ConversationRelaySession", "Assistant", "Autopilot",
    ]

    /// Media stream attributes; only `track` differs between `<Connect>` and `<Start>` (Docs/Twilio.md#verbs Connect).
    private static func streamAttributes(track: TwiMLValueType, urlRequired: Bool) -> [TwiMLAttributeSpec] {
        [
            TwiMLAttributeSpec("url", .webSocketURL, required: urlRequired),
            string("name"),
            TwiMLAttributeSpec("track", track, default: "inbound_track"),
            url("statusCallback"),
            method("statusCallbackMethod"),
            string("connectorName"),
        ]
    }

    /// Payment card brands of `<Pay validCardTypes>` and `<Prompt cardType>` (helper-library enums, Docs/Twilio.md#schema).
    private static let cardTypes = [
        "visa", "mastercard", "amex", "maestro", "discover", "optima", "jcb", "diners-club", "enroute",
    ]

    static let streamingSpecs: [TwiMLElementSpec] = [
        TwiMLElementSpec(
            "Connect", source: "Docs/Twilio.md#verbs Connect; Docs/Twilio.md#nesting (exactly one noun)", attributes: actionAndMethod,
            children: connectNouns.map { TwiMLChildRule($0, max: 1) }, childCount: 1...1),
        TwiMLElementSpec(
            "Stream", id: "ConnectStream", source: "Docs/Twilio.md#verbs Connect (Stream: wss only, inbound_track only); Docs/Twilio.md#limits",
            attributes: streamAttributes(track: .enumeration(["inbound_track"]), urlRequired: true),
            children: [parameters]),
        TwiMLElementSpec(
            "Room", source: "Docs/Twilio.md#verbs Connect (Room)", text: .required(.nonEmptyString),
            attributes: [string("participantIdentity")]),
        TwiMLElementSpec(
            "VirtualAgent", source: "Docs/Twilio.md#verbs Connect (VirtualAgent); Docs/Twilio.md#schema",
            attributes: [
                string("connectorName"), TwiMLAttributeSpec("language", .languageTag), boolean("sentimentAnalysis"),
                url("statusCallback"), method("statusCallbackMethod"),
            ],
            children: [TwiMLChildRule("Config"), parameters]),
        TwiMLElementSpec(
            "ConversationRelay", source: "Docs/Twilio.md#verbs Connect (ConversationRelay)",
            attributes: [
                TwiMLAttributeSpec("url", .webSocketURL, required: true),
                TwiMLAttributeSpec("language", .languageTag), TwiMLAttributeSpec("ttsLanguage", .languageTag),
                TwiMLAttributeSpec("transcriptionLanguage", .languageTag), string("ttsProvider"), string("voice"),
                string("transcriptionProvider"), string("speechModel"), string("welcomeGreeting"),
                string("interruptible"), boolean("dtmfDetection"),
            ],
            children: [TwiMLChildRule("Language"), parameters]),
        TwiMLElementSpec(
            "Language", source: "Docs/Twilio.md#nesting (ConversationRelay Language)",
            attributes: [
                TwiMLAttributeSpec("code", .languageTag, required: true), string("ttsProvider"), string("voice"),
                string("transcriptionProvider"), string("speechModel"),
            ]),
        TwiMLElementSpec(
            "Conversation", source: "Docs/Twilio.md#nesting (Flex/Conversations); Docs/Twilio.md#schema",
            attributes: [
                string("serviceInstanceSid"), boolean("inboundAutocreation"),
                TwiMLAttributeSpec("routingAssignmentTimeout", .positiveSeconds),
                TwiMLAttributeSpec("inboundTimeout", .positiveSeconds), url("url"), method(),
                TwiMLAttributeSpec(
                    "record",
                    .enumeration([
                        "do-not-record", "record-from-answer", "record-from-ringing", "record-from-answer-dual",
                        "record-from-ringing-dual", "true", "false",
                    ])),
                TwiMLAttributeSpec("trim", .trim),
            ] + recordingCallbacks + [
                TwiMLAttributeSpec(
                    "statusCallbackEvent",
                    .enumerationList(["call-initiated", "call-ringing", "call-answered", "call-completed"])),
                url("statusCallback"), method("statusCallbackMethod"),
            ]),
        TwiMLElementSpec("AiSession", source: "Docs/Twilio.md#nesting (attributes not in the reference: none accepted)"),
        TwiMLElementSpec(
            "ConversationRelaySession", source: "Docs/Twilio.md#nesting (attributes not in the reference: none accepted)"),
        TwiMLElementSpec(
            "Assistant", source: "Docs/Twilio.md#nesting (twilio-node only; attributes not in the reference)",
            children: [parameters], support: .libraryOnly),
        TwiMLElementSpec(
            "Autopilot", source: "Docs/Twilio.md#nesting (retired product)", text: .optional(.anyString), support: .retired),
        TwiMLElementSpec(
            "Start", source: "Docs/Twilio.md#verbs Start; Docs/Twilio.md#error-codes (14300 invalid nested noun)", attributes: actionAndMethod,
            children: ["Stream", "Siprec", "Transcription", "Recording"].map { TwiMLChildRule($0) },
            childCount: 1...Int.max),
        TwiMLElementSpec(
            "Stop", source: "Docs/Twilio.md#verbs Stop (nouns matched by name)",
            children: ["Stream", "Siprec", "Transcription"].map { TwiMLChildRule($0) }, childCount: 1...Int.max),
        TwiMLElementSpec(
            "Stream", source: "Docs/Twilio.md#verbs Connect and Start (Stream); Docs/Twilio.md#limits",
            attributes: streamAttributes(track: .mediaTrack, urlRequired: false), children: [parameters]),
        TwiMLElementSpec(
            "Siprec", source: "Docs/Twilio.md#verbs Start (Siprec)",
            attributes: [
                string("name"), string("connectorName"), TwiMLAttributeSpec("track", .mediaTrack),
                url("statusCallback"), method("statusCallbackMethod"),
            ],
            children: [parameters]),
        TwiMLElementSpec(
            "Transcription", source: "Docs/Twilio.md#schema (Transcription)",
            attributes: [
                string("name"), TwiMLAttributeSpec("track", .mediaTrack), url("statusCallbackUrl"),
                method("statusCallbackMethod"), TwiMLAttributeSpec("languageCode", .languageTag),
                string("transcriptionEngine"), string("speechModel"), boolean("profanityFilter"),
                boolean("partialResults"), string("hints"), boolean("enableAutomaticPunctuation"),
                string("intelligenceService"), string("inboundTrackLabel"), string("outboundTrackLabel"),
            ],
            children: [TwiMLChildRule("Config"), parameters]),
        TwiMLElementSpec(
            "Recording", source: "Docs/Twilio.md#verbs Start (Recording); Docs/Twilio.md#schema",
            attributes: [
                TwiMLAttributeSpec("channels", .enumeration(["mono", "dual"])),
                TwiMLAttributeSpec("track", .enumeration(["inbound", "outbound", "both"])),
                TwiMLAttributeSpec("trim", .trim),
            ] + recordingCallbacks + [string("recordingConfigurationId")]),
        TwiMLElementSpec(
            "Config", source: "Docs/Twilio.md#nesting (VirtualAgent, Transcription)",
            attributes: [TwiMLAttributeSpec("name", .nonEmptyString, required: true), string("value")]),
        TwiMLElementSpec(
            "Pay", source: "Docs/Twilio.md#verbs Pay; enumerations from the helper-library types (Docs/Twilio.md#schema)",
            attributes: [
                TwiMLAttributeSpec("input", .enumeration(["dtmf"]), default: "dtmf"),
                url("action"),
                url("statusCallback"),
                method("statusCallbackMethod"),
                TwiMLAttributeSpec("timeout", .positiveSeconds, default: "5"),
                TwiMLAttributeSpec("maxAttempts", .integer(1...Int.max, unit: .none)),
                boolean("securityCode"),
                string("postalCode"),
                TwiMLAttributeSpec("minPostalCodeLength", .count),
                string("paymentConnector"),
                TwiMLAttributeSpec(
                    "paymentMethod", .enumeration(["credit-card", "ach-debit"]), default: "credit-card"),
                TwiMLAttributeSpec(
                    "bankAccountType",
                    .enumeration(["consumer-checking", "consumer-savings", "commercial-checking", "commercial-savings"])
                ),
                TwiMLAttributeSpec("tokenType", .enumeration(["one-time", "reusable", "payment-method"])),
                TwiMLAttributeSpec("chargeAmount", .decimal),
                string("currency"),
                string("description"),
                TwiMLAttributeSpec("validCardTypes", .enumerationList(cardTypes)),
                TwiMLAttributeSpec("language", .languageTag),
            ],
            children: [TwiMLChildRule("Prompt"), parameters]),
        TwiMLElementSpec(
            "Prompt", source: "Docs/Twilio.md#verbs Pay (Prompt); enumerations from the helper-library types (Docs/Twilio.md#schema)",
            attributes: [
                TwiMLAttributeSpec(
                    "for",
                    .enumeration([
                        "payment-card-number", "expiration-date", "security-code", "postal-code", "payment-processing",
                        "bank-account-number", "bank-routing-number",
                    ])),
                TwiMLAttributeSpec(
                    "errorType",
                    .enumerationList([
                        "timeout", "invalid-card-number", "invalid-card-type", "invalid-date", "invalid-security-code",
                        "internal-error", "input-matching-failed",
                    ])),
                TwiMLAttributeSpec("cardType", .enumerationList(cardTypes)),
                string("attempt"),
                boolean("requireMatchingInputs"),
            ],
            children: [TwiMLChildRule("Say"), TwiMLChildRule("Play"), TwiMLChildRule("Pause")]),
    ]
}
