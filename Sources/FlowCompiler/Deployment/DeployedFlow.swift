import FlowDiagnostics

/// What the prover, the simulator and the manifest read: the documents of one flow exactly as they will be
/// deployed, and the facts that TwiML alone does not carry (which leg starts where, which leg a `<Dial>`
/// creates, which REST requests an operation sends).
///
/// `DeploymentPlanner` builds it once from the lowering output and the operations, never from the `.flow`
/// syntax; operations act on routes found by resolving the URLs their requests send, the way Twilio would,
/// so a bug in code generation shows up as a finding rather than hiding behind the model. Source spans
/// ride along only to place diagnostics.
public struct DeployedFlow: Sendable {
    public var name: String
    /// The flow's base URL (`serve at`), used to map absolute URLs back to routes.
    public var baseURL: String?
    /// Sorted by route path; route paths are unique.
    public var documents: [DeployedDocument]
    /// In source order.
    public var legs: [DeployedLeg]
    /// In source order.
    public var operations: [DeployedOperation]
    /// In source order.
    public var queues: [DeployedQueue]
    /// In source order.
    public var rooms: [DeployedRoom]
    /// The flow's declaration, for findings about the flow as a whole.
    public var span: SourceSpan

    public init(
        name: String, baseURL: String?, documents: [DeployedDocument], legs: [DeployedLeg],
        operations: [DeployedOperation], queues: [DeployedQueue] = [], rooms: [DeployedRoom] = [], span: SourceSpan
    ) {
        self.name = name
        self.baseURL = baseURL
        self.documents = documents.sorted { $0.route < $1.route }
        self.legs = legs
        self.operations = operations
        self.queues = queues
        self.rooms = rooms
        self.span = span
    }

    /// Twilio names of the conferences every call shares (rooms marked `shared`). Other rooms get one
    /// conference per call from the application (the manifest's `perCallRoom`).
    public var sharedConferences: Set<String> { Set(rooms.filter(\.shared).map(\.twilioName)) }

    public func leg(named name: String) -> DeployedLeg? { legs.first { $0.name == name } }
}

/// One generated document and where it came from.
public struct DeployedDocument: Sendable {
    /// The URL path of the document, with a leading `/` (`/support/legs/caller/start.xml`).
    public var route: String
    /// The path relative to the output folder (`RouteLayout`).
    public var file: String
    public var context: TwiMLContext
    public var document: TwiMLDocument
    /// The leg and step a step document renders; `nil` for queue, room and whisper documents.
    public var leg: String?
    public var step: String?
    /// The queue or room of a special document.
    public var queue: String?
    public var room: String?
    /// A human name for messages: "step 'start' of leg 'caller'", "the wait document of queue 'support'".
    public var title: String
    /// The `.flow` span of the step or document declaration.
    public var span: SourceSpan
    /// The `.flow` span of each top-level verb, by index; shorter than the verb list when code generation
    /// added verbs of its own (a loop `<Redirect>`), which then take `span`.
    public var verbSpans: [SourceSpan]
    /// Where a router sends a request for this route by its parameters (a junction's cases); the
    /// document itself is the default (Docs/Output.md#dispatch).
    public var dispatch: RouteDispatch?

    public init(
        route: String, file: String? = nil, context: TwiMLContext, document: TwiMLDocument, leg: String?,
        step: String?, queue: String? = nil, room: String? = nil, title: String, span: SourceSpan,
        verbSpans: [SourceSpan], dispatch: RouteDispatch? = nil
    ) {
        self.route = route
        self.file = file ?? String(route.drop { $0 == "/" })
        self.context = context
        self.document = document
        self.leg = leg
        self.step = step
        self.queue = queue
        self.room = room
        self.title = title
        self.span = span
        self.verbSpans = verbSpans
        self.dispatch = dispatch
    }

    func span(ofVerb index: Int) -> SourceSpan {
        verbSpans.indices.contains(index) ? verbSpans[index] : span
    }
}

/// One leg: one Twilio Call.
public struct DeployedLeg: Sendable {
    public var name: String
    public var role: LegRole
    /// The route of the start step (entry and outbound legs).
    public var start: String?
    /// The name of the start step (entry and outbound legs).
    public var startStep: String?
    /// The route of the whisper document (dialed legs).
    public var whisper: String?
    /// The `<Dial>` verbs that create this leg: the route of the document and the verb's index.
    public var dialedFrom: [VerbAddress]
    /// The Calls API `MachineDetection` an outbound leg is created with, when its cases name `AnsweredBy`.
    public var machineDetection: String?
    public var span: SourceSpan

    public init(
        name: String, role: LegRole, start: String?, startStep: String? = nil, machineDetection: String? = nil,
        whisper: String?, dialedFrom: [VerbAddress], span: SourceSpan
    ) {
        self.machineDetection = machineDetection
        self.name = name
        self.role = role
        self.start = start
        self.startStep = startStep
        self.whisper = whisper
        self.dialedFrom = dialedFrom
        self.span = span
    }
}

/// A top-level verb of a deployed document.
public struct VerbAddress: Sendable, Hashable, CustomStringConvertible {
    public var route: String
    public var index: Int

    public init(route: String, index: Int) {
        self.route = route
        self.index = index
    }

    /// `ROUTE#INDEX`, as routes.json writes it.
    public var description: String { "\(route)#\(index)" }
}

/// One Twilio queue.
public struct DeployedQueue: Sendable {
    public var name: String
    /// The queue's `FriendlyName` at Twilio.
    public var twilioName: String
    public var maxSize: Int?
    /// The routes of the wait (`<Enqueue waitUrl>`) and whisper (`<Queue url>`) documents.
    public var wait: String?
    public var whisper: String?
    public var span: SourceSpan
}

/// One conference room.
public struct DeployedRoom: Sendable {
    public var name: String
    /// The conference's `FriendlyName` at Twilio, the same for every call (static TwiML).
    public var twilioName: String
    /// Whether every call is meant to meet in this one room (`shared` in the flow).
    public var shared: Bool
    public var maxParticipants: Int?
    /// The routes of the wait (`<Conference waitUrl>`) and hold (Participant `HoldUrl`) documents.
    public var wait: String?
    public var hold: String?
    public var span: SourceSpan
}

/// An operation an application carries out on a live call: its REST requests, and what they do in route
/// terms.
public struct DeployedOperation: Sendable {
    /// What the requests do, read back from them the way Twilio carries them out.
    public enum Action: Sendable, Hashable {
        /// A Participant update in the conference named `conference` (Twilio name): `Hold=true` with the
        /// hold document at `holdRoute`, or `Hold=false` (Docs/Twilio.md#participant-update).
        case participantHold(conference: String, hold: Bool, holdRoute: String?)
        /// A Call update with `Url` = the document at `route` (Docs/Twilio.md#call-update).
        case redirect(route: String)
    }

    /// How the `.flow` says the operation acts (Grammar.md §9).
    public enum Strategy: Sendable, Hashable {
        /// `in ROOM`: a participant hold or unhold in that room (the `.flow` name).
        case conference(room: String)
        /// `-> STEP`: a Call update that moves the leg to that step.
        case move(to: StepID)
    }

    public var key: String
    public var kind: OperationKind
    public var leg: String
    public var strategy: Strategy
    public var action: Action
    /// Routes of the steps during which the application may apply it; empty means whenever the leg is live.
    public var during: [String]
    /// The same steps, as the flow names them.
    public var duringSteps: [StepID]
    /// In the order the application sends them.
    public var requests: [RESTRequest]
    public var span: SourceSpan

    public init(
        key: String, kind: OperationKind, leg: String, strategy: Strategy, action: Action, during: [String],
        duringSteps: [StepID] = [], requests: [RESTRequest] = [], span: SourceSpan
    ) {
        self.key = key
        self.kind = kind
        self.leg = leg
        self.strategy = strategy
        self.action = action
        self.during = during
        self.duringSteps = duringSteps
        self.requests = requests
        self.span = span
    }
}
