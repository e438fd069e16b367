import FlowDiagnostics

/// `step NAME` (Grammar.md §8): one TwiML document, its verbs run top to bottom.
public struct Step: Sendable, Hashable {
    public var id: StepID
    public var nameSpan: SourceSpan
    public var verbs: [Verb]
    /// `false` when a line of the step could not be parsed or a verb was left out because a name in
    /// it did not resolve. Such a step is not what the author wrote, so later stages should not
    /// report findings (fall-off, dead ends) that may only follow from the missing part.
    public var isComplete: Bool
    /// The header line.
    public var span: SourceSpan

    public init(id: StepID, nameSpan: SourceSpan, verbs: [Verb], isComplete: Bool = true, span: SourceSpan) {
        self.id = id
        self.nameSpan = nameSpan
        self.verbs = verbs
        self.isComplete = isComplete
        self.span = span
    }

    public var name: String { id.step }
    public var leg: String { id.leg }
}
