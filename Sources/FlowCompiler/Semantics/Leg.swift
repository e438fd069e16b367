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
    /// The cases of the leg's first request (`on from …`, `on to …`, `on answered_by …`), in source order:
    /// where a router sends the leg instead of its first step (Grammar.md §7).
    public var entryCases: [BranchCase]
    /// The header line.
    public var span: SourceSpan

    public init(
        name: String, nameSpan: SourceSpan, role: LegRole, steps: [Step] = [], whisper: SpecialDocument? = nil,
        entryCases: [BranchCase] = [], span: SourceSpan
    ) {
        self.entryCases = entryCases
        self.name = name
        self.nameSpan = nameSpan
        self.role = role
        self.steps = steps
        self.whisper = whisper
        self.span = span
    }

    /// Where the leg starts: the URL set on the phone number (entry) or passed to Calls create (outbound).
    public var startStep: Step? { steps.first }

    /// Answering machine detection, when a case names `AnsweredBy`: `Enable` (Twilio reports as soon as it
    /// knows: `human`, `machine_start`, `fax`, `unknown`), or `DetectMessageEnd` when a case waits for the
    /// end of a machine's greeting (`machine_end_…`) (Docs/Twilio.md#answering-machine-detection).
    public var machineDetection: String? {
        let values = entryCases.filter { $0.parameter == .answeredBy }.flatMap(\.matchedValues)
        guard !values.isEmpty else { return nil }
        return values.contains { $0.hasPrefix("machine_end_") } ? "DetectMessageEnd" : "Enable"
    }

    public func step(named name: String) -> Step? { steps.first { $0.name == name } }
}
