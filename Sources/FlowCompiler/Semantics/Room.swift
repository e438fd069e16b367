import FlowDiagnostics

/// `room NAME …` (Grammar.md §6): a conference room that legs `join`.
public struct Room: Sendable, Hashable {
    public var name: String
    public var nameSpan: SourceSpan
    /// The conference name sent to Twilio: the `name` option, or the identifier (at its span).
    public var twilioName: Spanned<String>
    /// The `shared` flag as written. A room that is not shared still gets one static name, so every
    /// call would meet in it; the resolver warns (FLOW223) and the manifest says how to make one per call.
    public var shared: Spanned<Bool>?
    /// `max_participants`, 1–250.
    public var maxParticipants: Spanned<Int>?
    /// What a participant hears until the conference starts (`waitUrl`).
    public var wait: SpecialDocument?
    /// What a participant hears while the application holds it (`HoldUrl`); required by
    /// `operation hold LEG in ROOM` (FLOW218).
    public var hold: SpecialDocument?
    /// The header line.
    public var span: SourceSpan

    public init(
        name: String, nameSpan: SourceSpan, twilioName: Spanned<String>, shared: Spanned<Bool>? = nil,
        maxParticipants: Spanned<Int>? = nil, wait: SpecialDocument? = nil, hold: SpecialDocument? = nil,
        span: SourceSpan
    ) {
        self.name = name
        self.nameSpan = nameSpan
        self.twilioName = twilioName
        self.shared = shared
        self.maxParticipants = maxParticipants
        self.wait = wait
        self.hold = hold
        self.span = span
    }

    /// Whether every call is meant to meet in this one room.
    public var isShared: Bool { shared?.value ?? false }
}
