extension TwiMLVocabulary {
    /// Answering-machine-detection attributes shared by `<Number>` and `<Sip>` (Docs/Twilio.md#dial, Sip).
    static let machineDetection = [
        TwiMLAttributeSpec("machineDetection", .enumeration(["Enable", "DetectMessageEnd"])),
        TwiMLAttributeSpec("machineDetectionTimeout", .integer(3...60, unit: .seconds), default: "30"),
        TwiMLAttributeSpec(
            "machineDetectionSpeechThreshold", .integer(1000...6000, unit: .milliseconds), default: "2400"),
        TwiMLAttributeSpec(
            "machineDetectionSpeechEndThreshold", .integer(500...5000, unit: .milliseconds), default: "1200"),
        TwiMLAttributeSpec(
            "machineDetectionSilenceTimeout", .integer(2000...10000, unit: .milliseconds), default: "5000"),
        url("amdStatusCallback"),
        method("amdStatusCallbackMethod"),
    ]

    /// The endpoint nouns that ring in parallel; ten at most together (Docs/Twilio.md#nesting, Docs/Twilio.md#limits "parallel dial").
    static let dialEndpoints = ["Number", "Client", "Sip", "Sim", "Application", "WhatsApp"]

    /// Queue names are 1–64 characters (Docs/Twilio.md#enqueue, Docs/Twilio.md#limits; errors 14204/14205, 14212).
    static let queueName = TwiMLValueType.string(length: 1...64, forbidden: "")

    static let dialSpecs: [TwiMLElementSpec] = [
        TwiMLElementSpec(
            "Dial",
            source: "Docs/Twilio.md#dial, Docs/Twilio.md#nesting, Docs/Twilio.md#verbs (timeLimit capped at the 4 h default maximum)",
            text: .optional(.phoneNumber),
            attributes: actionAndMethod + [
                TwiMLAttributeSpec("timeout", .integer(5...600, unit: .seconds), default: "30"),
                TwiMLAttributeSpec("timeLimit", .integer(1...14400, unit: .seconds), default: "14400"),
                boolean("hangupOnStar", default: "false"),
                boolean("answerOnBridge", default: "false"),
                string("callerId"),
                TwiMLAttributeSpec("callReason", .string(length: 1...50, forbidden: ""), support: .docsOnly),
                TwiMLAttributeSpec(
                    "record",
                    .enumeration([
                        "do-not-record", "record-from-answer", "record-from-ringing", "record-from-answer-dual",
                        "record-from-ringing-dual", "true", "false",
                    ]), default: "do-not-record"),
            ] + recordingCallbacks + [
                TwiMLAttributeSpec("recordingTrack", .enumeration(["inbound", "outbound", "both"]), default: "both"),
                TwiMLAttributeSpec("trim", .trim, default: "do-not-trim"),
                TwiMLAttributeSpec(
                    "ringTone",
                    .enumeration([
                        "at", "au", "bg", "br", "be", "ch", "cl", "cn", "cz", "de", "dk", "ee", "es", "fi", "fr", "gr",
                        "hu", "il", "in", "it", "lt", "jp", "mx", "my", "nl", "no", "nz", "ph", "pl", "pt", "ru", "se",
                        "sg", "th", "uk", "us", "us-old", "tw", "ve", "za",
                    ])),
                boolean("sequential", default: "false"),
                url("referUrl"),
                method("referMethod"),
                string("recordingConfigurationId"),
                TwiMLAttributeSpec("events", .enumeration(["call-progress-event"]), support: .libraryOnly),
                string("passports", support: .libraryOnly),
            ],
            children: dialEndpoints.map { TwiMLChildRule($0, max: 10) } + [
                TwiMLChildRule("Conference", max: 1), TwiMLChildRule("Queue", max: 1),
            ],
            exclusiveGroups: [
                TwiMLChildGroup(label: "endpoint nouns", members: dialEndpoints, maxTotal: 10),
                TwiMLChildGroup(label: "a conference", members: ["Conference"], maxTotal: 1),
                TwiMLChildGroup(label: "a queue", members: ["Queue"], maxTotal: 1),
            ],
            textExcludesChildren: true, requiresTextOrChild: true),
        TwiMLElementSpec(
            "Number", source: "Docs/Twilio.md#dial", text: .required(.phoneNumber),
            attributes: [TwiMLAttributeSpec("sendDigits", .dtmfSequence), url("url"), method(), string("byoc")]
                + callProgressCallbacks + machineDetection),
        TwiMLElementSpec(
            "Client", source: "Docs/Twilio.md#dial, Docs/Twilio.md#limits (identity ≤ 256 characters)",
            text: .optional(.string(length: 1...256, forbidden: "")),
            attributes: [url("url"), method()] + callProgressCallbacks + [url("clientNotificationUrl")],
            children: [TwiMLChildRule("Identity", max: 1), parameters], requiresTextOrChild: true),
        TwiMLElementSpec(
            "Identity", source: "Docs/Twilio.md#dial, Docs/Twilio.md#limits", text: .required(.string(length: 1...256, forbidden: ""))),
        TwiMLElementSpec(
            "Sip", source: "Docs/Twilio.md#dial, Docs/Twilio.md#nesting (≤ 5 Uri in the old XSD)", text: .optional(.sipURI),
            attributes: [string("username"), string("password"), url("url"), method()] + callProgressCallbacks
                + machineDetection,
            children: [TwiMLChildRule("Uri", max: 5), TwiMLChildRule("Headers", max: 1)],
            requiresTextOrChild: true),
        TwiMLElementSpec(
            "Uri", source: "Docs/Twilio.md#dial", text: .required(.sipURI),
            attributes: [
                TwiMLAttributeSpec("priority", .count), TwiMLAttributeSpec("weight", .count),
                string("username"), string("password"),
            ]),
        TwiMLElementSpec(
            "Headers", source: "Docs/Twilio.md#dial", children: [TwiMLChildRule("Header")], childCount: 1...Int.max),
        TwiMLElementSpec(
            "Header", source: "Docs/Twilio.md#dial",
            attributes: [
                TwiMLAttributeSpec("name", .nonEmptyString, required: true),
                TwiMLAttributeSpec("value", .anyString, required: true),
            ]),
        TwiMLElementSpec("Sim", source: "Docs/Twilio.md#verbs Sim", text: .required(.nonEmptyString)),
        TwiMLElementSpec(
            "Application", source: "Docs/Twilio.md#verbs Application", text: .optional(.nonEmptyString),
            attributes: [url("url"), method()] + callProgressCallbacks + [
                string("customerId"), boolean("copyParentTo"),
            ],
            children: [TwiMLChildRule("ApplicationSid", max: 1), parameters], requiresTextOrChild: true),
        TwiMLElementSpec("ApplicationSid", source: "Docs/Twilio.md#verbs Application", text: .required(.nonEmptyString)),
        TwiMLElementSpec(
            "WhatsApp", source: "Docs/Twilio.md#verbs WhatsApp", text: .required(.phoneNumber),
            attributes: [url("url"), method()] + callProgressCallbacks),
        TwiMLElementSpec(
            "Conference", source: "Docs/Twilio.md#conference, Docs/Twilio.md#limits (room name ≤ 128 like the REST friendly name)",
            text: .required(.string(length: 1...128, forbidden: "")),
            attributes: [
                boolean("muted", default: "false"),
                TwiMLAttributeSpec("beep", .enumeration(["true", "false", "onEnter", "onExit"]), default: "true"),
                boolean("startConferenceOnEnter", default: "true"),
                boolean("endConferenceOnExit", default: "false"),
                TwiMLAttributeSpec("participantLabel", .string(length: 1...128, forbidden: "/")),
                TwiMLAttributeSpec(
                    "jitterBufferSize", .enumeration(["small", "medium", "large", "off"]), default: "large"),
                url("waitUrl", allowsEmpty: true),
                method("waitMethod"),
                TwiMLAttributeSpec("maxParticipants", .integer(1...250, unit: .none), default: "250"),
                TwiMLAttributeSpec(
                    "record", .enumeration(["do-not-record", "record-from-start"]), default: "do-not-record"),
                TwiMLAttributeSpec("region", .enumeration(["us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1"])),
                TwiMLAttributeSpec("trim", .trim, default: "trim-silence"),
                string("coach"),
                TwiMLAttributeSpec(
                    "statusCallbackEvent",
                    .enumerationList([
                        "start", "end", "join", "leave", "mute", "hold", "modify", "speaker", "announcement",
                    ])),
                url("statusCallback"),
                method("statusCallbackMethod"),
            ] + recordingCallbacks + [
                url("eventCallbackUrl", support: .deprecated),
                string("recordingConfigurationId"),
            ]),
        TwiMLElementSpec(
            "Queue", source: "Docs/Twilio.md#queue, Docs/Twilio.md#error-codes (14212 name length)", text: .required(queueName),
            attributes: [url("url"), method(), string("reservationSid"), string("postWorkActivitySid")]),
        TwiMLElementSpec(
            "Enqueue", source: "Docs/Twilio.md#enqueue", text: .required(queueName, unlessAttribute: "workflowSid"),
            attributes: actionAndMethod + [
                url("waitUrl", allowsEmpty: true),
                method("waitUrlMethod"),
                string("workflowSid"),
                TwiMLAttributeSpec("maxQueueSize", .integer(1...5000, unit: .none), support: .libraryOnly),
            ],
            children: [TwiMLChildRule("Task", max: 1)]),
        TwiMLElementSpec(
            "Task", source: "Docs/Twilio.md#enqueue (Task)", text: .required(.jsonObject),
            attributes: [TwiMLAttributeSpec("priority", .count), TwiMLAttributeSpec("timeout", .positiveSeconds)]),
    ]
}
