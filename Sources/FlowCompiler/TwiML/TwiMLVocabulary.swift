/// The whole Programmable Voice TwiML vocabulary, encoded once as data.
///
/// Every element Twilio documents (and the few it deprecated or never documented, marked so that the
/// validator can refuse them) with its attributes, their types and defaults, its text rule and its
/// allowed children. The validator, the renderer (attribute order) and the continuation checker read
/// this table; none of them hard-codes an element's shape. Facts come from Docs/Twilio.md#nesting
/// (nesting matrix), Docs/Twilio.md#verbs (attributes, values, defaults), Docs/Twilio.md#limits (limits), Docs/Twilio.md#schema (helper-library
/// introspection) and Docs/Twilio.md#document-validity (validity rules); each spec names its section in `source`.
///
/// The table is split by area: this file (root and core verbs), `+Dial` (Dial and its nouns, Enqueue),
/// `+Streaming` (Connect, Start, Stop, Pay), `+SSML` (Say's SSML children).
public enum TwiMLVocabulary {
    /// Every element spec, unique by `id`.
    public static let specs: [TwiMLElementSpec] = coreSpecs + dialSpecs + streamingSpecs + ssmlSpecs

    private static let byID: [String: TwiMLElementSpec] = {
        var table: [String: TwiMLElementSpec] = [:]
        for spec in specs where table[spec.id] == nil { table[spec.id] = spec }
        return table
    }()

    /// The spec of the document root, `<Response>` (Docs/Twilio.md#document-validity).
    public static var root: TwiMLElementSpec { byID["Response"] ?? specs[0] }

    /// The spec with the given id.
    public static func spec(id: String) -> TwiMLElementSpec? { byID[id] }

    /// The spec for a child named `name` of an element described by `parent`, or `nil` when `parent`
    /// does not accept such a child.
    public static func childSpec(named name: String, in parent: TwiMLElementSpec) -> TwiMLElementSpec? {
        for rule in parent.children {
            if let spec = byID[rule.specID], spec.name == name { return spec }
        }
        return nil
    }

    /// The child rule of `parent` for the child spec `id`.
    public static func childRule(for id: String, in parent: TwiMLElementSpec) -> TwiMLChildRule? {
        parent.children.first { $0.specID == id }
    }

    /// Whether any element in the vocabulary has this XML name.
    public static func isKnownElementName(_ name: String) -> Bool {
        specs.contains { $0.name == name }
    }

    /// The XML names of the verbs `<Response>` accepts, in table order.
    public static var verbNames: [String] {
        root.children.compactMap { byID[$0.specID]?.name }
    }

    // MARK: - Attribute building blocks

    /// An `action`-style URL attribute.
    static func url(_ name: String, allowsEmpty: Bool = false, support: TwiMLSupport = .documented)
        -> TwiMLAttributeSpec
    {
        TwiMLAttributeSpec(name, .url(allowsEmpty: allowsEmpty), support: support)
    }

    /// A `GET`/`POST` attribute; Twilio's default is `POST` almost everywhere (Docs/Twilio.md#urls-and-methods).
    static func method(_ name: String = "method", default value: String? = "POST") -> TwiMLAttributeSpec {
        TwiMLAttributeSpec(name, .httpMethod, default: value)
    }

    /// A free-text attribute.
    static func string(_ name: String, support: TwiMLSupport = .documented) -> TwiMLAttributeSpec {
        TwiMLAttributeSpec(name, .anyString, support: support)
    }

    /// A boolean attribute.
    static func boolean(_ name: String, default value: String? = nil) -> TwiMLAttributeSpec {
        TwiMLAttributeSpec(name, .boolean, default: value)
    }

    /// `action` and `method`, the continuation pair of most verbs (Docs/Twilio.md#action-continuations).
    static let actionAndMethod = [url("action"), method()]

    /// `statusCallback` trio (URL, method, callback URL) shared by Dial's nouns (Docs/Twilio.md#dial).
    static let callProgressCallbacks = [
        TwiMLAttributeSpec("statusCallbackEvent", .callProgressEvents, default: "completed"),
        url("statusCallback"),
        method("statusCallbackMethod"),
    ]

    /// Recording status callback trio (Docs/Twilio.md#dial, Record, Conference).
    static let recordingCallbacks = [
        url("recordingStatusCallback"),
        method("recordingStatusCallbackMethod"),
        TwiMLAttributeSpec("recordingStatusCallbackEvent", .recordingEvents, default: "completed"),
    ]

    /// A `Parameter` child, unlimited.
    static let parameters = TwiMLChildRule("Parameter")

    // MARK: - Root and core verbs

    private static let coreSpecs: [TwiMLElementSpec] = [
        TwiMLElementSpec(
            "Response", source: "Docs/Twilio.md#nesting, Docs/Twilio.md#document-validity, Docs/Twilio.md#schema",
            children: [
                "Say", "Play", "Pause", "Gather", "Record", "Dial", "Enqueue", "Leave", "Hangup", "Redirect",
                "Reject", "Refer", "Connect", "Start", "Stop", "Pay", "Sms", "Echo",
            ].map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "Say", source: "Docs/Twilio.md#say", text: .optional(.anyString),
            attributes: [
                TwiMLAttributeSpec("voice", .voice, default: "man"),
                TwiMLAttributeSpec("language", .languageTag, default: "en-US"),
                TwiMLAttributeSpec("loop", .count, default: "1"),
            ],
            children: ssmlNames.map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "Play", source: "Docs/Twilio.md#play", text: .required(.url(allowsEmpty: false), unlessAttribute: "digits"),
            attributes: [
                TwiMLAttributeSpec("loop", .count, default: "1"),
                TwiMLAttributeSpec("digits", .dtmfSequence),
            ]),
        TwiMLElementSpec(
            "Pause", source: "Docs/Twilio.md#pause",
            attributes: [TwiMLAttributeSpec("length", .positiveSeconds, default: "1")]),
        TwiMLElementSpec(
            "Gather", source: "Docs/Twilio.md#gather",
            attributes: actionAndMethod + [
                boolean("actionOnEmptyResult", default: "false"),
                TwiMLAttributeSpec("input", .enumerationList(["dtmf", "speech"]), default: "dtmf"),
                TwiMLAttributeSpec("timeout", .integer(0...Int.max, unit: .seconds), default: "5"),
                TwiMLAttributeSpec("speechTimeout", .integerOrKeyword(0...Int.max, keywords: ["auto"])),
                TwiMLAttributeSpec("maxSpeechTime", .positiveSeconds),
                TwiMLAttributeSpec(
                    "finishOnKey", .keys(allowed: "0123456789#*", maxLength: 1, allowsEmpty: true), default: "#"),
                TwiMLAttributeSpec("numDigits", .integer(1...Int.max, unit: .none)),
                string("hints"),
                TwiMLAttributeSpec("language", .languageTag, default: "en-US"),
                string("speechModel"),
                boolean("enhanced", default: "false"),
                boolean("profanityFilter", default: "true"),
                boolean("bargeIn", default: "true"),
                url("partialResultCallback"),
                method("partialResultCallbackMethod"),
                boolean("debug", default: "false"),
            ],
            children: [TwiMLChildRule("Say"), TwiMLChildRule("Play"), TwiMLChildRule("Pause")]),
        TwiMLElementSpec(
            "Record", source: "Docs/Twilio.md#record, Docs/Twilio.md#verbs (maxLength ≤ 14400 unless 24 h calls are enabled)",
            attributes: actionAndMethod + [
                TwiMLAttributeSpec("timeout", .integer(0...Int.max, unit: .seconds), default: "5"),
                TwiMLAttributeSpec(
                    "finishOnKey", .keys(allowed: "0123456789#*", maxLength: 12, allowsEmpty: false),
                    default: "1234567890*#"),
                TwiMLAttributeSpec("maxLength", .integer(1...14400, unit: .seconds), default: "3600"),
                boolean("playBeep", default: "true"),
                TwiMLAttributeSpec("trim", .trim, default: "trim-silence"),
            ] + recordingCallbacks + [
                boolean("transcribe", default: "false"),
                url("transcribeCallback"),
                string("recordingConfigurationId"),
            ]),
        TwiMLElementSpec("Leave", source: "Docs/Twilio.md#leave, Docs/Twilio.md#restricted-contexts (Enqueue wait documents only)"),
        TwiMLElementSpec("Hangup", source: "Docs/Twilio.md#hangup-reject, Docs/Twilio.md#nesting (no children)"),
        TwiMLElementSpec(
            "Redirect", source: "Docs/Twilio.md#redirect", text: .optional(.url(allowsEmpty: true)),
            attributes: [method()]),
        TwiMLElementSpec(
            "Reject", source: "Docs/Twilio.md#hangup-reject, Docs/Twilio.md#nesting (no children)",
            attributes: [TwiMLAttributeSpec("reason", .enumeration(["rejected", "busy"]), default: "rejected")]),
        TwiMLElementSpec(
            "Refer", source: "Docs/Twilio.md#verbs Refer", attributes: actionAndMethod,
            children: [TwiMLChildRule("ReferSip", max: 1)], childCount: 1...1),
        TwiMLElementSpec("Sip", id: "ReferSip", source: "Docs/Twilio.md#verbs Refer; Docs/Twilio.md#schema (ReferSip)", text: .required(.sipURI)),
        TwiMLElementSpec(
            "Sms", source: "Docs/Twilio.md#verbs Sms (deprecated: do not generate)", text: .required(.nonEmptyString),
            attributes: [string("to"), string("from")] + actionAndMethod + [url("statusCallback")],
            support: .deprecated),
        TwiMLElementSpec("Echo", source: "Docs/Twilio.md#verbs Echo (undocumented: do not generate)", support: .undocumented),
        TwiMLElementSpec(
            "Parameter", source: "Docs/Twilio.md#nesting, Docs/Twilio.md#limits (Stream parameters: name and value < 500 characters)",
            attributes: [
                TwiMLAttributeSpec("name", .string(length: 1...499, forbidden: ""), required: true),
                TwiMLAttributeSpec("value", .string(length: 0...499, forbidden: "")),
            ]),
    ]
}
