import FlowDiagnostics

/// The proof behind flowc's promise: no leg of a flow runs off the end of a document, and no operation
/// leaves another leg without TwiML to run (issue #4; twiml-semantics.md §1, §3, §8.4).
///
/// It works on a `DeployedFlow` (the generated documents and the manifest), through one `CallGraph`:
/// 1. every leg's reachable points, from its start, its whisper and every document an operation moves it to;
/// 2. fall-off, unresolved URLs, self-loops and hold documents that end, on those points;
/// 3. every operation, in every state where the application may apply it (its `during` steps, or whenever
///    its leg is live), with the effect Twilio gives it on every other leg (§1.6, §1.7): the other leg's
///    continuation must not fall off, and after a hold it must not be hung up before it waits;
/// 4. rooms, queues and labels across legs.
/// Each question is a linear walk over the graph (`CallPaths`), so the cost is linear in the flow's size.
public enum ContinuationChecker {
    /// The findings about one flow, and the effect of each operation on the other legs.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// By operation: what every leg other than the operated one does when the operation is applied,
        /// as the route manifest states it (one entry per distinct outcome, sorted).
        public var effects: [OperationID: [RouteManifest.Effect]]
    }

    /// An operation of one flow; keys are unique only within a flow.
    public struct OperationID: Hashable, Sendable {
        public var flow: String
        public var key: String

        public init(flow: String, key: String) {
            self.flow = flow
            self.key = key
        }
    }

    public static func check(_ flow: DeployedFlow) -> Report {
        var checker = Run(flow: flow)
        checker.run()
        return Report(diagnostics: checker.diagnostics, effects: checker.effectsByOperation())
    }

    /// Checks every flow of a build, reading each back from its documents and its manifest entry.
    public static func check(program: FlowProgram, documents: [RoutedDocument], manifest: RouteManifest) -> Report {
        var report = Report(diagnostics: [], effects: [:])
        // Grouped once: filtering every flow's documents out of the whole build would be quadratic.
        let byFlow = Dictionary(grouping: documents, by: \.flow)
        let models = Dictionary(program.flows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in manifest.flows {
            guard let model = models[entry.name] else { continue }
            let flowReport = check(DeployedFlow(entry: entry, documents: byFlow[entry.name] ?? [], model: model))
            report.diagnostics += flowReport.diagnostics
            report.effects.merge(flowReport.effects) { first, _ in first }
        }
        return report
    }

    private struct Run {
        let flow: DeployedFlow
        let graph: CallGraph
        let paths: CallPaths
        var diagnostics: [Diagnostic] = []
        /// Reachable nodes of each leg, by leg name.
        var reach: [String: CallPaths.Reach] = [:]
        /// Findings already reported, so a document shared by many paths is reported once.
        var reported: Set<String> = []
        /// What each operation does to the other legs, by operation key.
        var effects: [String: Set<RouteManifest.Effect>] = [:]
        /// Queue and room verbs by name, indexed once reachability is known.
        var meetings = Meetings()

        init(flow: DeployedFlow) {
            self.flow = flow
            graph = CallGraph(flow: flow)
            paths = CallPaths(graph: graph)
        }

        mutating func run() {
            for leg in flow.legs {
                reach[leg.name] = paths.reach(from: roots(of: leg))
            }
            meetings = indexMeetings()
            for leg in flow.legs { checkOwnPaths(of: leg) }
            checkDocuments()
            checkContexts()
            for operation in flow.operations { check(operation) }
            checkRooms()
            checkQueues()
            checkUnreachableSteps()
        }

        // MARK: - Legs

        /// Where a leg's TwiML can start: its start step, its whisper, and every document an operation
        /// moves it to (the application may apply an operation whenever it allows).
        func roots(of leg: DeployedLeg) -> [Int] {
            var routes = [leg.start, leg.whisper].compactMap { $0 }
            for operation in flow.operations where operation.leg == leg.name {
                if case .redirect(let route) = operation.action { routes.append(route) }
            }
            return routes.compactMap { graph.start(of: $0) }
        }

        mutating func checkOwnPaths(of leg: DeployedLeg) {
            guard let reach = reach[leg.name] else { return }
            for node in reach.order {
                for edge in graph.edges[node] {
                    switch edge.target {
                    case .fallOff:
                        reportFallOff(leg: leg, at: node, reach: reach)
                    case .unresolved(let url) where graph.verb(at: node)?.name != "Leave":
                        let document = graph.document(of: node)
                        let key = "unresolved \(document.route) \(graph.points[node].index)"
                        guard reported.insert(key).inserted else { continue }
                        diagnostics.append(
                            Diagnostic(
                                "FLOW312", nil,
                                "'\(url)' in \(document.title) names no generated document",
                                at: document.span(ofVerb: graph.points[node].index),
                                notes: [Note("a failed fetch ends the call with an application error (twiml-semantics.md §8.2 rule 12)")]))
                    default: break
                    }
                }
            }
        }

        mutating func reportFallOff(leg: DeployedLeg, at node: Int, reach: CallPaths.Reach) {
            let document = graph.document(of: node)
            guard reported.insert("falloff \(document.route)").inserted else { return }
            let path = reach.path(to: node)
            let last = path.dropLast().last.map { $0.node }
            let index = last.map { graph.points[$0].index } ?? graph.points[node].index
            var notes = pathNotes(leg: leg.name, path)
            notes.append(
                Note("\(document.title) has no verb left: Twilio hangs leg '\(leg.name)' up (twiml-semantics.md §1.2)"))
            diagnostics.append(
                Diagnostic(
                    "FLOW302", nil, "leg '\(leg.name)' can run off the end of \(document.title)",
                    at: document.span(ofVerb: index), notes: notes,
                    help: "end the step with 'hangup' or 'go -> step', or give its last verb a 'then' continuation"))
        }

        /// One note per point of a counterexample: `caller, step 'start': says “Hello”`, with the outcome that
        /// led there when it is not simply the next verb.
        func pathNotes(leg: String, _ path: [CallPaths.Step]) -> [Note] {
            path.map { step in
                let document = graph.document(of: step.node)
                let index = graph.points[step.node].index
                let place = document.leg == leg && document.step != nil ? "step '\(document.step ?? "")'" : document.title
                let how = step.arrivedBy.flatMap { $0 == CallGraph.Edge.nextLabel ? nil : "\($0), then " } ?? ""
                return Note(
                    "\(leg), \(place): \(how)\(VerbDescription.describe(graph.verb(at: step.node)))",
                    at: document.span(ofVerb: index))
            }
        }

        // MARK: - Documents on their own

        /// Rules about each document on its own, reachable or not, wait documents included (their verbs exist
        /// in the graph only once per `<Enqueue>` that uses them, so this walks the documents themselves).
        mutating func checkDocuments() {
            for document in flow.documents {
                for (index, verb) in document.document.verbs.enumerated() {
                    checkVerb(verb, at: index, in: document)
                }
            }
            checkFetchesAndHoldDocuments()
        }

        mutating func checkVerb(_ verb: TwiMLElement, at index: Int, in document: DeployedDocument) {
            if verb.name == "Leave", document.context != .enqueueWait {
                diagnostics.append(
                    Diagnostic(
                        "FLOW316", nil, "<Leave> in \(document.title) runs outside an Enqueue wait document",
                        at: document.span(ofVerb: index),
                        notes: [Note("<Leave> takes a caller out of a queue and belongs only in the queue's wait document (twiml-semantics.md §2.2 Leave, §8.3 rule 23)")]))
            }
            if ["Gather", "Record"].contains(verb.name) || isVirtualAgent(verb), verb[attribute: "action"] == nil {
                diagnostics.append(
                    Diagnostic(
                        "FLOW305", nil,
                        "<\(verb.name)> in \(document.title) has no action: Twilio requests the same document again",
                        at: document.span(ofVerb: index),
                        notes: [Note("on static files that repeats the document forever (twiml-semantics.md §8.4 rule 38)")]))
            }
            // Outside a wait document <Leave> is FLOW316 already; it transfers nothing there.
            let misplacedLeave = verb.name == "Leave" && document.context != .enqueueWait
            if transfersControl(verb), !misplacedLeave, index + 1 < document.document.verbs.count, verb.name != "Record" {
                diagnostics.append(
                    Diagnostic(
                        "FLOW308", nil, "verbs after <\(verb.name)> in \(document.title) never run",
                        at: document.span(ofVerb: index + 1),
                        notes: [Note("control passes elsewhere here (twiml-semantics.md §1.1, §8.4 rule 27)", at: document.span(ofVerb: index))]))
            }
        }

        mutating func checkFetchesAndHoldDocuments() {
            var fetched: Set<CallGraph.Fetch> = []
            for fetch in graph.fetches where fetch.method != "GET" && fetched.insert(fetch).inserted {
                let document = graph.document(of: fetch.from)
                let index = graph.points[fetch.from].index
                let verb = graph.verb(at: fetch.from)?.name ?? "verb"
                diagnostics.append(
                    Diagnostic(
                        "FLOW315", nil,
                        "<\(verb)> in \(document.title) makes Twilio fetch a document with \(fetch.method)",
                        at: document.span(ofVerb: index),
                        notes: [Note("static hosts refuse POST and Twilio caches only GET; every URL of a generated document needs an explicit GET (twiml-semantics.md §5, §8.2 rule 15)")]))
            }
            for (position, document) in flow.documents.enumerated() where document.context == .hold {
                guard let start = graph.node(CallGraph.Point(document: position, index: 0, site: nil)),
                    let found = paths.shortestPath(from: [start], where: { $0.target == .undocumentedEnd })
                else { continue }
                let index = graph.points[found.path.last?.node ?? start].index
                diagnostics.append(
                    Diagnostic(
                        "FLOW306", nil, "\(document.title) can reach its end",
                        at: document.span(ofVerb: max(0, index - 1)),
                        notes: [Note("what Twilio does at the end of a hold document is not documented; it must loop with <Redirect> (twiml-semantics.md §3.1, §8.3 rule 20)")]))
            }
        }

        /// `<Connect><VirtualAgent>` without an action re-requests the current document, like Gather and Record
        /// (twiml-semantics.md §1.4, §8.4 rule 38); other `<Connect>` nouns go on with the next verb.
        func isVirtualAgent(_ verb: TwiMLElement) -> Bool {
            verb.name == "Connect" && verb.children.contains { $0.name == "VirtualAgent" }
        }

        func transfersControl(_ verb: TwiMLElement) -> Bool {
            switch verb.name {
            case "Redirect", "Hangup", "Reject", "Leave": true
            case "Dial", "Enqueue", "Record": verb[attribute: "action"] != nil
            default: false
            }
        }

        mutating func checkContexts() {
            for reference in graph.contextReferences {
                guard let target = graph.routeIndex[reference.route] else { continue }
                let document = flow.documents[target]
                guard document.context != reference.expected else { continue }
                // A document that holds only verbs both contexts allow satisfies both (§8.3 rule 24).
                if document.document.verbs.allSatisfy({ reference.expected.allowedVerbs.contains($0.name) }) { continue }
                let from = graph.document(of: reference.from)
                let key = "context \(reference.route) \(reference.expected)"
                guard reported.insert(key).inserted else { continue }
                diagnostics.append(
                    Diagnostic(
                        "FLOW313", nil,
                        "\(document.title) is used as \(reference.expected.displayName) but was generated as \(document.context.displayName)",
                        at: from.span(ofVerb: graph.points[reference.from].index),
                        notes: [Note("a document has exactly one context (twiml-semantics.md §8.3 rule 24)", at: document.span)]))
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
            if let leg = flow.legs.first(where: { $0.name == operation.leg }) {
                for address in leg.dialedFrom {
                    guard let node = graph.node(at: address), allowed(node) else { continue }
                    for parent in flow.legs where reach[parent.name]?.contains(node) == true {
                        result.append(.child(parent: parent.name, node: node))
                    }
                }
            }
            return result
        }

        mutating func check(_ operation: DeployedOperation) {
            let placements = placements(of: operation)
            switch operation.action {
            case .participantHold(let conference, let hold, _):
                let inRoom = placements.compactMap { placement -> Int? in
                    guard case .own(let node) = placement, let verb = graph.verb(at: node),
                        verb.name == "Dial",
                        let room = verb.children.first(where: { $0.name == "Conference" }), room.text == conference
                    else { return nil }
                    return node
                }
                if inRoom.isEmpty {
                    reportMisplaced(operation, "it is never in conference '\(conference)'")
                    return
                }
                if hold {
                    for node in inRoom {
                        guard let room = graph.verb(at: node)?.children.first(where: { $0.name == "Conference" }),
                            room[attribute: "endConferenceOnExit"] == "true"
                        else { continue }
                        diagnostics.append(
                            Diagnostic(
                                "FLOW314", nil,
                                "operation '\(operation.key)' holds leg '\(operation.leg)', which ends conference '\(conference)' when it leaves",
                                at: operation.span,
                                notes: [
                                    Note("the leg joins with end_on_exit here", at: graph.document(of: node).span(ofVerb: graph.points[node].index)),
                                    Note("a held participant that hangs up ends the conference for everyone, and Twilio ignores changes to EndConferenceOnExit while it is held (twiml-semantics.md §1.8, §4.2, §8.4 rule 41)"),
                                ]))
                        break
                    }
                }
            case .redirect(let route):
                if placements.isEmpty {
                    reportMisplaced(operation, "it is never live there")
                    return
                }
                for placement in placements {
                    checkEffects(of: operation, movingTo: route, from: placement)
                }
            }
        }

        mutating func reportMisplaced(_ operation: DeployedOperation, _ reason: String) {
            let scope = operation.during.isEmpty ? "" : " during the steps it names"
            diagnostics.append(
                Diagnostic(
                    "FLOW304", nil,
                    "operation '\(operation.key)' is applied to leg '\(operation.leg)'\(scope), but \(reason)",
                    at: operation.span,
                    notes: [Note("a REST update of a call that is not where the operation expects fails or acts on the wrong call (twiml-semantics.md §1.5, §8.4 rule 43)")]))
        }

        /// What Twilio does to the other legs when `operation` moves its leg away from `placement`
        /// (twiml-semantics.md §1.6, §1.7), and whether each of them still has TwiML to run.
        mutating func checkEffects(of operation: DeployedOperation, movingTo route: String, from placement: Placement) {
            switch placement {
            case .child(let parent, let node):
                // §1.6: the child is moved; the parent's <Dial> ends and it goes on with its continuation.
                checkPartner(
                    parent, continuingFrom: node, after: operation,
                    because: "leg '\(operation.leg)' leaves the dial, so the dial of leg '\(parent)' ends")
            case .own(let node):
                guard let verb = graph.verb(at: node) else { return }
                switch verb.name {
                case "Dial":
                    if let queue = verb.children.first(where: { $0.name == "Queue" }) {
                        for (member, enqueue) in enqueues(named: queue.text) where member != operation.leg {
                            checkPartner(
                                member, continuingFrom: enqueue, after: operation,
                                because: "leg '\(operation.leg)' leaves the bridge, so leg '\(member)' leaves queue '\(queue.text)'")
                        }
                    } else if let room = verb.children.first(where: { $0.name == "Conference" }) {
                        guard room[attribute: "endConferenceOnExit"] == "true" else { return }
                        for (other, join) in joins(named: room.text) where other != operation.leg {
                            checkPartner(
                                other, continuingFrom: join, after: operation,
                                because: "leg '\(operation.leg)' leaves with end_on_exit, so conference '\(room.text)' ends for leg '\(other)'")
                        }
                    } else {
                        // §1.6, rule 28: moving the parent disconnects the child it dialed.
                        for child in flow.legs where child.dialedFrom.contains(where: { graph.node(at: $0) == node }) {
                            reportDisconnect(operation, parentNode: node, child: child.name)
                        }
                    }
                case "Enqueue":
                    for (dequeuer, dial) in dequeuers(named: verb.text) where dequeuer != operation.leg {
                        checkPartner(
                            dequeuer, continuingFrom: dial, after: operation,
                            because: "leg '\(operation.leg)' leaves queue '\(verb.text)', so the dial of leg '\(dequeuer)' ends")
                    }
                default:
                    return
                }
            }
        }

        mutating func reportDisconnect(_ operation: DeployedOperation, parentNode: Int, child: String) {
            effects[operation.key, default: []].insert(
                RouteManifest.Effect(
                    leg: child, outcome: "disconnected", step: nil,
                    explanation: "moving the leg that dialed '\(child)' hangs '\(child)' up (twiml-semantics.md §1.6)"))
            guard reported.insert("disconnect \(operation.key) \(child)").inserted else { return }
            let document = graph.document(of: parentNode)
            diagnostics.append(
                Diagnostic(
                    "FLOW303", nil,
                    "operation '\(operation.key)' disconnects leg '\(child)': it moves leg '\(operation.leg)' while '\(operation.leg)' is bridged to the leg it dialed",
                    at: operation.span,
                    notes: [
                        Note("leg '\(operation.leg)' dials '\(child)' here", at: document.span(ofVerb: graph.points[parentNode].index)),
                        Note("moving the parent of a dial hangs up its child, which has no TwiML of its own to go on with (twiml-semantics.md §1.6, §8.4 rule 28)"),
                    ],
                    help: "restrict the operation with 'during' to steps where the leg is not bridged, move '\(child)' instead, or hold through a conference"))
        }

        /// Checks that leg `partner`, whose verb at `node` ends because of `operation`, goes on without
        /// falling off, and, after a hold, without being hung up before it waits.
        mutating func checkPartner(_ partner: String, continuingFrom node: Int, after operation: DeployedOperation, because cause: String) {
            let continuation = graph.edges[node].filter { $0.outcome == .dialEnds || $0.outcome == .queueLeft }
            let starts = continuation.compactMap { edge -> Int? in
                if case .point(let next) = edge.target { return next }
                return nil
            }
            for start in starts {
                let document = graph.document(of: start)
                let step = document.leg.flatMap { leg in document.step.map { "\(leg).\($0)" } }
                let hungUpAtOnce = paths.endsWithoutWaiting[start]
                effects[operation.key, default: []].insert(
                    RouteManifest.Effect(
                        leg: partner, outcome: hungUpAtOnce ? "disconnected" : "continues", step: step,
                        explanation: hungUpAtOnce
                            ? "\(cause); it goes on with \(document.title), which hangs it up before it waits (twiml-semantics.md §1.6, §1.7)"
                            : "\(cause); it goes on with \(document.title) (twiml-semantics.md §1.6, §1.7)"))
            }
            let fallsOff = continuation.contains { $0.target == .fallOff } || starts.contains { paths.canFallOff[$0] }
            let hungUp =
                operation.kind == .hold
                && (continuation.contains { $0.target == .exit } || starts.contains { paths.endsWithoutWaiting[$0] })
            guard fallsOff || hungUp else { return }
            guard reported.insert("partner \(operation.key) \(partner) \(node)").inserted else { return }
            let document = graph.document(of: node)
            let place = document.leg == partner && document.step != nil ? "step '\(document.step ?? "")'" : document.title
            var notes = [
                // The diagnostic's own span is this verb, so the note carries none (no second snippet).
                Note("\(partner), \(place): \(VerbDescription.describe(graph.verb(at: node)))"),
                Note("operation '\(operation.key)' moves leg '\(operation.leg)'", at: operation.span),
                Note(cause),
            ]
            let found =
                fallsOff
                ? paths.shortestPath(from: starts, where: { $0.target == .fallOff })
                : paths.shortestPath(from: starts, where: { $0.target == .exit || $0.target == .fallOff }, waitingAllowed: false)
            if let found {
                notes.append(contentsOf: pathNotes(leg: partner, found.path))
            }
            let ending =
                fallsOff
                ? "the document of leg '\(partner)' has no verb left: Twilio hangs '\(partner)' up (twiml-semantics.md §1.2, §1.6)"
                : "leg '\(partner)' hangs up before it can wait for the held leg to come back"
            notes.append(Note(ending))
            diagnostics.append(
                Diagnostic(
                    "FLOW301", nil,
                    "leg '\(partner)' is hung up when operation '\(operation.key)' moves leg '\(operation.leg)'",
                    at: document.span(ofVerb: graph.points[node].index), notes: notes,
                    help: fallsOff
                        ? "give this verb a 'then -> step' continuation that keeps the leg waiting, or hold through a conference"
                        : "continue to a step that waits (a queue, a pause loop, a conference) instead of hanging up, or hold through a conference"))
        }

        /// The recorded effects, plus `unchanged` for every other leg an operation does not touch.
        func effectsByOperation() -> [OperationID: [RouteManifest.Effect]] {
            var result: [OperationID: [RouteManifest.Effect]] = [:]
            for operation in flow.operations {
                var found = effects[operation.key] ?? []
                let touched = Set(found.map(\.leg))
                let explanation: String
                if case .participantHold = operation.action {
                    explanation = "a participant hold changes no TwiML: this leg stays where it is (twiml-semantics.md §4.2, §8.4 rule 41)"
                } else {
                    explanation = "not bridged with '\(operation.leg)' where the operation applies: its TwiML does not change"
                }
                for leg in flow.legs where leg.name != operation.leg && !touched.contains(leg.name) {
                    found.insert(RouteManifest.Effect(leg: leg.name, outcome: "unchanged", step: nil, explanation: explanation))
                }
                result[OperationID(flow: flow.name, key: operation.key)] = found.sorted { ($0.leg, $0.outcome, $0.step ?? "") < ($1.leg, $1.outcome, $1.step ?? "") }
            }
            return result
        }

        // MARK: - Rooms, queues, labels

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

        func indexMeetings() -> Meetings {
            var legsAt: [Int: [String]] = [:]
            for leg in flow.legs {
                guard let reach = reach[leg.name] else { continue }
                for node in reach.order { legsAt[node, default: []].append(leg.name) }
            }
            var meetings = Meetings()
            for node in graph.points.indices {
                guard let verb = graph.verb(at: node), let legs = legsAt[node] else { continue }
                for leg in legs {
                    if verb.name == "Enqueue" {
                        meetings.enqueues[verb.text, default: []].append(Meeting(leg: leg, node: node, name: verb.text))
                    } else if verb.name == "Dial", let queue = verb.children.first(where: { $0.name == "Queue" }) {
                        let meeting = Meeting(leg: leg, node: node, name: queue.text)
                        meetings.dequeuers[queue.text, default: []].append(meeting)
                        meetings.allDequeuers.append(meeting)
                    } else if verb.name == "Dial", let room = verb.children.first(where: { $0.name == "Conference" }) {
                        let meeting = Meeting(leg: leg, node: node, name: room.text)
                        meetings.joins[room.text, default: []].append(meeting)
                        meetings.allJoins.append(meeting)
                    }
                }
            }
            return meetings
        }

        func enqueues(named queue: String) -> [(String, Int)] {
            (meetings.enqueues[queue] ?? []).map { ($0.leg, $0.node) }
        }

        func dequeuers(named queue: String) -> [(String, Int)] {
            (meetings.dequeuers[queue] ?? []).map { ($0.leg, $0.node) }
        }

        func joins(named room: String) -> [(String, Int)] {
            (meetings.joins[room] ?? []).map { ($0.leg, $0.node) }
        }

        mutating func checkRooms() {
            let all = meetings.allJoins
            for room in Set(all.map(\.name)).sorted() {
                let joins = all.filter { $0.name == room }
                let starters = joins.filter { join in
                    graph.verb(at: join.node)?.children.first { $0.name == "Conference" }?[attribute: "startConferenceOnEnter"] != "false"
                }
                if starters.isEmpty, let first = joins.first {
                    let document = graph.document(of: first.node)
                    diagnostics.append(
                        Diagnostic(
                            "FLOW309", nil, "no participant can start conference '\(room)'",
                            at: document.span(ofVerb: graph.points[first.node].index),
                            notes: [Note("a conference starts only when a participant with startConferenceOnEnter joins; until then everyone waits (twiml-semantics.md §2.2 Conference, §8.4 rule 37)")],
                            help: "let one leg join with 'start_on_enter'"))
                }
                var labels: [String: (leg: String, node: Int)] = [:]
                for join in joins {
                    guard let label = graph.verb(at: join.node)?.children.first(where: { $0.name == "Conference" })?[attribute: "participantLabel"]
                    else { continue }
                    let role = flow.legs.first { $0.name == join.leg }?.role
                    let document = graph.document(of: join.node)
                    let span = document.span(ofVerb: graph.points[join.node].index)
                    if let first = labels[label], first.leg != join.leg {
                        diagnostics.append(
                            Diagnostic(
                                "FLOW310", nil, "legs '\(first.leg)' and '\(join.leg)' may join conference '\(room)' with the same label '\(label)'",
                                at: span,
                                notes: [
                                    Note("leg '\(first.leg)' uses it here", at: graph.document(of: first.node).span(ofVerb: graph.points[first.node].index)),
                                    Note("a duplicate participantLabel makes the second leg skip the conference and fall to the next verb (twiml-semantics.md §1.8, §8.1 rule 10, §8.4 rule 36)"),
                                ]))
                    } else if role == .entry, flow.sharedConferences.contains(room), labels[label] == nil {
                        // Every call to the number joins the one shared room with the same label. Outbound
                        // legs are placed by the application one at a time, and a room that is not shared
                        // gets a conference per call, so neither clashes with itself.
                        diagnostics.append(
                            Diagnostic(
                                "FLOW310", nil, "every call of leg '\(join.leg)' joins conference '\(room)' with the same label '\(label)'",
                                at: span,
                                notes: [Note("two calls at once would clash: the second skips the conference (twiml-semantics.md §8.1 rule 10, §8.4 rule 36)")]))
                    }
                    if labels[label] == nil { labels[label] = (join.leg, join.node) }
                }
            }
        }

        mutating func checkQueues() {
            for dial in meetings.allDequeuers where meetings.enqueues[dial.name] == nil {
                let document = graph.document(of: dial.node)
                guard reported.insert("queue \(dial.name)").inserted else { continue }
                let reconnects = flow.operations.filter { operation in
                    guard case .redirect(let route) = operation.action else { return false }
                    return route == document.route
                }
                let severity: Severity = reconnects.isEmpty ? .warning : .error
                diagnostics.append(
                    Diagnostic(
                        "FLOW311", severity, "leg '\(dial.leg)' dials queue '\(dial.name)', but no leg is ever enqueued in it",
                        at: document.span(ofVerb: graph.points[dial.node].index),
                        notes: reconnects.map { Note("operation '\($0.key)' relies on it", at: $0.span) }
                            + [Note("dialing an empty queue waits until the dial's timeout (twiml-semantics.md §1.7, §8.4 rule 34)")]))
            }
        }


        mutating func checkUnreachableSteps() {
            for (position, document) in flow.documents.enumerated() {
                guard let legName = document.leg, document.step != nil,
                    let node = graph.node(CallGraph.Point(document: position, index: 0, site: nil))
                else { continue }
                // An operation may move any leg to any step (`move caller -> agent.wrap`), so a step is
                // reached when some leg reaches it.
                if flow.legs.contains(where: { reach[$0.name]?.contains(node) == true }) { continue }
                diagnostics.append(
                    Diagnostic(
                        "FLOW307", nil, "\(document.title) is never reached",
                        at: document.span,
                        notes: [Note("no path of leg '\(legName)' and no operation leads to it")]))
            }
        }
    }
}

extension RouteManifest {
    /// Appends the checker's predicted effects on the other legs to each operation, after its own effect.
    mutating func addEffects(_ effects: [ContinuationChecker.OperationID: [Effect]]) {
        for flowIndex in flows.indices {
            for operationIndex in flows[flowIndex].operations.indices {
                let operation = flows[flowIndex].operations[operationIndex]
                let id = ContinuationChecker.OperationID(flow: flows[flowIndex].name, key: operation.key)
                flows[flowIndex].operations[operationIndex].effects += effects[id] ?? []
            }
        }
    }
}
