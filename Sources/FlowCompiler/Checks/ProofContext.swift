import FlowDiagnostics

/// What every continuation rule reads, built once per flow: the deployed flow, its execution graph, the
/// path questions over it, each leg's reachable points and the meetings (queues and rooms) between legs;
/// and what the rules produce: diagnostics and the effects of operations on other legs.
struct ProofContext {
    let flow: DeployedFlow
    let graph: CallGraph
    let paths: CallPaths
    /// Reachable nodes of each leg, by leg name.
    private(set) var reach: [String: CallPaths.Reach] = [:]
    /// Queue and room verbs by name, indexed once reachability is known.
    private(set) var meetings = Meetings()
    private(set) var diagnostics: [Diagnostic] = []
    /// Findings already reported, so a document shared by many paths is reported once.
    private var reported: Set<String> = []
    /// What each operation does to the other legs, by operation key.
    private var effects: [String: Set<RouteManifest.Effect>] = [:]

    init(flow: DeployedFlow) {
        self.flow = flow
        graph = CallGraph(flow: flow)
        paths = CallPaths(graph: graph)
        for leg in flow.legs {
            reach[leg.name] = paths.reach(from: roots(of: leg))
        }
        meetings = indexMeetings()
    }

    // MARK: - Findings

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Whether this is the first finding with `key` (a document shared by many paths is reported once);
    /// marks it reported.
    mutating func firstTime(_ key: String) -> Bool {
        reported.insert(key).inserted
    }

    mutating func record(_ effect: RouteManifest.Effect, of operation: DeployedOperation) {
        effects[operation.key, default: []].insert(effect)
    }

    /// The recorded effects, plus `unchanged` for every other leg an operation does not touch.
    func effectsByOperation() -> [OperationID: [RouteManifest.Effect]] {
        var result: [OperationID: [RouteManifest.Effect]] = [:]
        for operation in flow.operations {
            var found = effects[operation.key] ?? []
            let touched = Set(found.map(\.leg))
            let explanation: String
            if case .participantHold = operation.action {
                explanation =
                    "a participant hold changes no TwiML: this leg stays where it is (Docs/Twilio.md#participant-update)"
            } else {
                explanation = "not bridged with '\(operation.leg)' where the operation applies: its TwiML does not change"
            }
            for leg in flow.legs where leg.name != operation.leg && !touched.contains(leg.name) {
                found.insert(RouteManifest.Effect(leg: leg.name, outcome: .unchanged, step: nil, explanation: explanation))
            }
            result[OperationID(flow: flow.name, key: operation.key)] = found.sorted {
                ($0.leg, $0.outcome.rawValue, $0.step ?? "") < ($1.leg, $1.outcome.rawValue, $1.step ?? "")
            }
        }
        return result
    }

    // MARK: - Places and paths

    /// The document and the `.flow` span of the verb at `node`.
    func span(of node: Int) -> SourceSpan {
        graph.document(of: node).span(ofVerb: graph.points[node].index)
    }

    /// Where a leg's TwiML can start: its start step, its whisper, and every document an operation
    /// moves it to (the application may apply an operation whenever it allows).
    private func roots(of leg: DeployedLeg) -> [Int] {
        var routes = [leg.start, leg.whisper].compactMap { $0 }
        for operation in flow.operations where operation.leg == leg.name {
            if case .redirect(let route) = operation.action { routes.append(route) }
        }
        return routes.compactMap { graph.start(of: $0) }
    }

    /// One note per point of a counterexample: `caller, step 'start': says “Hello”`, with the outcome that
    /// led there when it is not simply the next verb.
    func pathNotes(leg: String, _ path: [CallPaths.Step]) -> [Note] {
        path.map { step in
            let document = graph.document(of: step.node)
            let place = document.leg == leg && document.step != nil ? "step '\(document.step ?? "")'" : document.title
            let how = step.arrivedBy.flatMap { $0 == CallGraph.Edge.nextLabel ? nil : "\($0), then " } ?? ""
            return Note(
                "\(leg), \(place): \(how)\(VerbDescription.describe(graph.verb(at: step.node)))", at: span(of: step.node))
        }
    }

    // MARK: - Operations

    /// A state in which an operation may find its leg.
    enum Placement {
        /// The leg itself runs the verb at `node`.
        case own(Int)
        /// The leg is the child of the `<Dial>` at `node`, run by `parent`.
        case child(parent: String, node: Int)
    }

    func placements(of operation: DeployedOperation) -> [Placement] {
        let during = Set(operation.during)
        func allowed(_ node: Int) -> Bool {
            during.isEmpty || during.contains(graph.document(of: node).route)
        }
        var result: [Placement] = []
        if let own = reach[operation.leg] {
            for node in own.order where graph.verb(at: node) != nil && allowed(node) {
                result.append(.own(node))
            }
        }
        if let leg = flow.leg(named: operation.leg) {
            for address in leg.dialedFrom {
                guard let node = graph.node(at: address), allowed(node) else { continue }
                for parent in flow.legs where reach[parent.name]?.contains(node) == true {
                    result.append(.child(parent: parent.name, node: node))
                }
            }
        }
        return result
    }

    // MARK: - Rooms and queues

    /// A verb that puts a leg in a queue or a room, and the legs that can reach it.
    struct Meeting {
        var leg: String
        var node: Int
        var name: String
    }

    /// Every reachable `<Enqueue>`, `<Dial><Queue>` and `<Dial><Conference>`, by the leg that runs it,
    /// indexed once so that each operation's placements look their partners up in constant time.
    struct Meetings {
        var enqueues: [String: [Meeting]] = [:]
        var dequeuers: [String: [Meeting]] = [:]
        var joins: [String: [Meeting]] = [:]
        /// In the order the graph holds them, for deterministic findings.
        var allJoins: [Meeting] = []
        var allDequeuers: [Meeting] = []
    }

    private func indexMeetings() -> Meetings {
        var legsAt: [Int: [String]] = [:]
        for leg in flow.legs {
            guard let reach = reach[leg.name] else { continue }
            for node in reach.order { legsAt[node, default: []].append(leg.name) }
        }
        var meetings = Meetings()
        for node in graph.points.indices {
            guard let verb = graph.verb(at: node), let legs = legsAt[node] else { continue }
            for leg in legs {
                if case .enqueue(let queue, _, _) = verb {
                    meetings.enqueues[queue, default: []].append(Meeting(leg: leg, node: node, name: queue))
                } else if let queue = verb.dequeuedQueue {
                    let meeting = Meeting(leg: leg, node: node, name: queue)
                    meetings.dequeuers[queue, default: []].append(meeting)
                    meetings.allDequeuers.append(meeting)
                } else if let room = verb.conference {
                    let meeting = Meeting(leg: leg, node: node, name: room.name)
                    meetings.joins[room.name, default: []].append(meeting)
                    meetings.allJoins.append(meeting)
                }
            }
        }
        return meetings
    }

    func enqueues(named queue: String) -> [(leg: String, node: Int)] {
        (meetings.enqueues[queue] ?? []).map { ($0.leg, $0.node) }
    }

    func dequeuers(named queue: String) -> [(leg: String, node: Int)] {
        (meetings.dequeuers[queue] ?? []).map { ($0.leg, $0.node) }
    }

    func joins(named room: String) -> [(leg: String, node: Int)] {
        (meetings.joins[room] ?? []).map { ($0.leg, $0.node) }
    }
}
