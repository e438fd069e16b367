import FlowDiagnostics

// The resolved semantic model: what code generation (TwiML lowering, route manifest) and the
// continuation checker read instead of the syntax tree.
//
// Invariants (when `ResolveResult.diagnostics` holds no error):
// - Every name is resolved: each `StepID` names a step that `Flow.step(_:)` finds, each asset, queue,
//   room and leg name is declared in its flow.
// - Every option is checked against `OptionTable` and stored as a typed value with the span of the
//   option as written, so later stages can point at the exact option when Twilio sets a limit.
// - Order is deterministic: flows sorted by name, everything else in source order.
// When there are errors, the model still holds everything that resolved; a verb with an unresolved
// reference is left out and its step is marked `isComplete == false`, so later stages can skip it
// instead of reporting consequences of an error already reported.

/// A value of the model and the span of the source text it was resolved from.
public struct Spanned<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var span: SourceSpan

    public init(_ value: Value, at span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// Names one step of one leg. Names, not indices: stable across edits elsewhere in the file and
/// readable in tests, manifests and counterexample paths.
public struct StepID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var leg: String
    public var step: String

    public init(leg: String, step: String) {
        self.leg = leg
        self.step = step
    }

    /// `leg.step`, the spelling of a step reference in Grammar.md §9.
    public var description: String { "\(leg).\(step)" }

    public static func < (lhs: StepID, rhs: StepID) -> Bool {
        (lhs.leg, lhs.step) < (rhs.leg, rhs.step)
    }
}

/// Where a leg goes when a verb with a `then` clause is done (Grammar.md §8).
public enum Continuation: Sendable, Hashable {
    /// `then -> step`: a step of the same leg.
    case step(StepID)
    /// `then hangup`: the leg ends there, on purpose.
    case hangup
}

/// Every flow of one compilation.
public struct FlowProgram: Sendable, Hashable {
    /// Sorted by name; names are unique (FLOW201).
    public var flows: [Flow]

    public init(flows: [Flow]) {
        self.flows = flows
    }

    public func flow(named name: String) -> Flow? {
        flows.first { $0.name == name }
    }
}

/// One `flow` block (Grammar.md §2), resolved.
public struct Flow: Sendable, Hashable {
    public var name: String
    /// The span of the flow's name in its header line.
    public var nameSpan: SourceSpan
    /// The display path of the file that declares the flow.
    public var path: String
    /// `serve at`: the absolute base URL the flow's documents are served from (Grammar.md §3).
    /// Required when the flow has operations or outbound legs (FLOW221).
    public var baseURL: Spanned<String>?
    /// The default `voice` and `language` of every `say` that does not set its own.
    public var voice: Spanned<String>?
    public var language: Spanned<String>?
    /// In source order, as are the arrays below.
    public var assets: [Asset]
    public var queues: [Queue]
    public var rooms: [Room]
    public var legs: [Leg]
    public var operations: [FlowOperation]

    public init(
        name: String, nameSpan: SourceSpan, path: String, baseURL: Spanned<String>? = nil,
        voice: Spanned<String>? = nil, language: Spanned<String>? = nil, assets: [Asset] = [], queues: [Queue] = [],
        rooms: [Room] = [], legs: [Leg] = [], operations: [FlowOperation] = []
    ) {
        self.name = name
        self.nameSpan = nameSpan
        self.path = path
        self.baseURL = baseURL
        self.voice = voice
        self.language = language
        self.assets = assets
        self.queues = queues
        self.rooms = rooms
        self.legs = legs
        self.operations = operations
    }

    // MARK: - Lookup

    public func asset(named name: String) -> Asset? { assets.first { $0.name == name } }
    public func queue(named name: String) -> Queue? { queues.first { $0.name == name } }
    public func room(named name: String) -> Room? { rooms.first { $0.name == name } }
    public func leg(named name: String) -> Leg? { legs.first { $0.name == name } }

    public func step(_ id: StepID) -> Step? {
        leg(named: id.leg)?.steps.first { $0.name == id.step }
    }

    /// The leg Twilio starts when someone calls the number; at most one (FLOW216).
    public var entryLeg: Leg? { legs.first { $0.role == .entry } }

    public func operation(key: String) -> FlowOperation? { operations.first { $0.key == key } }
}
