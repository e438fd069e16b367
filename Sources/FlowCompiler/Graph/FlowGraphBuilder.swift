extension FlowGraph {
    /// The picture of `flow`. Meant for a flow that resolved without errors: a verb left out of an
    /// incomplete step is simply not drawn.
    public init(flow: Flow) {
        self = FlowGraphBuilder(flow: flow).build()
    }
}

/// Builds a `FlowGraph` from a resolved flow in one pass over its text order.
///
/// Each step's verbs are walked top to bottom, as Twilio runs them. A verb whose outcome does not leave
/// the step (a gather without input, a dial or enqueue without `then`) adds its outcome to the labels of
/// the edges that come after it in the step, so `no input · go` says how the leg reaches that `go`.
///
/// Node ids are built so that no two kinds can clash: a leg's node is its name, a step is `leg.step`,
/// and every other node has a space in its id, which no `.flow` identifier holds.
struct FlowGraphBuilder {
    typealias Node = FlowGraph.Node
    typealias Edge = FlowGraph.Edge

    let flow: Flow
    private var edges: [Edge] = []
    /// The end markers each leg needs, by leg name.
    private var endings: [String: Set<Node.EndKind>] = [:]
    private var terminalSteps: Set<StepID> = []

    init(flow: Flow) {
        self.flow = flow
    }

    consuming func build() -> FlowGraph {
        for leg in flow.legs { addEdges(of: leg) }
        for operation in flow.operations { addEdges(of: operation) }
        var clusters = flow.legs.map(cluster)
        let documents = documentNodes()
        if !documents.isEmpty {
            clusters.append(
                FlowGraph.Cluster(
                    id: Self.documentsClusterID, kind: .documents, title: GraphText.documentsTitle, nodes: documents))
        }
        return FlowGraph(name: flow.name, clusters: clusters, edges: edges)
    }

    // MARK: - Ids

    static let documentsClusterID = "documents"

    static func legClusterID(_ leg: String) -> String { "leg \(leg)" }
    static func legID(_ leg: String) -> String { leg }
    static func stepID(_ step: StepID) -> String { step.description }
    static func endID(leg: String, _ kind: Node.EndKind) -> String { "\(leg) (\(kind.rawValue))" }
    static func whisperID(leg: String) -> String { "\(leg) (whisper)" }
    static func documentID(owner: String, _ kind: DocumentKind) -> String { "\(owner) (\(kind.rawValue))" }
    static func queueDocumentID(_ queue: String, _ kind: DocumentKind) -> String {
        documentID(owner: "queue \(queue)", kind)
    }
    static func roomDocumentID(_ room: String, _ kind: DocumentKind) -> String {
        documentID(owner: "room \(room)", kind)
    }

    // MARK: - Nodes

    private func cluster(_ leg: Leg) -> FlowGraph.Cluster {
        var nodes = [
            Node(
                id: Self.legID(leg.name), kind: .leg(leg.role), title: GraphText.legTitle(leg),
                lines: [GraphText.legLine(leg.role)])
        ]
        for step in leg.steps {
            nodes.append(
                Node(
                    id: Self.stepID(step.id), kind: .step(isTerminal: terminalSteps.contains(step.id)),
                    title: step.name,
                    lines: Self.lines(step.verbs)))
        }
        if let whisper = leg.whisper {
            nodes.append(
                Node(
                    id: Self.whisperID(leg: leg.name), kind: .document(whisper.kind), title: whisper.kind.rawValue,
                    lines: Self.lines(whisper.verbs)))
        }
        for kind in Node.EndKind.allCases where endings[leg.name, default: []].contains(kind) {
            nodes.append(Node(id: Self.endID(leg: leg.name, kind), kind: .end(kind), title: kind.rawValue))
        }
        return FlowGraph.Cluster(
            id: Self.legClusterID(leg.name), kind: .leg(leg.role), title: GraphText.clusterTitle(leg), nodes: nodes)
    }

    /// The documents of queues and rooms, owner by owner in source order (queues and rooms interleaved
    /// as written), each owner's documents in the order Grammar.md §6 lists them.
    private func documentNodes() -> [Node] {
        typealias Owner = (offset: Int, name: String, documents: [SpecialDocument?])
        let queues: [Owner] = flow.queues.map { ($0.span.start.offset, "queue \($0.name)", [$0.wait, $0.whisper]) }
        let rooms: [Owner] = flow.rooms.map { ($0.span.start.offset, "room \($0.name)", [$0.wait, $0.hold]) }
        return (queues + rooms).sorted { $0.offset < $1.offset }.flatMap { owner in
            owner.documents.compactMap { $0 }.map { document in
                Node(
                    id: Self.documentID(owner: owner.name, document.kind), kind: .document(document.kind),
                    title: GraphText.documentTitle(owner: owner.name, document.kind),
                    lines: Self.lines(document.verbs))
            }
        }
    }

    // MARK: - Edges of legs and steps

    private mutating func addEdges(of leg: Leg) {
        if leg.role != .dialed, let first = leg.startStep {
            for branch in leg.entryCases {
                edges.append(
                    Edge(
                        from: Self.legID(leg.name), to: Self.stepID(branch.target.value), kind: .start,
                        label: GraphText.caseLabel(branch.parameter.rawValue, branch.values.map(\.value))))
            }
            edges.append(
                Edge(
                    from: Self.legID(leg.name), to: Self.stepID(first.id), kind: .start,
                    label: leg.entryCases.isEmpty ? nil : GraphText.otherCallers))
        }
        if leg.whisper != nil {
            edges.append(
                Edge(
                    from: Self.legID(leg.name), to: Self.whisperID(leg: leg.name), kind: .plays,
                    label: GraphText.playsBeforeBridge))
        }
        for step in leg.steps { addEdges(of: step) }
    }

    private mutating func addEdges(of step: Step) {
        let source = Self.stepID(step.id)
        // The outcomes a leg has passed through in this step to reach the current verb.
        var passed: [String] = []
        for verb in step.verbs {
            for branch in verb.cases {
                let values = branch.values.map(\.value)
                follow(
                    .step(branch.target.value), from: step,
                    parts: passed + [GraphText.caseLabel(branch.parameter.rawValue, values)])
            }
            let hasCases = !verb.cases.isEmpty
            switch verb {
            case .gather(let gather):
                let input = hasCases ? GraphText.otherInput : GraphText.input
                follow(gather.continuation.value, from: step, parts: passed + [input])
                passed.append(GraphText.noInput)
            case .record(let record):
                let ends = hasCases ? GraphText.otherOutcomes : GraphText.recordingEnds
                follow(record.continuation.value, from: step, parts: passed + [ends])
            case .dial(let dial):
                edges.append(Edge(from: source, to: Self.legID(dial.leg.value), kind: .dials, label: GraphText.dials))
                settle(dial.continuation, GraphText.dialEnds, from: step, passed: &passed, hasCases: hasCases)
            case .dialQueue(let dial):
                if flow.queue(named: dial.queue.value)?.whisper != nil {
                    plays(from: source, Self.queueDocumentID(dial.queue.value, .whisper), GraphText.playsBeforeBridge)
                }
                settle(dial.continuation, GraphText.dialEnds, from: step, passed: &passed, hasCases: hasCases)
            case .join(let join):
                let room = flow.room(named: join.room.value)
                if room?.wait != nil {
                    plays(from: source, Self.roomDocumentID(join.room.value, .wait), GraphText.playsUntilStart)
                }
                if room?.hold != nil {
                    plays(from: source, Self.roomDocumentID(join.room.value, .hold), GraphText.playsWhileHeld)
                }
                settle(join.continuation, GraphText.conferenceEnds, from: step, passed: &passed)
            case .enqueue(let enqueue):
                if flow.queue(named: enqueue.queue.value)?.wait != nil {
                    plays(from: source, Self.queueDocumentID(enqueue.queue.value, .wait), GraphText.playsWhileWaiting)
                }
                settle(enqueue.continuation, GraphText.queueLeft, from: step, passed: &passed, hasCases: hasCases)
            case .go(let go):
                follow(.step(go.target.value), from: step, parts: passed + [GraphText.go])
            case .hangup:
                end(.hangup, from: step, label: GraphText.label(passed + [Self.line(verb)]))
            case .reject:
                end(.reject, from: step, label: GraphText.label(passed + [Self.line(verb)]))
            case .say, .play, .pause, .leave:
                break
            }
        }
    }

    /// A verb with an optional `then`: with one, the outcome is an edge; without, the leg goes on with
    /// the next verb, and the outcome becomes part of how the later edges are reached, unless the verb has
    /// cases, which name every outcome then (Grammar.md §8) and were drawn already.
    private mutating func settle(
        _ continuation: Spanned<Continuation>?, _ outcome: String, from step: Step, passed: inout [String],
        hasCases: Bool = false
    ) {
        if let continuation {
            follow(continuation.value, from: step, parts: passed + [hasCases ? GraphText.otherOutcomes : outcome])
        } else if !hasCases {
            passed.append(outcome)
        }
    }

    private mutating func follow(_ continuation: Continuation, from step: Step, parts: [String]) {
        switch continuation {
        case .step(let target):
            edges.append(
                Edge(
                    from: Self.stepID(step.id), to: Self.stepID(target), kind: .continuation,
                    label: GraphText.label(parts)))
        case .hangup:
            end(.hangup, from: step, label: GraphText.label(parts + [GraphText.thenHangup]))
        }
    }

    private mutating func end(_ kind: Node.EndKind, from step: Step, label: String) {
        endings[step.leg, default: []].insert(kind)
        terminalSteps.insert(step.id)
        edges.append(
            Edge(from: Self.stepID(step.id), to: Self.endID(leg: step.leg, kind), kind: .continuation, label: label))
    }

    private mutating func plays(from source: String, _ document: String, _ label: String) {
        edges.append(Edge(from: source, to: document, kind: .plays, label: label))
    }

    // MARK: - Edges of operations

    /// An operation runs outside any TwiML, so its edges start where the application may apply it: the
    /// `during` steps, or without `during` the leg as a whole (its node). A conference hold leads from
    /// the steps that join the room to the room's hold document, and an unhold back.
    private mutating func addEdges(of operation: FlowOperation) {
        let during = operation.during.map { Self.stepID($0.value) }
        switch operation.strategy {
        case .conference(let room):
            guard flow.room(named: room.value)?.hold != nil else { return }
            let hold = Self.roomDocumentID(room.value, .hold)
            let joined = during.isEmpty ? joiningSteps(of: operation.leg.value, room: room.value) : during
            for step in joined {
                let (from, to) = operation.kind == .unhold ? (hold, step) : (step, hold)
                edges.append(Edge(from: from, to: to, kind: .operation, label: operation.key))
            }
        case .move(let target):
            for source in during.isEmpty ? [Self.legID(operation.leg.value)] : during {
                edges.append(
                    Edge(from: source, to: Self.stepID(target.value), kind: .operation, label: operation.key))
            }
        }
    }

    private func joiningSteps(of leg: String, room: String) -> [String] {
        (flow.leg(named: leg)?.steps ?? []).filter { step in
            step.verbs.contains { verb in
                if case .join(let join) = verb { return join.room.value == room }
                return false
            }
        }.map { Self.stepID($0.id) }
    }

    // MARK: - The line of each verb

    /// One line per verb; a gather's prompt verbs follow the gather on its line.
    static func lines(_ verbs: [Verb]) -> [String] {
        verbs.map(line)
    }

    static func line(_ verb: Verb) -> String {
        switch verb {
        case .say(let say): "say \(GraphText.quoted(GraphText.excerpt(say.text.value)))"
        case .play(let play): playLine(play)
        case .pause(let pause): "pause \(pause.length.value)s"
        case .gather(let gather): (["gather"] + gather.prompt.map(line)).joined(separator: " · ")
        case .record: "record"
        case .dial(let dial): (["dial", dial.leg.value] + dial.targets.map(target)).joined(separator: " ")
        case .dialQueue(let dial): "dial queue \(dial.queue.value)"
        case .join(let join): "join \(join.room.value)"
        case .enqueue(let enqueue): "enqueue \(enqueue.queue.value)"
        case .leave: "leave"
        case .go(let go): "go -> \(go.target.value.step)"
        case .hangup: "hangup"
        case .reject(let reject): reject.busy?.value == true ? "reject busy" : "reject"
        }
    }

    private static func playLine(_ play: PlayVerb) -> String {
        if let digits = play.digits { return "play digits \(GraphText.quoted(GraphText.displayed(digits.value)))" }
        switch play.source.value {
        case .asset(let name, _): return "play \(name)"
        case .url(let url): return "play \(GraphText.quoted(GraphText.excerpt(url)))"
        }
    }

    private static func target(_ target: DialTarget) -> String {
        let address = GraphText.quoted(GraphText.displayed(target.address))
        switch target.kind {
        case .number: return address
        case .client: return "client \(address)"
        case .sip: return "sip \(address)"
        }
    }
}
