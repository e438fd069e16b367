/// What Twilio does when the interpreter reaches `</Response>` with no verb left (Docs/Twilio.md#end-of-document).
public enum TwiMLEndOfDocument: String, Sendable, Hashable, CaseIterable {
    /// The leg is hung up: fall-off (Docs/Twilio.md#end-of-document).
    case hangUp
    /// The same URL is requested again and run from the top (Enqueue `waitUrl`, Docs/Twilio.md#end-of-document).
    case reRequest
    /// Silence until something else happens (Conference `waitUrl` before the room starts, Docs/Twilio.md#end-of-document).
    case silence
    /// The two parties are bridged (whisper and Queue `url` documents, Docs/Twilio.md#end-of-document).
    case bridge
    /// Not documented (Participant `HoldUrl`/`AnnounceUrl`, Docs/Twilio.md#restricted-contexts): the document must loop explicitly
    /// with `<Redirect/>` (Docs/Twilio.md#restricted-contexts), so the checker treats reaching the end as a finding.
    case undocumented
}

/// The kind of document a TwiML file is, decided by who requests it (Docs/Twilio.md#restricted-contexts).
///
/// Each context restricts the verbs `<Response>` may hold (Docs/Twilio.md#restricted-contexts, Docs/Twilio.md#leave) and gives the end of the
/// document its own meaning. A document has exactly one context (Docs/Twilio.md#restricted-contexts).
public enum TwiMLContext: String, Sendable, Hashable, CaseIterable {
    /// A call's ordinary document: a webhook, an `action`, a `<Redirect>` target.
    case normal
    /// The `<Enqueue waitUrl>` document, run for the queued caller (Docs/Twilio.md#restricted-contexts, rule 19).
    case enqueueWait
    /// The `<Conference waitUrl>` document, run before the room starts (Docs/Twilio.md#restricted-contexts, rule 20).
    case conferenceWait
    /// A Participant `HoldUrl` or an `AnnounceUrl` document (Docs/Twilio.md#restricted-contexts, rule 20).
    case hold
    /// The `url` of `<Number>`, `<Client>`, `<Sip>`, `<Application>` or `<WhatsApp>`, run on the called
    /// party before the bridge (Docs/Twilio.md#restricted-contexts, rule 21).
    case whisper
    /// The `<Queue url>` document, run for the dequeued caller before the bridge (Docs/Twilio.md#restricted-contexts, rule 22).
    case queueWhisper

    /// The verbs `<Response>` may hold in this context, by XML name.
    ///
    /// In a normal document every generatable verb except `<Leave>`, which belongs to Enqueue wait
    /// documents only (Docs/Twilio.md#leave).
    public var allowedVerbs: [String] {
        switch self {
        case .normal:
            [
                "Say", "Play", "Pause", "Gather", "Record", "Dial", "Enqueue", "Hangup", "Redirect", "Reject", "Refer",
                "Connect", "Start", "Stop", "Pay",
            ]
        case .enqueueWait: ["Play", "Say", "Pause", "Hangup", "Redirect", "Leave", "Gather"]
        case .conferenceWait, .hold, .queueWhisper: ["Play", "Say", "Pause", "Redirect"]
        case .whisper: ["Play", "Say", "Gather", "Hangup"]
        }
    }

    /// The values `<Gather input>` may take here, or `nil` when any valid value is fine.
    /// In an Enqueue wait document Gather takes `dtmf` or `speech` (Docs/Twilio.md#restricted-contexts).
    public var allowedGatherInputs: [String]? {
        self == .enqueueWait ? ["dtmf", "speech"] : nil
    }

    /// What reaching the end of the document means (Docs/Twilio.md#end-of-document, Docs/Twilio.md#restricted-contexts); the continuation checker reads this.
    public var endOfDocument: TwiMLEndOfDocument {
        switch self {
        case .normal: .hangUp
        case .enqueueWait: .reRequest
        case .conferenceWait: .silence
        case .hold: .undocumented
        case .whisper, .queueWhisper: .bridge
        }
    }

    /// How the context is named in messages.
    public var displayName: String {
        switch self {
        case .normal: "a normal document"
        case .enqueueWait: "an enqueue wait document"
        case .conferenceWait: "a conference wait document"
        case .hold: "a hold or announce document"
        case .whisper: "a whisper document"
        case .queueWhisper: "a queue whisper document"
        }
    }
}
