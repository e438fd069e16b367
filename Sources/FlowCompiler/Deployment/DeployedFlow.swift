import FlowDiagnostics

/// What the continuation checker and the simulator read: the documents of one flow exactly as they will be
/// deployed, and the facts of the route manifest that TwiML alone does not carry (which leg starts where,
/// which leg a `<Dial>` creates, which REST request an operation sends).
///
/// It is built from the lowering output and the route manifest, never from the `.flow` syntax, so a bug in
/// code generation shows up here as a finding (issue #4: the model runs on the deployed artefacts).
/// Source spans ride along only to place diagnostics.
public struct DeployedFlow: Sendable {
    public var name: String
    /// The flow's base URL (`serve at`), used to map absolute URLs back to routes.
    public var baseURL: String?
    /// Sorted by route path; route paths are unique.
    public var documents: [DeployedDocument]
    public var legs: [DeployedLeg]
    public var operations: [DeployedOperation]
    /// Twilio names of the conferences every call shares (rooms marked `shared`). Other rooms get one
    /// conference per call from the application (the manifest's `perCallRoom`).
    public var sharedConferences: Set<String>
    /// The flow's declaration, for findings about the flow as a whole.
    public var span: SourceSpan

    public init(
        name: String, baseURL: String?, documents: [DeployedDocument], legs: [DeployedLeg],
        operations: [DeployedOperation], sharedConferences: Set<String> = [], span: SourceSpan
    ) {
        self.name = name
        self.sharedConferences = sharedConferences
        self.baseURL = baseURL
        self.documents = documents.sorted { $0.route < $1.route }
        self.legs = legs
        self.operations = operations
        self.span = span
    }
}

/// One generated document and where it came from.
public struct DeployedDocument: Sendable {
    /// The URL path of the document, with a leading `/` (`/support/legs/caller/start.xml`).
    public var route: String
    public var context: TwiMLContext
    public var document: TwiMLDocument
    /// The leg and step a step document renders; `nil` for queue, room and whisper documents.
    public var leg: String?
    public var step: String?
    /// A human name for messages: "step 'start' of leg 'caller'", "the wait document of queue 'support'".
    public var title: String
    /// The `.flow` span of the step or document declaration.
    public var span: SourceSpan
    /// The `.flow` span of each top-level verb, by index; shorter than the verb list when code generation
    /// added verbs of its own (a loop `<Redirect>`), which then take `span`.
    public var verbSpans: [SourceSpan]

    public init(
        route: String, context: TwiMLContext, document: TwiMLDocument, leg: String?, step: String?, title: String,
        span: SourceSpan, verbSpans: [SourceSpan]
    ) {
        self.route = route
        self.context = context
        self.document = document
        self.leg = leg
        self.step = step
        self.title = title
        self.span = span
        self.verbSpans = verbSpans
    }

    func span(ofVerb index: Int) -> SourceSpan {
        verbSpans.indices.contains(index) ? verbSpans[index] : span
    }
}

/// A leg as the manifest describes it.
public struct DeployedLeg: Sendable {
    public var name: String
    public var role: LegRole
    /// The route of the start step (entry and outbound legs).
    public var start: String?
    /// The route of the whisper document (dialed legs).
    public var whisper: String?
    /// The `<Dial>` verbs that create this leg: the route of the document and the verb's index.
    public var dialedFrom: [VerbAddress]
    public var span: SourceSpan

    public init(
        name: String, role: LegRole, start: String?, whisper: String?, dialedFrom: [VerbAddress], span: SourceSpan
    ) {
        self.name = name
        self.role = role
        self.start = start
        self.whisper = whisper
        self.dialedFrom = dialedFrom
        self.span = span
    }
}

/// A top-level verb of a deployed document.
public struct VerbAddress: Sendable, Hashable {
    public var route: String
    public var index: Int

    public init(route: String, index: Int) {
        self.route = route
        self.index = index
    }
}

/// An operation as the manifest describes it: what the REST requests do, in route terms.
public struct DeployedOperation: Sendable {
    public enum Action: Sendable, Hashable {
        /// A Participant update in the conference named `conference` (Twilio name): `Hold=true` with the
        /// hold document at `holdRoute`, or `Hold=false` (twiml-semantics.md §4.2).
        case participantHold(conference: String, hold: Bool, holdRoute: String?)
        /// A Call update with `Url` = the document at `route` (twiml-semantics.md §4.1).
        case redirect(route: String)
    }

    public var key: String
    public var kind: OperationKind
    public var leg: String
    public var action: Action
    /// Routes of the steps during which the application may apply it; empty means whenever the leg is live.
    public var during: [String]
    public var span: SourceSpan

    public init(
        key: String, kind: OperationKind, leg: String, action: Action, during: [String], span: SourceSpan
    ) {
        self.key = key
        self.kind = kind
        self.leg = leg
        self.action = action
        self.during = during
        self.span = span
    }
}
