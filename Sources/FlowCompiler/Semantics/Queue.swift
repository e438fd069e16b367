import FlowDiagnostics

/// `queue NAME …` (Grammar.md §6): a Twilio queue that legs `enqueue` into and `dial queue` empties.
public struct Queue: Sendable, Hashable {
    /// The identifier used in the flow.
    public var name: String
    public var nameSpan: SourceSpan
    /// The queue name sent to Twilio: the `name` option, or the identifier (at its span) by default.
    /// 1–64 characters (Docs/Twilio.md#limits).
    public var twilioName: Spanned<String>
    /// `max_size`, 1–5000; `nil` leaves Twilio's default.
    public var maxSize: Spanned<Int>?
    /// What a waiting leg hears (the Enqueue `waitUrl` document).
    public var wait: SpecialDocument?
    /// What the waiting leg hears just before it is bridged (the Queue `url` document).
    public var whisper: SpecialDocument?
    /// The header line.
    public var span: SourceSpan

    public init(
        name: String, nameSpan: SourceSpan, twilioName: Spanned<String>, maxSize: Spanned<Int>? = nil,
        wait: SpecialDocument? = nil, whisper: SpecialDocument? = nil, span: SourceSpan
    ) {
        self.name = name
        self.nameSpan = nameSpan
        self.twilioName = twilioName
        self.maxSize = maxSize
        self.wait = wait
        self.whisper = whisper
        self.span = span
    }
}
