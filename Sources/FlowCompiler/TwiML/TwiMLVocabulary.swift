/// The whole Programmable Voice TwiML vocabulary, encoded once as data.
///
/// Every element Twilio documents (and the few it deprecated or never documented, marked so that the
/// validator can refuse them) with its attributes, their types and defaults, its text rule and its
/// allowed children. The validator, the renderer (attribute order) and the continuation checker read
/// this table; none of them hard-codes an element's shape. Facts come from twiml-semantics.md §2.1
/// (nesting matrix), §2.2 (attributes, values, defaults), §5 (limits), §6.1/§6.2 (helper-library
/// introspection) and §8.1 (validity rules); each spec names its section in `source`.
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

    /// The spec of the document root, `<Response>` (§8.1 rule 1).
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

    /// A `GET`/`POST` attribute; Twilio's default is `POST` almost everywhere (§5 "HTTP method").
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

    /// `action` and `method`, the continuation pair of most verbs (§1.4).
    static let actionAndMethod = [url("action"), method()]

    /// `statusCallback` trio (URL, method, callback URL) shared by Dial's nouns (§2.2 Number, Client, Sip).
    static let callProgressCallbacks = [
        TwiMLAttributeSpec("statusCallbackEvent", .callProgressEvents, default: "completed"),
        url("statusCallback"),
        method("statusCallbackMethod"),
    ]

    /// Recording status callback trio (§2.2 Dial, Record, Conference).
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
            "Response", source: "§2.1, §8.1 rules 1 and 11",
            children: [
                "Say", "Play", "Pause", "Gather", "Record", "Dial", "Enqueue", "Leave", "Hangup", "Redirect",
                "Reject", "Refer", "Connect", "Start", "Stop", "Pay", "Sms", "Echo",
            ].map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "Say", source: "§2.2 Say", text: .optional(.anyString),
            attributes: [
                TwiMLAttributeSpec("voice", .voice, default: "man"),
                TwiMLAttributeSpec("language", .languageTag, default: "en-US"),
                TwiMLAttributeSpec("loop", .count, default: "1"),
            ],
            children: ssmlNames.map { TwiMLChildRule($0) }),
        TwiMLElementSpec(
            "Play", source: "§2.2 Play", text: .required(.url(allowsEmpty: false), unlessAttribute: "digits"),
            attributes: [
                TwiMLAttributeSpec("loop", .count, default: "1"),
                TwiMLAttributeSpec("digits", .dtmfSequence),
            ]),
        TwiMLElementSpec(
            "Pause", source: "§2.2 Pause",
            attributes: [TwiMLAttributeSpec("length", .positiveSeconds, default: "1")]),
        TwiMLElementSpec(
            "Gather", source: "§2.2 Gather",
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
            "Record", source: "§2.2 Record; §8.1 rule 7 (maxLength ≤ 14400 unless 24 h calls are enabled)",
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
        TwiMLElementSpec("Leave", source: "§2.2 Leave; §3.1 (Enqueue wait documents only)"),
        TwiMLElementSpec("Hangup", source: "§2.2 Hangup; §8.1 rule 4 (no children)"),
        TwiMLElementSpec(
            "Redirect", source: "§1.3", text: .optional(.url(allowsEmpty: true)),
            attributes: [method()]),
        TwiMLElementSpec(
            "Reject", source: "§2.2 Reject; §8.1 rule 4 (no children)",
            attributes: [TwiMLAttributeSpec("reason", .enumeration(["rejected", "busy"]), default: "rejected")]),
        TwiMLElementSpec(
            "Refer", source: "§2.2 Refer", attributes: actionAndMethod,
            children: [TwiMLChildRule("ReferSip", max: 1)], childCount: 1...1),
        TwiMLElementSpec("Sip", id: "ReferSip", source: "§2.2 Refer; §6.1 (ReferSip)", text: .required(.sipURI)),
        TwiMLElementSpec(
            "Sms", source: "§2.2 Sms (deprecated: do not generate)", text: .required(.nonEmptyString),
            attributes: [string("to"), string("from")] + actionAndMethod + [url("statusCallback")],
            support: .deprecated),
        TwiMLElementSpec("Echo", source: "§2.2 Echo (undocumented: do not generate)", support: .undocumented),
        TwiMLElementSpec(
            "Parameter", source: "§2.1; §5 (Stream parameters: name and value < 500 characters)",
            attributes: [
                TwiMLAttributeSpec("name", .string(length: 1...499, forbidden: ""), required: true),
                TwiMLAttributeSpec("value", .string(length: 0...499, forbidden: "")),
            ]),
    ]
}
