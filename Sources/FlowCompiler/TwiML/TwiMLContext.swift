/// What Twilio does when the interpreter reaches `</Response>` with no verb left (§1.2).
public enum TwiMLEndOfDocument: String, Sendable, Hashable, CaseIterable {
    /// The leg is hung up: fall-off (§1.2, §8.4 rule 25).
    case hangUp
    /// The same URL is requested again and run from the top (Enqueue `waitUrl`, §1.2).
    case reRequest
    /// Silence until something else happens (Conference `waitUrl` before the room starts, §1.2).
    case silence
    /// The two parties are bridged (whisper and Queue `url` documents, §1.2).
    case bridge
    /// Not documented (Participant `HoldUrl`/`AnnounceUrl`, §3.1): the document must loop explicitly
    /// with `<Redirect/>` (§8.3 rule 20), so the checker treats reaching the end as a finding.
    case undocumented
}

/// The kind of document a TwiML file is, decided by who requests it (§3.1).
///
/// Each context restricts the verbs `<Response>` may hold (§8.3 rules 19–23) and gives the end of the
/// document its own meaning. A document has exactly one context (§8.3 rule 24).
public enum TwiMLContext: String, Sendable, Hashable, CaseIterable {
    /// A call's ordinary document: a webhook, an `action`, a `<Redirect>` target.
    case normal
    /// The `<Enqueue waitUrl>` document, run for the queued caller (§3.1, rule 19).
    case enqueueWait
    /// The `<Conference waitUrl>` document, run before the room starts (§3.1, rule 20).
    case conferenceWait
    /// A Participant `HoldUrl` or an `AnnounceUrl` document (§3.1, rule 20).
    case hold
    /// The `url` of `<Number>`, `<Client>`, `<Sip>`, `<Application>` or `<WhatsApp>`, run on the called
    /// party before the bridge (§3.1, rule 21).
    case whisper
    /// The `<Queue url>` document, run for the dequeued caller before the bridge (§3.1, rule 22).
    case queueWhisper

    /// The verbs `<Response>` may hold in this context, by XML name.
    ///
    /// In a normal document every generatable verb except `<Leave>`, which belongs to Enqueue wait
    /// documents only (§8.3 rule 23).
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
    /// In an Enqueue wait document Gather takes `dtmf` or `speech` (§3.1, §8.3 rule 19).
    public var allowedGatherInputs: [String]? {
        self == .enqueueWait ? ["dtmf", "speech"] : nil
    }

    /// What reaching the end of the document means (§1.2, §3.1); the continuation checker reads this.
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
