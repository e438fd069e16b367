import FlowDiagnostics

/// `operation KIND LEG (in ROOM | -> STEP) [during …]` (Grammar.md §9): something the application
/// does to a live call through Twilio's REST API.
public struct FlowOperation: Sendable, Hashable {
    /// How the operation acts on the leg.
    public enum Strategy: Sendable, Hashable {
        /// `in ROOM`: a Participant update (`Hold=true/false`); no TwiML changes (Docs/Twilio.md#participant-update).
        case conference(room: Spanned<String>)
        /// `-> STEP`: a Call update that moves the leg to that step (Docs/Twilio.md#call-update).
        case move(Spanned<StepID>)
    }

    public var kind: OperationKind
    /// The leg the operation acts on.
    public var leg: Spanned<String>
    public var strategy: Strategy
    /// Only while one of these steps runs may the application apply the operation; empty means
    /// whenever the leg is live.
    public var during: [Spanned<StepID>]
    /// The whole line.
    public var span: SourceSpan

    public init(
        kind: OperationKind, leg: Spanned<String>, strategy: Strategy, during: [Spanned<StepID>] = [],
        span: SourceSpan
    ) {
        self.kind = kind
        self.leg = leg
        self.strategy = strategy
        self.during = during
        self.span = span
    }

    /// `hold-caller`: kind and leg, unique in a flow (FLOW201). Stable, so manifests and
    /// applications can name the operation.
    public var key: String { FlowOperation.key(kind: kind, leg: leg.value) }

    public static func key(kind: OperationKind, leg: String) -> String { "\(kind.rawValue)-\(leg)" }
}
