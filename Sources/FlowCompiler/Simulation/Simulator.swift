/// Runs calls through the deployed documents of one flow, event by event, and writes what every leg
/// does (`flowc simulate`; the transcript format is specified in Docs/Simulate.md and is stable).
///
/// It walks the same `CallGraph` as the continuation checker, so both read Twilio's execution from one
/// model: a scripted event picks one documented outcome of the verb a leg waits at (Docs/Twilio.md#outcomes), and REST
/// operations have the effects of Docs/Twilio.md#dial-bridge–Docs/Twilio.md#hold-techniques on the legs bridged with the moved one.
/// Without a scenario it runs the happy path (`HappyPath`).
///
/// Guarantees: deterministic output for the same input; every run ends (each burst of a leg's activity
/// stops at a document it already ran in that burst, and the happy path has a fixed event budget).
public struct Simulator {
    let flow: DeployedFlow
    let graph: CallGraph
    var transcript = Transcript()
    var legs: [String: LegRun] = [:]
    var rooms: [String: RoomRun] = [:]
    /// Points on a redirect loop that never waits (`CallGraph.instantCycles()`): a leg that comes back to
    /// one is not waiting but trapped, the accident FLOW317 reports.
    let instantLoop: Set<Int>
    /// The parameters Twilio sends with a leg's next request (`Digits`, `DialCallStatus`, …), which a
    /// router reads at a junction (Docs/Output.md#dispatch); consumed by the next document the leg fetches.
    var parameters: [String: [String: String]] = [:]

    /// What one leg is doing.
    struct LegRun {
        enum State: Equatable {
            case idle
            /// Running verbs, or a dialed leg that its parent's dial rings; only a ringing leg stays
            /// here between events.
            case running
            case waiting(node: Int, Wait)
            case ended(String)
        }

        var state: State = .idle
    }

    /// Why a leg waits.
    enum Wait: Equatable {
        case gather, record
        /// Its `<Dial>` rings the dialed leg `child`.
        case ringing(child: String)
        /// Its `<Dial>` is bridged to `child`.
        case bridgedToChild(String)
        /// A dialed leg, bridged to the leg whose `<Dial>` (at `parentNode`) created it.
        case child(parent: String, parentNode: Int)
        /// Its `<Dial><Queue>` waits for a caller in the queue.
        case dequeuing(String)
        /// Its `<Dial><Queue>` is bridged to `member`.
        case bridgedToMember(String)
        /// It waits in the queue of its `<Enqueue>`.
        case queued(String)
        /// Its `<Enqueue>` is bridged to `dequeuer`.
        case bridgedToDequeuer(String)
        /// It is a participant of a conference (`held` while the application holds it).
        case conference(String, held: Bool)
        /// It repeats documents with nothing to wait for but time (a pause loop).
        case looping
    }

    struct RoomRun {
        var participants: [String] = []
        var started = false
    }

    public init(flow: DeployedFlow) {
        self.flow = flow
        graph = CallGraph(flow: flow)
        instantLoop = Set(graph.instantCycles().joined())
        for leg in flow.legs { legs[leg.name] = LegRun() }
        transcript.width = max(transcript.width, flow.legs.map(\.name.count).max() ?? 0)
    }

    /// Runs `scenario` and returns the transcript.
    public static func run(_ flow: DeployedFlow, scenario: Scenario?) -> String {
        var simulator = Simulator(flow: flow)
        simulator.transcript.header(flow: flow.name, scenario: scenario == nil ? "happy path" : "scripted")
        if let scenario {
            for event in scenario.events { simulator.handle(event.value, automatic: false) }
        } else {
            HappyPath.run(&simulator)
        }
        simulator.finish()
        return simulator.transcript.text
    }

    // MARK: - Events

    mutating func handle(_ event: ScenarioEvent, automatic: Bool) {
        transcript.event(event.text, automatic: automatic)
        switch event {
        case .startSending(let leg, let parameter, let value):
            parameters[leg] = [parameter.name: value]
            start(leg)
        case .start(let leg):
            start(leg)
        case .press(let leg, let input), .speak(let leg, let input):
            guard case .waiting(let node, .gather) = legs[leg]?.state else { return refuse("leg '\(leg)' is not gathering input") }
            if case .press = event { parameters[leg] = ["Digits": input] } else { parameters[leg] = ["SpeechResult": input] }
            follow(leg, from: node, .gatherInput)
        case .silence(let leg):
            guard case .waiting(let node, .gather) = legs[leg]?.state else { return refuse("leg '\(leg)' is not gathering input") }
            if graph.edges[node].contains(where: { $0.outcome == .gatherNoInput }) {
                follow(leg, from: node, .gatherNoInput)
            } else {
                follow(leg, from: node, .gatherInput)
            }
        case .finishRecording(let leg):
            guard case .waiting(let node, .record) = legs[leg]?.state else { return refuse("leg '\(leg)' is not recording") }
            follow(leg, from: node, .recordEnds)
        case .answer(let child):
            guard let (parent, node) = ringingParent(of: child) else { return refuse("no dial rings leg '\(child)'") }
            answer(child, parent: parent, node: node)
        case .dialFails(let leg, let failure):
            if let (parent, node) = ringingParent(of: leg) {
                legs[leg]?.state = .ended("never answered (\(failure.rawValue))")
                transcript.line(leg, "does not answer: \(failure.rawValue)")
                dialEnds(parent, at: node, because: "its dial ends (DialCallStatus=\(failure.rawValue))", status: failure.rawValue)
            } else if case .waiting(let node, .dequeuing(let queue)) = legs[leg]?.state {
                dialEnds(
                    leg, at: node, because: "its dial of queue '\(queue)' ends (DialCallStatus=\(failure.rawValue))",
                    status: failure.rawValue)
            } else {
                refuse("leg '\(leg)' has no dial that can end with \(failure.rawValue)")
            }
        case .hangup(let leg):
            guard let state = legs[leg]?.state, case .waiting = state else { return refuse("leg '\(leg)' is not live") }
            detach(leg, reason: "puts the phone down")
            legs[leg]?.state = .ended("the person hung up")
        case .apply(let key):
            apply(key)
        }
    }

    /// Twilio starts an entry or outbound leg: it fetches the leg's start document.
    mutating func start(_ leg: String) {
        guard legs[leg]?.state == .idle, let info = flow.legs.first(where: { $0.name == leg }), info.role != .dialed
        else {
            return refuse("leg '\(leg)' cannot start: it is not an idle entry or outbound leg")
        }
        guard let route = info.start, let node = graph.start(of: route) else {
            return refuse("leg '\(leg)' has no start document")
        }
        run(leg, from: node)
    }

    mutating func refuse(_ reason: String) {
        transcript.note("ignored: \(reason)")
    }

    func ringingParent(of child: String) -> (String, Int)? {
        for (name, run) in legs.sorted(by: { $0.key < $1.key }) {
            if case .waiting(let node, .ringing(child)) = run.state { return (name, node) }
        }
        return nil
    }

    mutating func answer(_ child: String, parent: String, node: Int) {
        transcript.line(child, "answers")
        if let whisper = flow.legs.first(where: { $0.name == child })?.whisper, let start = graph.start(of: whisper) {
            transcript.line(child, "GET \(whisper)")
            if let ending = runWhisper(child, from: start), ending == .exit {
                legs[child]?.state = .ended("hung up in its whisper")
                dialEnds(parent, at: node, because: "its dial ends: the dialed leg hung up before the bridge", status: "completed")
                return
            }
        }
        transcript.line(parent, "is bridged with \(child)")
        legs[parent]?.state = .waiting(node: node, .bridgedToChild(child))
        legs[child]?.state = .waiting(node: node, .child(parent: parent, parentNode: node))
    }

    /// Runs a whisper or queue whisper document to its end (bridge) or to a hangup.
    mutating func runWhisper(_ leg: String, from start: Int) -> CallGraph.Target? {
        var node = start
        var steps = 0
        while steps < 1000 {
            steps += 1
            if let verb = graph.verb(at: node) { transcript.line(leg, VerbDescription.describe(verb)) }
            guard let edge = graph.edges[node].first else { return nil }
            switch edge.target {
            case .point(let next): node = next
            default: return edge.target
            }
        }
        return nil
    }

    // MARK: - Operations

    mutating func apply(_ key: String) {
        guard let operation = flow.operations.first(where: { $0.key == key }) else {
            return refuse("the flow has no operation '\(key)'")
        }
        let leg = operation.leg
        guard let state = legs[leg]?.state, case .waiting(let node, let wait) = state else {
            return refuse("leg '\(leg)' is not live")
        }
        // The checker proves an operation only where the flow lets the application apply it (the
        // checker's placements): the leg's own point, or for a dialed leg the parent's <Dial>.
        if !operation.during.isEmpty, !operation.during.contains(graph.document(of: node).route) {
            let steps = operation.during.map { route in
                flow.documents.first { $0.route == route }?.title ?? route
            }
            return refuse(
                "operation '\(key)' applies only during \(steps.joined(separator: ", ")); leg '\(leg)' is in \(graph.document(of: node).title)")
        }
        switch operation.action {
        case .participantHold(let conference, let hold, let holdRoute):
            guard case .conference(let room, _) = wait, room == conference else {
                return refuse("leg '\(leg)' is not in conference '\(conference)'")
            }
            transcript.application(
                "updates the participant \(leg) of conference '\(conference)': Hold=\(hold)"
                    + (holdRoute.map { ", HoldUrl=\(absoluteURL(of: $0)), HoldMethod=GET" } ?? ""))
            legs[leg]?.state = .waiting(node: node, .conference(room, held: hold))
            if hold, let holdRoute, let start = graph.start(of: holdRoute) {
                transcript.line(leg, "is on hold: GET \(holdRoute)")
                playOnce(leg, from: start, repeats: "the hold document repeats")
            } else if !hold {
                transcript.line(leg, "is back in conference '\(conference)'")
            }
        case .redirect(let route):
            guard let target = graph.start(of: route) else { return refuse("route \(route) is not generated") }
            transcript.application("updates call \(leg): Url=\(absoluteURL(of: route)), Method=GET")
            detach(leg, reason: "is moved by the application")
            run(leg, from: target)
        }
    }

    /// The URL the application sends for `route`: absolute from the flow's base URL (Docs/Twilio.md#urls-and-methods).
    func absoluteURL(of route: String) -> String {
        let root = "/" + flow.name
        guard let base = flow.baseURL, route.hasPrefix(root + "/") else { return route }
        return RouteLayout.absoluteURL(of: String(route.dropFirst()), flow: flow.name, baseURL: base)
    }

    /// Plays a looping document once for the transcript (hold, wait): its verbs up to the loop.
    mutating func playOnce(_ leg: String, from start: Int, repeats: String) {
        var node = start
        var seen: Set<Int> = []
        while seen.insert(node).inserted {
            guard let verb = graph.verb(at: node) else { break }
            if case .redirect = verb { break }
            transcript.line(leg, VerbDescription.describe(verb))
            guard let edge = graph.edges[node].first, case .point(let next) = edge.target else { break }
            node = next
        }
        transcript.line(leg, "(\(repeats))")
    }

    /// What Twilio does to the legs bridged with `leg` when `leg` leaves (it hangs up, or a REST update
    /// moves it): Docs/Twilio.md#dial-bridge for dials, Docs/Twilio.md#conference-and-queue-legs for queues and conferences.
    mutating func detach(_ leg: String, reason: String) {
        guard let state = legs[leg]?.state, case .waiting(let node, let wait) = state else { return }
        transcript.line(leg, reason)
        legs[leg]?.state = .running
        switch wait {
        case .child(let parent, let parentNode):
            dialEnds(parent, at: parentNode, because: "its dial ends: leg '\(leg)' left the call", status: "completed")
        case .bridgedToChild(let child):
            legs[child]?.state = .ended("disconnected: the leg that dialed it left")
            transcript.line(child, "is disconnected: the leg that dialed it left (Docs/Twilio.md#dial-bridge)")
        case .ringing(let child):
            legs[child]?.state = .ended("canceled")
            transcript.line(child, "stops ringing")
        case .bridgedToDequeuer(let dequeuer):
            if case .waiting(let dialNode, _) = legs[dequeuer]?.state {
                dialEnds(dequeuer, at: dialNode, because: "its dial of the queue ends: leg '\(leg)' left", status: "completed")
            }
        case .bridgedToMember(let member):
            if case .waiting(let enqueueNode, _) = legs[member]?.state {
                leavesQueue(
                    member, at: enqueueNode, because: "leaves the queue: the bridge with '\(leg)' ended (QueueResult=bridged)",
                    result: "bridged")
            }
        case .conference(let room, _):
            rooms[room]?.participants.removeAll { $0 == leg }
            // A conference ends when its last participant leaves; the next join makes a new one, which
            // must start again (Docs/Twilio.md#conference-and-queue-legs, Docs/Twilio.md#conference).
            if rooms[room]?.participants.isEmpty == true { rooms[room] = nil }
            let endsRoom = graph.verb(at: node)?.conference?.endsOnExit == true
            if endsRoom {
                transcript.note("conference '\(room)' ends: '\(leg)' joined with endConferenceOnExit")
                let others = rooms[room]?.participants ?? []
                rooms[room] = nil
                for other in others {
                    if case .waiting(let joinNode, _) = legs[other]?.state {
                        dialEnds(other, at: joinNode, because: "its dial ends: conference '\(room)' ended", status: "answered")
                    }
                }
            }
        case .gather, .record, .dequeuing, .queued, .looping:
            break
        }
    }

    /// The leg's `<Dial>` ends with `DialCallStatus=status` (Docs/Twilio.md#request-parameters).
    mutating func dialEnds(_ leg: String, at node: Int, because reason: String, status: String) {
        transcript.line(leg, reason)
        parameters[leg] = ["DialCallStatus": status]
        follow(leg, from: node, .dialEnds)
    }

    /// The leg leaves its queue with `QueueResult=result` (Docs/Twilio.md#request-parameters).
    mutating func leavesQueue(_ leg: String, at node: Int, because reason: String, result: String) {
        transcript.line(leg, reason)
        parameters[leg] = ["QueueResult": result]
        follow(leg, from: node, .queueLeft)
    }

    /// Takes the edge of `outcome` from `node` and runs the leg on.
    mutating func follow(_ leg: String, from node: Int, _ outcome: CallGraph.Outcome) {
        legs[leg]?.state = .running
        guard let edge = graph.edges[node].first(where: { $0.outcome == outcome }) else {
            legs[leg]?.state = .ended("no continuation")
            return transcript.line(leg, "has no continuation")
        }
        take(edge, leg: leg, visited: [])
    }

    // MARK: - Running a leg

    /// Runs `leg` from `node` until it waits or ends.
    mutating func run(_ leg: String, from node: Int) {
        legs[leg]?.state = .running
        step(leg, at: node, visited: [])
    }

    mutating func take(_ edge: CallGraph.Edge, leg: String, visited: Set<Int>) {
        switch edge.target {
        case .point(let next):
            step(leg, at: next, visited: visited, method: edge.method ?? "GET")
        case .exit:
            legs[leg]?.state = .ended(edge.outcome == .reject ? "rejected" : "hung up on purpose")
        case .fallOff:
            transcript.line(leg, "runs out of verbs: Twilio hangs the leg up (accident, Docs/Twilio.md#end-of-document)")
            legs[leg]?.state = .ended("fell off the end of a document (accident)")
        case .unresolved(let url):
            transcript.line(leg, "requests \(url), which is not generated: application error")
            legs[leg]?.state = .ended("application error")
        case .bridge, .silence, .undocumentedEnd:
            legs[leg]?.state = .waiting(node: 0, .looping)
        }
    }

    /// Runs verbs from `start` until the leg waits or ends. A document entered twice in one burst is a
    /// loop with nothing to wait for but time (a pause loop): the leg waits there.
    /// `method` is how Twilio fetches the first document: the edge's method attribute (or Twilio's default,
    /// POST), so a document generated without `method="GET"` shows up in the transcript.
    mutating func step(_ leg: String, at start: Int, visited: Set<Int>, method: String = "GET") {
        var node = start
        var visited = visited
        var method = method
        while true {
            let point = graph.points[node]
            if point.index == 0 {
                let route = graph.document(of: node).route
                guard visited.insert(point.document).inserted else {
                    if instantLoop.contains(node) {
                        transcript.line(leg, "(is redirected back to \(route) with nothing that waits: a loop Twilio documents no outcome for, accident)")
                        legs[leg]?.state = .ended("redirected in a loop that never waits (accident)")
                        return
                    }
                    transcript.line(leg, "(repeats \(route) until something happens)")
                    legs[leg]?.state = .waiting(node: node, .looping)
                    return
                }
                transcript.line(leg, "\(method) \(route)")
                let sent = parameters.removeValue(forKey: leg) ?? [:]
                if let dispatch = graph.document(of: node).dispatch, let chosen = dispatch.caseIndex(query: sent),
                    let edge = graph.edges[node].first(where: { $0.outcome.dispatchedCase == chosen }),
                    case .point(let next) = edge.target
                {
                    transcript.line(leg, "(\(edge.label))")
                    node = next
                    continue
                }
            }
            guard let edge = graph.edges[node].first(where: { $0.outcome.dispatchedCase == nil }) else { return }
            guard let verb = graph.verb(at: node) else {
                if case .point(let next) = edge.target {
                    node = next
                    continue
                }
                return take(edge, leg: leg, visited: visited)
            }
            transcript.line(leg, VerbDescription.describe(verb))
            switch verb {
            case .gather:
                legs[leg]?.state = .waiting(node: node, .gather)
                return
            case .record:
                legs[leg]?.state = .waiting(node: node, .record)
                return
            case .dial(let dial):
                return self.dial(leg, dial, at: node)
            case .enqueue(let queue, _, _):
                return enqueue(leg, queue: queue, at: node, visited: visited)
            case .say, .play, .pause, .leave, .connect, .redirect, .hangup, .reject, .refer, .pay, .background,
                .ungenerated:
                guard case .point(let next) = edge.target else { return take(edge, leg: leg, visited: visited) }
                node = next
                method = edge.method ?? "GET"
            }
        }
    }

    mutating func dial(_ leg: String, _ dial: TwiMLVerb.Dial, at node: Int) {
        switch dial.target {
        case .conference(let room):
            join(leg, room: room.name, canStart: room.startsOnEnter, at: node)
        case .queue(let queue, _):
            if let member = waitingMember(of: queue), case .waiting(let enqueueNode, _) = legs[member]?.state {
                bridge(member: member, memberNode: enqueueNode, dequeuer: leg, dialNode: node, queue: queue)
            } else {
                transcript.line(leg, "waits for a caller in queue '\(queue)'")
                legs[leg]?.state = .waiting(node: node, .dequeuing(queue))
            }
        case .parties:
            if let child = flow.legs.first(where: { $0.dialedFrom.contains { graph.node(at: $0) == node } }) {
                legs[child.name]?.state = .running
                transcript.line(child.name, "rings")
                legs[leg]?.state = .waiting(node: node, .ringing(child: child.name))
            } else {
                legs[leg]?.state = .waiting(node: node, .looping)
            }
        }
    }

    mutating func join(_ leg: String, room: String, canStart: Bool, at node: Int) {
        var state = rooms[room] ?? RoomRun()
        state.participants.append(leg)
        legs[leg]?.state = .waiting(node: node, .conference(room, held: false))
        if !state.started, state.participants.count >= 2, canStart || state.participants.contains(where: { canStartRoom($0, room) }) {
            state.started = true
            rooms[room] = state
            transcript.note("conference '\(room)' starts with \(state.participants.joined(separator: ", "))")
            return
        }
        rooms[room] = state
        if !state.started, let wait = graph.edges[node].first(where: { $0.outcome == .conferenceWait }),
            case .point(let start) = wait.target
        {
            transcript.line(leg, "waits for the conference to start: \(wait.method ?? "GET") \(graph.document(of: start).route)")
            playOnce(leg, from: start, repeats: "the wait document repeats")
        }
    }

    func canStartRoom(_ leg: String, _ room: String) -> Bool {
        guard case .waiting(let node, .conference(room, _)) = legs[leg]?.state else { return false }
        return graph.verb(at: node)?.conference?.startsOnEnter == true
    }

    /// Enqueues `leg`, or bridges it at once to a leg already dialing the queue. A wait document that
    /// reaches `<Leave>` runs to it at once (the simulator has no clock) and the leg goes on in the same
    /// burst, so `visited` carries over: a continuation that enqueues again stops as a loop.
    mutating func enqueue(_ leg: String, queue: String, at node: Int, visited: Set<Int>) {
        if let dequeuer = waitingDequeuer(of: queue), case .waiting(let dialNode, _) = legs[dequeuer]?.state {
            bridge(member: leg, memberNode: node, dequeuer: dequeuer, dialNode: dialNode, queue: queue)
            return
        }
        legs[leg]?.state = .waiting(node: node, .queued(queue))
        guard let wait = graph.edges[node].first(where: { $0.outcome == .queueWait }), case .point(var current) = wait.target
        else { return }
        transcript.line(leg, "hears the queue's wait document: \(wait.method ?? "GET") \(graph.document(of: current).route)")
        var seen: Set<Int> = []
        while seen.insert(current).inserted {
            if instantLoop.contains(current) {
                transcript.line(leg, "(the wait document is redirected in a loop with nothing that waits: accident)")
                legs[leg]?.state = .ended("redirected in a loop that never waits (accident)")
                return
            }
            guard let verb = graph.verb(at: current) else { break }
            transcript.line(leg, VerbDescription.describe(verb))
            if verb == .leave {
                legs[leg]?.state = .running
                parameters[leg] = ["QueueResult": "leave"]
                if let edge = graph.edges[current].first { take(edge, leg: leg, visited: visited) }
                return
            }
            if verb == .hangup {
                legs[leg]?.state = .ended("hung up in the wait document")
                return
            }
            guard let edge = graph.edges[current].first, case .point(let next) = edge.target else { break }
            current = next
        }
        transcript.line(leg, "(the wait document repeats)")
    }

    mutating func bridge(member: String, memberNode: Int, dequeuer: String, dialNode: Int, queue: String) {
        transcript.line(dequeuer, "takes \(member) from queue '\(queue)'")
        if case .dial(let dial)? = graph.verb(at: dialNode), case .queue(_, let whisper?) = dial.target,
            let route = RouteReference.resolve(whisper.url, from: graph.document(of: dialNode).route, flowRoot: "/" + flow.name, baseURL: flow.baseURL),
            let start = graph.start(of: route)
        {
            transcript.line(member, "GET \(route)")
            _ = runWhisper(member, from: start)
        }
        transcript.line(member, "is bridged with \(dequeuer)")
        legs[member]?.state = .waiting(node: memberNode, .bridgedToDequeuer(dequeuer))
        legs[dequeuer]?.state = .waiting(node: dialNode, .bridgedToMember(member))
    }

    func waitingMember(of queue: String) -> String? {
        flow.legs.map(\.name).first { name in
            if case .waiting(_, .queued(queue)) = legs[name]?.state { return true }
            return false
        }
    }

    func waitingDequeuer(of queue: String) -> String? {
        flow.legs.map(\.name).first { name in
            if case .waiting(_, .dequeuing(queue)) = legs[name]?.state { return true }
            return false
        }
    }

    // MARK: - End

    mutating func finish() {
        transcript.end()
        for leg in flow.legs {
            let state = legs[leg.name]?.state ?? .idle
            let summary: String
            switch state {
            case .idle: summary = "never started"
            case .running:
                summary = ringingParent(of: leg.name).map { "ringing: dialed by \($0.0)" } ?? "running"
            case .ended(let reason): summary = "ended: \(reason)"
            case .waiting(let node, let wait): summary = "live: " + describe(wait, at: node)
            }
            transcript.line(leg.name, summary)
        }
    }

    func describe(_ wait: Wait, at node: Int) -> String {
        switch wait {
        case .gather: "gathering input in \(graph.document(of: node).route)"
        case .record: "recording in \(graph.document(of: node).route)"
        case .ringing(let child): "ringing \(child)"
        case .bridgedToChild(let child): "talking with \(child)"
        case .child(let parent, _): "talking with \(parent)"
        case .dequeuing(let queue): "waiting for a caller in queue '\(queue)'"
        case .bridgedToMember(let member): "talking with \(member)"
        case .queued(let queue): "waiting in queue '\(queue)'"
        case .bridgedToDequeuer(let dequeuer): "talking with \(dequeuer)"
        case .conference(let room, let held): held ? "on hold in conference '\(room)'" : "in conference '\(room)'"
        case .looping: "repeating its document"
        }
    }
}
