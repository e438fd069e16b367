import FlowDiagnostics

/// One generated TwiML document, where it is served, and where each of its parts came from in the
/// `.flow` source.
///
/// This is what code generation hands to validation, to the route manifest and to the continuation
/// checker (issue #4), which reads the deployed documents rather than the `.flow` model.
///
/// What must hold:
/// - `route == "/" + file`, and `file` follows `RouteLayout`.
/// - `context` is the one context Twilio runs the document in (Docs/Twilio.md#restricted-contexts).
/// - `origins` has an entry for every element the lowering emitted (and for the attributes and text taken
///   from a `.flow` option or argument), so `span(for:)` can place any `TwiMLViolation` at the exact
///   verb, option or argument behind it.
public struct RoutedDocument: Sendable, Hashable {
    /// What the document renders.
    public enum Origin: Sendable, Hashable {
        /// A step of a leg.
        case step(StepID)
        /// The whisper document of a dialed leg (the `url` of its `<Number>`, `<Client>`, `<Sip>`).
        case legWhisper(leg: String)
        /// A queue's `wait` (Enqueue `waitUrl`) or `whisper` (Queue `url`) document.
        case queue(String, DocumentKind)
        /// A room's `wait` (Conference `waitUrl`) or `hold` (Participant `HoldUrl`) document.
        case room(String, DocumentKind)
        /// The flow's `hangup.xml`: the `action` of a gather or record that says `then hangup`.
        case flowHangup
        /// The junction of the `ordinal`th verb with cases in a step (`STEP.onN.xml`): the verb's action.
        /// Its own document is the verb's default branch, and its route carries the dispatch a router
        /// follows to the case a request names (Docs/Output.md#dispatch).
        case junction(StepID, ordinal: Int)
    }

    /// The URL path under the output root, with a leading `/`.
    public var route: String
    /// The path relative to the output folder.
    public var file: String
    public var flow: String
    public var origin: Origin
    public var context: TwiMLContext
    public var document: TwiMLDocument
    /// The step or document declaration (its header line); for `hangup.xml`, the first `then hangup`
    /// that needs it.
    public var span: SourceSpan
    /// The `.flow` span behind each emitted element, attribute and text, by TwiML path.
    public var origins: [TwiMLPath: SourceSpan]
    /// The `<Dial>`s among the top-level verbs that create a dialed leg: verb index and leg name.
    public var dialedLegs: [DialSite]
    /// A junction's cases: where a router sends a request by its parameters. Every `file` in it is a
    /// document of the same flow, and its `default` is this document.
    public var dispatch: RouteDispatch?

    public init(
        route: String, file: String, flow: String, origin: Origin, context: TwiMLContext, document: TwiMLDocument,
        span: SourceSpan, origins: [TwiMLPath: SourceSpan] = [:], dialedLegs: [DialSite] = [],
        dispatch: RouteDispatch? = nil
    ) {
        self.route = route
        self.file = file
        self.flow = flow
        self.origin = origin
        self.context = context
        self.document = document
        self.span = span
        self.origins = origins
        self.dialedLegs = dialedLegs
        self.dispatch = dispatch
    }

    /// A `<Dial>` at top-level `index` that creates the dialed leg `leg`.
    public struct DialSite: Sendable, Hashable {
        public var index: Int
        public var leg: String

        public init(index: Int, leg: String) {
            self.index = index
            self.leg = leg
        }
    }

    /// The leg that runs the document: the step's leg, or the dialed leg of a whisper document. Queue and
    /// room documents are run by whichever leg waits, and `hangup.xml` by any leg of the flow.
    public var leg: String? {
        switch origin {
        case .step(let id), .junction(let id, _): id.leg
        case .legWhisper(let leg): leg
        case .queue, .room, .flowHangup: nil
        }
    }

    public var step: String? {
        if case .step(let id) = origin { return id.step }
        return nil
    }

    public var queue: String? {
        if case .queue(let name, _) = origin { return name }
        return nil
    }

    public var room: String? {
        if case .room(let name, _) = origin { return name }
        return nil
    }

    /// A human name for messages: "step 'start' of leg 'caller'", "the wait document of queue 'support'".
    public var title: String {
        switch origin {
        case .step(let id): "step '\(id.step)' of leg '\(id.leg)'"
        case .legWhisper(let leg): "the whisper document of leg '\(leg)'"
        case .queue(let name, let kind): "the \(kind.rawValue) document of queue '\(name)'"
        case .room(let name, let kind): "the \(kind.rawValue) document of room '\(name)'"
        case .flowHangup: "the hangup document of flow '\(flow)'"
        case .junction(let id, 0):
            "the cases of leg '\(id.leg)' at its start"
        case .junction(let id, let ordinal):
            "the cases of verb \(ordinal) with cases in step '\(id.step)' of leg '\(id.leg)'"
        }
    }

    /// The `.flow` span behind `path`: the most specific entry of `origins` (the attribute or text itself,
    /// then its element, then the nearest enclosing element), else the document's own span.
    public func span(for path: TwiMLPath) -> SourceSpan {
        if let exact = origins[path] { return exact }
        var indices = path.indices
        while true {
            if let span = origins[TwiMLPath(indices)] { return span }
            if indices.isEmpty { return span }
            indices.removeLast()
        }
    }

    /// The `.flow` span of each top-level verb, by index (what the continuation checker's
    /// `DeployedDocument.verbSpans` holds).
    public var verbSpans: [SourceSpan] {
        document.verbs.indices.map { span(for: TwiMLPath([$0])) }
    }
}
