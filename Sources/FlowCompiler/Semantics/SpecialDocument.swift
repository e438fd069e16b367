import FlowDiagnostics

/// A `wait`, `hold` or `whisper` document of a queue, room or dialed leg (Grammar.md §6, §7).
///
/// Twilio runs these in restricted contexts (Docs/Twilio.md#restricted-contexts): the resolver has already
/// checked that `verbs` holds only what the context allows (FLOW209) and no step reference.
/// What happens at the end differs by context (queue wait loops by itself, room documents need an
/// explicit loop, whisper documents bridge); lowering decides that from `kind` and the owner.
public struct SpecialDocument: Sendable, Hashable {
    public var kind: DocumentKind
    /// For the one-line asset form (`wait music`), a single `play` of that asset.
    public var verbs: [Verb]
    /// The asset of the one-line form, `nil` for a block of verbs.
    public var asset: Spanned<String>?
    /// The header line (`wait`, `wait music`).
    public var span: SourceSpan

    public init(kind: DocumentKind, verbs: [Verb], asset: Spanned<String>? = nil, span: SourceSpan) {
        self.kind = kind
        self.verbs = verbs
        self.asset = asset
        self.span = span
    }

    /// Whether the document was written as one asset name (`wait music`), which plays it looped.
    public var isAssetForm: Bool { asset != nil }
}
