import FlowDiagnostics

/// `leg NAME ROLE` (Grammar.md §7): one call, one Twilio Call resource.
public struct Leg: Sendable, Hashable {
    public var name: String
    public var nameSpan: SourceSpan
    public var role: LegRole
    /// In source order; the first is where an `entry` or `outbound` leg starts. Entry and outbound
    /// legs have at least one (FLOW217); a dialed leg's steps are only where operations move it.
    public var steps: [Step]
    /// What a dialed leg hears before it is bridged (the `<Number url>` document); dialed legs only.
    public var whisper: SpecialDocument?
    /// The header line.
    public var span: SourceSpan

    public init(
        name: String, nameSpan: SourceSpan, role: LegRole, steps: [Step] = [], whisper: SpecialDocument? = nil,
        span: SourceSpan
    ) {
        self.name = name
        self.nameSpan = nameSpan
        self.role = role
        self.steps = steps
        self.whisper = whisper
        self.span = span
    }

    /// Where the leg starts: the URL set on the phone number (entry) or passed to Calls create (outbound).
    public var startStep: Step? { steps.first }

    public func step(named name: String) -> Step? { steps.first { $0.name == name } }
}
