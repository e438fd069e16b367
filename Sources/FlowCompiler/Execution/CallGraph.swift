/// The one model of how Twilio runs TwiML (Docs/Twilio.md#fetch-and-run, Docs/Twilio.md#restricted-contexts, Docs/Twilio.md#outcomes), shared by the continuation
/// checker and the simulator.
///
/// A node is a program point: verb `index` of a document, where `index == verbs.count` is the end of the
/// document. Points inside an Enqueue wait document also carry the `<Enqueue>` that started the wait
/// (`site`), because `<Leave>` resumes *that* verb's continuation (Docs/Twilio.md#leave). Edges are the documented
/// outcomes of each verb (Docs/Twilio.md#outcomes), labelled for counterexamples. The graph knows nothing about legs: which
/// leg runs which point is the reachability question the checker asks of it.
///
/// The graph is built once, in time linear in the number of verbs (plus wait documents times the
/// `<Enqueue>` verbs that use them), and every later question is a linear walk over it.
struct CallGraph {
    /// A program point.
    struct Point: Hashable, Comparable {
        var document: Int
        var index: Int
        /// The `<Enqueue>` point whose wait document this point belongs to.
        var site: Int?

        static func < (lhs: Point, rhs: Point) -> Bool {
            (lhs.document, lhs.index, lhs.site ?? -1) < (rhs.document, rhs.index, rhs.site ?? -1)
        }
    }

    /// Where an edge leads.
    enum Target: Hashable {
        case point(Int)
        /// `<Hangup>` or `<Reject>`: the leg ends on purpose.
        case exit
        /// The end of a normal document: Twilio hangs the leg up (Docs/Twilio.md#end-of-document).
        case fallOff
        /// The end of a whisper or queue whisper document: the parties are bridged (Docs/Twilio.md#end-of-document).
        case bridge
        /// The end of a conference wait document: silence until the room starts (Docs/Twilio.md#end-of-document).
        case silence
        /// The end of a hold document: undocumented, so it must loop (Docs/Twilio.md#restricted-contexts).
        case undocumentedEnd
        /// A URL that names no generated document (Docs/Twilio.md#fetch-and-run).
        case unresolved(String)
    }

    /// Which documented outcome of a verb an edge is (Docs/Twilio.md#outcomes). The checker asks for continuations by kind,
    /// and the simulator picks the edge its scripted event names.
    enum Outcome: Hashable {
        /// Say, Play, Pause: the next verb.
        case next
        case gatherInput, gatherNoInput
        case recordEnds
        /// The verb after `<Record>`, kept because the reference calls its unreachability an inference.
        case recordFallsThrough
        /// The leg hears the conference's wait document until the room starts.
        case conferenceWait
        /// Any end of a `<Dial>` (every DialCallStatus): its action, or the next verb.
        case dialEnds
        /// A `<Dial><Conference>` the leg cannot join (a participant label in use, 16025; a full room,
        /// undocumented, treated alike): the next verb, even when the dial has an action
        /// (Docs/Twilio.md#conference-and-queue-legs).
        case joinFails
        /// The end of a `<Connect>` session: its action, or the next verb.
        case sessionEnds
        /// The end of a `<Pay>` capture or a `<Refer>` exchange: its action, or the next verb.
        case verbEnds
        /// The leg hears the queue's wait document while it waits.
        case queueWait
        /// Any way out of the queue (every QueueResult): the `<Enqueue>` action, or the next verb.
        case queueLeft
        /// `<Leave>` in a wait document: the continuation of the `<Enqueue>` that started the wait.
        case leave
        case redirect
        case hangup, reject
        case documentEnd
        /// A router in front of the files serves a junction's case instead of its own document, for a
        /// request whose parameter has one of the case's values (Docs/Output.md#dispatch). `index` is the
        /// case in the route's dispatch; `label` says which values, for counterexamples and transcripts.
        case dispatched(index: Int, label: String)

        /// The case of a `.dispatched` edge.
        var dispatchedCase: Int? {
            if case .dispatched(let index, _) = self { return index }
            return nil
        }
    }

    /// One outcome of a verb.
    struct Edge: Hashable {
        var target: Target
        var outcome: Outcome
        /// The HTTP method Twilio fetches the target document with, for edges that fetch one: the verb's
        /// method attribute, or Twilio's default, `POST` (Docs/Twilio.md#verbs, Docs/Twilio.md#urls-and-methods).
        var method: String? = nil
        /// Whether the leg can wait at the source of this edge (a dial, a queue, a gather, a pause):
        /// a path that passes such a point is not an immediate hangup.
        var waits: Bool

        static let nextLabel = "goes on with the next verb"

        /// What happens, in words, for counterexample notes and transcripts.
        var label: String {
            switch outcome {
            case .next: Self.nextLabel
            case .gatherInput: "input received: the leg requests the gather's action"
            case .gatherNoInput: "no input: the leg goes on with the next verb"
            case .recordEnds: "the recording ends: the leg requests the record's action"
            case .recordFallsThrough: "if Twilio goes on after the recording, the next verb runs"
            case .conferenceWait: "waits for the conference to start, hearing its wait document"
            case .dialEnds: "the dial ends"
            case .joinFails: "cannot join the conference (a participant label in use, or a full room): the leg goes on with the next verb"
            case .sessionEnds: "the connected session ends"
            case .verbEnds: "the verb ends"
            case .queueWait: "waits in the queue, hearing its wait document"
            case .queueLeft: "leaves the queue"
            case .leave: "leaves the queue"
            case .redirect: "is redirected"
            case .hangup: "hangs up"
            case .reject: "rejects the call"
            case .dispatched(_, let label): label
            case .documentEnd:
                switch target {
                case .fallOff, .undocumentedEnd: "runs out of verbs"
                case .silence: "waits in silence"
                case .bridge: "is bridged"
                default: "Twilio requests the wait document again"
                }
            }
        }
    }

    /// A reference from a verb to a document that runs in a context of its own (Docs/Twilio.md#restricted-contexts): a wait, hold or
    /// whisper document. Those are not edges of the referring leg's path except where the leg itself
    /// runs them (Enqueue and Conference wait documents).
    struct ContextReference: Hashable {
        var from: Int
        var attribute: String
        var route: String
        var expected: TwiMLContext
    }

    let flow: DeployedFlow
    private(set) var points: [Point] = []
    private(set) var edges: [[Edge]] = []
    /// The typed view of each point's verb, read once (`nil` at the end of a document).
    private var views: [TwiMLVerb?] = []
    private var index: [Point: Int] = [:]
    let routeIndex: [String: Int]
    /// References to documents of a special context, checked against the context they were generated for.
    private(set) var contextReferences: [ContextReference] = []

    init(flow: DeployedFlow) {
        self.flow = flow
        var routes: [String: Int] = [:]
        for (position, document) in flow.documents.enumerated() { routes[document.route] = position }
        routeIndex = routes
        for document in flow.documents.indices where flow.documents[document].context != .enqueueWait {
            build(from: Point(document: document, index: 0, site: nil))
        }
    }

    // MARK: - Queries

    func node(_ point: Point) -> Int? { index[point] }

    /// The start of the document at `route`, outside any wait.
    func start(of route: String) -> Int? {
        routeIndex[route].flatMap { index[Point(document: $0, index: 0, site: nil)] }
    }

    /// The node of a top-level verb, outside any wait.
    func node(at address: VerbAddress) -> Int? {
        routeIndex[address.route].flatMap { index[Point(document: $0, index: address.index, site: nil)] }
    }

    func document(of node: Int) -> DeployedDocument { flow.documents[points[node].document] }

    /// The element of the verb at a node, or `nil` at the end of a document.
    func element(at node: Int) -> TwiMLElement? {
        let point = points[node]
        let verbs = flow.documents[point.document].document.verbs
        return verbs.indices.contains(point.index) ? verbs[point.index] : nil
    }

    /// The typed view of the verb at a node, or `nil` at the end of a document.
    func verb(at node: Int) -> TwiMLVerb? { views[node] }

    /// Whether a leg at `node` waits until someone else acts: in a queue (`<Enqueue>`) or in a conference
    /// (`<Dial><Conference>`). Every other wait is bounded by a timeout or by the leg's own input.
    func isUnboundedWait(_ node: Int) -> Bool {
        guard let verb = views[node] else { return false }
        switch verb {
        case .enqueue: return true
        case .dial(let dial):
            switch dial.target {
            case .conference: return true
            case .parties, .queue: return false
            }
        case .say, .play, .pause, .gather, .record, .leave, .connect, .redirect, .hangup, .reject, .refer, .pay,
            .background, .ungenerated:
            return false
        }
    }

    // MARK: - Construction

    /// Adds `point` and everything reachable from it, iteratively (no recursion: a flow of 10,000 steps
    /// must not exhaust the stack).
    private mutating func build(from point: Point) {
        let first = intern(point)
        guard expanded.insert(first).inserted else { return }
        var work = [first]
        while let node = work.popLast() {
            let outgoing = outcomes(of: points[node])
            edges[node] = outgoing
            for edge in outgoing {
                if case .point(let next) = edge.target, expanded.insert(next).inserted { work.append(next) }
            }
        }
    }

    /// Nodes whose outcomes are computed.
    private var expanded: Set<Int> = []

    private mutating func intern(_ point: Point) -> Int {
        if let existing = index[point] { return existing }
        let node = points.count
        points.append(point)
        let verbs = flow.documents[point.document].document.verbs
        views.append(verbs.indices.contains(point.index) ? TwiMLVerb(verbs[point.index]) : nil)
        edges.append([])
        index[point] = node
        return node
    }

    private mutating func edge(to point: Point, _ outcome: Outcome, waits: Bool = false) -> Edge {
        let node = intern(point)
        return Edge(target: .point(node), outcome: outcome, waits: waits)
    }

    /// Every URL a verb makes Twilio fetch, with the method it is fetched with (the checker requires GET
    /// for static hosting, Docs/Twilio.md#urls-and-methods).
    struct Fetch: Hashable {
        var from: Int
        var attribute: String
        var method: String
    }

    private(set) var fetches: [Fetch] = []

    /// Resolves a URL attribute of the verb at `point` to the start of a document in the same context.
    private mutating func transfer(_ fetch: TwiMLVerb.Fetch, from point: Point, _ outcome: Outcome, waits: Bool = false)
        -> Edge
    {
        let (url, method) = (fetch.url, fetch.method)
        let document = flow.documents[point.document]
        fetches.append(Fetch(from: intern(point), attribute: "\(outcome)", method: method))
        guard
            let route = RouteReference.resolve(
                url, from: document.route, flowRoot: "/" + flow.name, baseURL: flow.baseURL),
            let target = routeIndex[route]
        else { return Edge(target: .unresolved(url), outcome: outcome, method: method, waits: waits) }
        contextReferences.append(
            ContextReference(from: intern(point), attribute: "\(outcome)", route: route, expected: document.context))
        var result = edge(to: Point(document: target, index: 0, site: point.site), outcome, waits: waits)
        result.method = method
        return result
    }

    /// The edge to `fetch`'s document when there is one (a blocking verb's action: the leg waited there
    /// first), else to `fallback`, the documented continuation without one.
    private mutating func transfer(
        _ fetch: TwiMLVerb.Fetch?, orTo fallback: Point, from point: Point, _ outcome: Outcome
    ) -> Edge {
        guard let fetch else { return edge(to: fallback, outcome, waits: true) }
        return transfer(fetch, from: point, outcome, waits: true)
    }

    /// Records a reference to a document of another context; returns its document when it resolves.
    private mutating func reference(
        _ fetch: TwiMLVerb.Fetch?, attribute: String, from point: Point, expected: TwiMLContext
    ) -> Int? {
        guard let (url, method) = fetch.map({ ($0.url, $0.method) }) else { return nil }
        fetches.append(Fetch(from: intern(point), attribute: attribute, method: method))
        let document = flow.documents[point.document]
        guard
            let route = RouteReference.resolve(
                url, from: document.route, flowRoot: "/" + flow.name, baseURL: flow.baseURL),
            let target = routeIndex[route]
        else { return nil }
        contextReferences.append(
            ContextReference(from: intern(point), attribute: attribute, route: route, expected: expected))
        return target
    }

    /// The documented outcomes of the verb at `point` (Docs/Twilio.md#outcomes). At the start of a
    /// junction, the cases a router may serve come first; its own verbs are the default branch.
    private mutating func outcomes(of point: Point) -> [Edge] {
        let document = flow.documents[point.document]
        guard point.index == 0, let dispatch = document.dispatch else { return verbOutcomes(of: point) }
        return dispatched(dispatch, from: point) + verbOutcomes(of: point)
    }

    /// One edge per case of a junction's dispatch, to the start of the document it names.
    private mutating func dispatched(_ dispatch: RouteDispatch, from point: Point) -> [Edge] {
        dispatch.cases.enumerated().map { index, branch in
            let parameter = branch.parameter ?? dispatch.parameter
            let values = OptionTable.wordList(branch.values, conjunction: "or")
            let outcome = Outcome.dispatched(
                index: index, label: "a router serves \(branch.path) for \(parameter) \(values)")
            guard let target = routeIndex[branch.path] else {
                return Edge(target: .unresolved(branch.path), outcome: outcome, waits: false)
            }
            return edge(to: Point(document: target, index: 0, site: point.site), outcome)
        }
    }

    private mutating func verbOutcomes(of point: Point) -> [Edge] {
        let document = flow.documents[point.document]
        let verbs = document.document.verbs
        guard verbs.indices.contains(point.index) else { return endOfDocument(point, document.context) }
        let next = Point(document: point.document, index: point.index + 1, site: point.site)
        let again = Point(document: point.document, index: 0, site: point.site)
        switch TwiMLVerb(verbs[point.index]) {
        case .say, .play, .background, .ungenerated:
            return [edge(to: next, .next)]
        case .pause:
            return [edge(to: next, .next, waits: true)]
        case .gather(let action, let actionOnEmptyResult):
            var result = [transfer(action, orTo: again, from: point, .gatherInput)]
            if !actionOnEmptyResult { result.append(edge(to: next, .gatherNoInput, waits: true)) }
            return result
        case .record(let action):
            // The next verb is documented as unreachable, but the reference marks that as an inference
            // (Docs/Twilio.md#record), so it is kept as a conservative outcome.
            return [
                transfer(action, orTo: again, from: point, .recordEnds), edge(to: next, .recordFallsThrough, waits: true),
            ]
        case .dial(let dial):
            var result: [Edge] = []
            switch dial.target {
            case .parties(let parties):
                for party in parties {
                    _ = reference(party.whisper, attribute: "url", from: point, expected: .whisper)
                }
            case .queue(_, let whisper):
                _ = reference(whisper, attribute: "url", from: point, expected: .queueWhisper)
            case .conference(let room):
                if let wait = room.wait,
                    let target = reference(wait, attribute: "waitUrl", from: point, expected: .conferenceWait)
                {
                    var waiting = edge(to: Point(document: target, index: 0, site: nil), .conferenceWait, waits: true)
                    waiting.method = wait.method
                    result.append(waiting)
                }
                // Counted as a wait for the hold test of FLOW301, like the dial's other runtime ends:
                // labels are proved distinct (FLOW310), and whether a room is full is runtime state.
                result.append(edge(to: next, .joinFails, waits: true))
            }
            result.append(transfer(dial.action, orTo: next, from: point, .dialEnds))
            return result
        case .enqueue(_, let action, let wait):
            var result: [Edge] = []
            let site = intern(point)
            if let wait, let target = reference(wait, attribute: "waitUrl", from: point, expected: .enqueueWait) {
                var waiting = edge(to: Point(document: target, index: 0, site: site), .queueWait, waits: true)
                waiting.method = wait.method
                result.append(waiting)
            }
            result.append(enqueueContinuation(of: point, action: action))
            return result
        case .leave:
            guard let site = point.site else {
                return [Edge(target: .unresolved("<Leave> outside an Enqueue wait document"), outcome: .leave, waits: false)]
            }
            guard case .enqueue(_, let action, _) = views[site] else { return [] }
            let continuation = enqueueContinuation(of: points[site], action: action)
            return [Edge(target: continuation.target, outcome: .leave, waits: false)]
        case .connect(let action, let virtualAgent):
            // Blocks until the session ends, then the action or the next verb; <VirtualAgent> without an
            // action requests the current document again (Docs/Twilio.md#action-continuations).
            return [transfer(action, orTo: virtualAgent ? again : next, from: point, .sessionEnds)]
        case .refer(let action), .pay(let action):
            return [transfer(action, orTo: next, from: point, .verbEnds)]
        case .redirect(let target):
            return [transfer(target, from: point, .redirect)]
        case .hangup:
            return [Edge(target: .exit, outcome: .hangup, waits: false)]
        case .reject:
            return [Edge(target: .exit, outcome: .reject, waits: false)]
        }
    }

    /// Where a leg goes when it leaves the queue of the `<Enqueue>` at `point`, for any QueueResult (Docs/Twilio.md#conference-and-queue-legs).
    private mutating func enqueueContinuation(of point: Point, action: TwiMLVerb.Fetch?) -> Edge {
        let outer = Point(document: point.document, index: point.index, site: nil)
        return transfer(
            action, orTo: Point(document: point.document, index: point.index + 1, site: nil), from: outer, .queueLeft)
    }

    private mutating func endOfDocument(_ point: Point, _ context: TwiMLContext) -> [Edge] {
        switch context.endOfDocument {
        case .hangUp: [Edge(target: .fallOff, outcome: .documentEnd, waits: false)]
        case .reRequest:
            [edge(to: Point(document: point.document, index: 0, site: point.site), .documentEnd, waits: true)]
        case .silence: [Edge(target: .silence, outcome: .documentEnd, waits: true)]
        case .bridge: [Edge(target: .bridge, outcome: .documentEnd, waits: true)]
        case .undocumented: [Edge(target: .undocumentedEnd, outcome: .documentEnd, waits: false)]
        }
    }
}
