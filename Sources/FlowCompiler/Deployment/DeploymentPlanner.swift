import FlowDiagnostics

/// All flows of a build as they will be deployed: what the prover, the simulator and the manifest read.
public struct DeploymentPlan: Sendable {
    /// Sorted by name.
    public var flows: [DeployedFlow]

    public init(flows: [DeployedFlow]) {
        self.flows = flows.sorted { $0.name < $1.name }
    }

    public func flow(named name: String) -> DeployedFlow? { flows.first { $0.name == name } }
}

/// Plans the deployment: from the program and its lowered documents to a `DeploymentPlan`, once.
///
/// What must hold:
/// - Every route the plan names is a document of the lowering output, and every URL of a REST request
///   is absolute (requests have no document to resolve against: Docs/Twilio.md#urls-and-methods).
/// - An operation's `action` comes from resolving the URL its request sends, as Twilio would; a request
///   that names no generated document is reported (FLOW900), never dropped in silence.
public enum DeploymentPlanner {
    public static func plan(_ program: FlowProgram, documents: [RoutedDocument]) -> (
        plan: DeploymentPlan, diagnostics: [Diagnostic]
    ) {
        // Grouped once: filtering the whole build's documents for every flow would be quadratic (BENCHMARKS.md).
        let byFlow = Dictionary(grouping: documents, by: \.flow)
        var diagnostics: [Diagnostic] = []
        let flows = program.flows.map { flow in
            var planner = FlowPlanner(flow: flow, documents: byFlow[flow.name] ?? [])
            let deployed = planner.plan()
            diagnostics += planner.diagnostics
            return deployed
        }
        return (DeploymentPlan(flows: flows), diagnostics)
    }
}

/// Plans one flow.
private struct FlowPlanner {
    let flow: Flow
    let documents: [RoutedDocument]
    /// The routes of the flow's step documents, computed once.
    let stepRoutes: Set<String>
    var diagnostics: [Diagnostic] = []

    init(flow: Flow, documents: [RoutedDocument]) {
        self.flow = flow
        self.documents = documents
        stepRoutes = Set(documents.compactMap { $0.step != nil ? $0.route : nil })
    }

    mutating func plan() -> DeployedFlow {
        DeployedFlow(
            name: flow.name, baseURL: flow.baseURL?.value, documents: documents.map(Self.deployed), legs: legs,
            operations: flow.operations.compactMap { operation($0) }, queues: queues, rooms: rooms,
            span: flow.nameSpan)
    }

    static func deployed(_ document: RoutedDocument) -> DeployedDocument {
        DeployedDocument(
            route: document.route, file: document.file, context: document.context, document: document.document,
            leg: document.leg, step: document.step, queue: document.queue, room: document.room,
            title: document.title, span: document.span, verbSpans: document.verbSpans, dispatch: document.dispatch)
    }

    private var legs: [DeployedLeg] {
        // Indexed once: scanning every document for every leg is quadratic in a flow with many dialed legs.
        var dialedFrom: [String: [VerbAddress]] = [:]
        for document in documents {
            for dialed in document.dialedLegs {
                dialedFrom[dialed.leg, default: []].append(VerbAddress(route: document.route, index: dialed.index))
            }
        }
        return flow.legs.map { leg in
            let start = leg.role == .dialed ? nil : leg.startStep
            return DeployedLeg(
                name: leg.name, role: leg.role,
                start: start.map { step in
                    let file =
                        leg.entryCases.isEmpty
                        ? RouteLayout.stepFile(flow: flow.name, step: step.id)
                        : RouteLayout.junctionFile(flow: flow.name, step: step.id, ordinal: 0)
                    return route(of: file)
                },
                startStep: start?.name, machineDetection: leg.machineDetection,
                whisper: leg.whisper.map { _ in route(of: RouteLayout.legWhisperFile(flow: flow.name, leg: leg.name)) },
                dialedFrom: (dialedFrom[leg.name] ?? []).sorted { $0.description < $1.description },
                span: leg.nameSpan)
        }
    }

    private var queues: [DeployedQueue] {
        flow.queues.map { queue in
            DeployedQueue(
                name: queue.name, twilioName: queue.twilioName.value, maxSize: queue.maxSize?.value,
                wait: queue.wait.map { route(of: RouteLayout.queueFile(flow: flow.name, queue: queue.name, kind: $0.kind)) },
                whisper: queue.whisper.map {
                    route(of: RouteLayout.queueFile(flow: flow.name, queue: queue.name, kind: $0.kind))
                },
                span: queue.nameSpan)
        }
    }

    private var rooms: [DeployedRoom] {
        flow.rooms.map { room in
            DeployedRoom(
                name: room.name, twilioName: room.twilioName.value, shared: room.isShared,
                maxParticipants: room.maxParticipants?.value,
                wait: room.wait.map { route(of: RouteLayout.roomFile(flow: flow.name, room: room.name, kind: $0.kind)) },
                hold: room.hold.map { route(of: RouteLayout.roomFile(flow: flow.name, room: room.name, kind: $0.kind)) },
                span: room.nameSpan)
        }
    }

    /// The operation with its requests (Docs/Twilio.md#call-update, Docs/Twilio.md#participant-update), and what they do, read back from
    /// the URLs they send.
    private mutating func operation(_ operation: FlowOperation) -> DeployedOperation? {
        let leg = operation.leg.value
        let strategy: DeployedOperation.Strategy
        let request: RESTRequest
        let action: DeployedOperation.Action
        switch operation.strategy {
        case .conference(let roomName):
            let room = flow.room(named: roomName.value)
            var holdURL: String?
            if operation.kind == .hold, let room, let hold = room.hold {
                holdURL = absoluteURL(of: RouteLayout.roomFile(flow: flow.name, room: room.name, kind: hold.kind))
            }
            strategy = .conference(room: roomName.value)
            request = RESTRequest(
                change: .participantHold(hold: operation.kind == .hold, holdURL: holdURL), leg: leg,
                room: roomName.value)
            action = .participantHold(
                conference: room?.twilioName.value ?? roomName.value, hold: operation.kind == .hold,
                holdRoute: holdURL.flatMap(resolve))
        case .move(let target):
            let url = absoluteURL(of: RouteLayout.stepFile(flow: flow.name, step: target.value))
            strategy = .move(to: target.value)
            request = RESTRequest(change: .redirect(url: url), leg: leg)
            guard let route = url.flatMap(resolve) else {
                diagnostics.append(
                    Diagnostic(
                        .internalError, .error,
                        "the request of operation '\(operation.key)' sends \(url.map { "'\($0)'" } ?? "no Url"), "
                            + "which names no generated document",
                        at: operation.span))
                return nil
            }
            action = .redirect(route: route)
        }
        let during = operation.during.map { route(of: RouteLayout.stepFile(flow: flow.name, step: $0.value)) }
        return DeployedOperation(
            key: operation.key, kind: operation.kind, leg: leg, strategy: strategy, action: action,
            during: during.filter(stepRoutes.contains), duringSteps: operation.during.map(\.value),
            requests: [request], span: operation.span)
    }

    /// The route an absolute URL of this flow names, resolved the way Twilio resolves it.
    private func resolve(_ url: String) -> String? {
        let flowRoot = "/" + flow.name
        return RouteReference.resolve(url, from: flowRoot + "/", flowRoot: flowRoot, baseURL: flow.baseURL?.value)
    }

    private func route(of file: String) -> String { RouteLayout.route(ofFile: file) }

    /// The absolute URL of a file of the flow, when the flow has `serve at`.
    private func absoluteURL(of file: String) -> String? {
        flow.baseURL.map { RouteLayout.absoluteURL(of: file, flow: flow.name, baseURL: $0.value) }
    }
}
