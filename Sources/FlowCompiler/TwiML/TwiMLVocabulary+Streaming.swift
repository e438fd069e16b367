extension TwiMLVocabulary {
    /// The nouns of `<Connect>`, of which it holds exactly one (§2.1).
    static let connectNouns = [
        "ConnectStream", "Room", "VirtualAgent", "ConversationRelay", "Conversation", "AiSession",
        "ConversationRelaySession", "Assistant", "Autopilot",
    ]

    /// Media stream attributes; only `track` differs between `<Connect>` and `<Start>` (§2.2 Connect).
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

    /// Payment card brands of `<Pay validCardTypes>` and `<Prompt cardType>` (helper-library enums, §6.2).
    private static let cardTypes = [
        "visa", "mastercard", "amex", "maestro", "discover", "optima", "jcb", "diners-club", "enroute",
    ]

    static let streamingSpecs: [TwiMLElementSpec] = [
        TwiMLElementSpec(
            "Connect", source: "§2.2 Connect; §2.1 (exactly one noun)", attributes: actionAndMethod,
            children: connectNouns.map { TwiMLChildRule($0, max: 1) }, childCount: 1...1),
        TwiMLElementSpec(
            "Stream", id: "ConnectStream", source: "§2.2 Connect (Stream: wss only, inbound_track only); §5",
            attributes: streamAttributes(track: .enumeration(["inbound_track"]), urlRequired: true),
            children: [parameters]),
        TwiMLElementSpec(
            "Room", source: "§2.2 Connect (Room)", text: .required(.nonEmptyString),
            attributes: [string("participantIdentity")]),
        TwiMLElementSpec(
            "VirtualAgent", source: "§2.2 Connect (VirtualAgent); §6.2",
            attributes: [
                string("connectorName"), TwiMLAttributeSpec("language", .languageTag), boolean("sentimentAnalysis"),
                url("statusCallback"), method("statusCallbackMethod"),
            ],
            children: [TwiMLChildRule("Config"), parameters]),
        TwiMLElementSpec(
            "ConversationRelay", source: "§2.2 Connect (ConversationRelay)",
            attributes: [
                TwiMLAttributeSpec("url", .webSocketURL, required: true),
                TwiMLAttributeSpec("language", .languageTag), TwiMLAttributeSpec("ttsLanguage", .languageTag),
                TwiMLAttributeSpec("transcriptionLanguage", .languageTag), string("ttsProvider"), string("voice"),
                string("transcriptionProvider"), string("speechModel"), string("welcomeGreeting"),
                string("interruptible"), boolean("dtmfDetection"),
            ],
            children: [TwiMLChildRule("Language"), parameters]),
        TwiMLElementSpec(
            "Language", source: "§2.1 (ConversationRelay Language)",
            attributes: [
                TwiMLAttributeSpec("code", .languageTag, required: true), string("ttsProvider"), string("voice"),
                string("transcriptionProvider"), string("speechModel"),
            ]),
        TwiMLElementSpec(
            "Conversation", source: "§2.1 (Flex/Conversations); §6.1",
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
        TwiMLElementSpec("AiSession", source: "§2.1 (attributes not in the reference: none accepted)"),
        TwiMLElementSpec(
            "ConversationRelaySession", source: "§2.1 (attributes not in the reference: none accepted)"),
        TwiMLElementSpec(
            "Assistant", source: "§2.1 (twilio-node only; attributes not in the reference)",
            children: [parameters], support: .libraryOnly),
        TwiMLElementSpec(
            "Autopilot", source: "§2.1 (retired product)", text: .optional(.anyString), support: .retired),
        TwiMLElementSpec(
            "Start", source: "§2.2 Start; §3.2 (14300 invalid nested noun)", attributes: actionAndMethod,
            children: ["Stream", "Siprec", "Transcription", "Recording"].map { TwiMLChildRule($0) },
            childCount: 1...Int.max),
        TwiMLElementSpec(
            "Stop", source: "§2.2 Stop (nouns matched by name)",
            children: ["Stream", "Siprec", "Transcription"].map { TwiMLChildRule($0) }, childCount: 1...Int.max),
        TwiMLElementSpec(
            "Stream", source: "§2.2 Connect and Start (Stream); §5",
            attributes: streamAttributes(track: .mediaTrack, urlRequired: false), children: [parameters]),
        TwiMLElementSpec(
            "Siprec", source: "§2.2 Start (Siprec)",
            attributes: [
                string("name"), string("connectorName"), TwiMLAttributeSpec("track", .mediaTrack),
                url("statusCallback"), method("statusCallbackMethod"),
            ],
            children: [parameters]),
        TwiMLElementSpec(
            "Transcription", source: "§6.2 (Transcription)",
            attributes: [
                string("name"), TwiMLAttributeSpec("track", .mediaTrack), url("statusCallbackUrl"),
                method("statusCallbackMethod"), TwiMLAttributeSpec("languageCode", .languageTag),
                string("transcriptionEngine"), string("speechModel"), boolean("profanityFilter"),
                boolean("partialResults"), string("hints"), boolean("enableAutomaticPunctuation"),
                string("intelligenceService"), string("inboundTrackLabel"), string("outboundTrackLabel"),
            ],
            children: [TwiMLChildRule("Config"), parameters]),
        TwiMLElementSpec(
            "Recording", source: "§2.2 Start (Recording); §6.2",
            attributes: [
                TwiMLAttributeSpec("channels", .enumeration(["mono", "dual"])),
                TwiMLAttributeSpec("track", .enumeration(["inbound", "outbound", "both"])),
                TwiMLAttributeSpec("trim", .trim),
            ] + recordingCallbacks + [string("recordingConfigurationId")]),
        TwiMLElementSpec(
            "Config", source: "§2.1 (VirtualAgent, Transcription)",
            attributes: [TwiMLAttributeSpec("name", .nonEmptyString, required: true), string("value")]),
        TwiMLElementSpec(
            "Pay", source: "§2.2 Pay; enumerations from the helper-library types (§6.2)",
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
            "Prompt", source: "§2.2 Pay (Prompt); enumerations from the helper-library types (§6.2)",
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
