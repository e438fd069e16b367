import FlowDiagnostics

/// Assembles the route manifest once, from the deployment plan, the prover's predicted effects and the
/// documents' digests (Docs/Output.md, "routes.json").
///
/// What must hold: every route names a document of the plan; every URL in the manifest is absolute (REST
/// requests have no document to resolve against: Docs/Twilio.md#urls-and-methods); flows are sorted by name
/// and routes by path, so the same input gives the same manifest. Nothing here decides anything: it spells
/// out typed values.
public enum ManifestBuilder {
    /// What the entry leg's start URL is for.
    public static let entryUsage = "set as the Voice URL (HTTP GET) of the phone number"
    /// What an outbound leg's start URL is for.
    public static let outboundUsage = "pass as Url with Method=GET when creating the call (Calls API)"
    /// An outbound leg whose cases name `AnsweredBy` (Docs/Twilio.md#answering-machine-detection).
    public static func outboundUsage(machineDetection: String) -> String {
        "pass as Url with Method=GET and MachineDetection=\(machineDetection) when creating the call (Calls API)"
    }

    /// - Parameters:
    ///   - effects: what each operation does to the other legs, from the prover.
    ///   - digests: the SHA-256 of each document's bytes, by route.
    public static func build(
        _ plan: DeploymentPlan, effects: [OperationID: [RouteManifest.Effect]], digests: [String: String]
    ) -> RouteManifest {
        let flows = plan.flows.map { entry(of: $0, effects: effects) }
        let routes = plan.flows.flatMap { flow in
            flow.documents.map { document in
                RouteManifest.Route(
                    path: document.route, file: document.file, method: "GET", contentType: "text/xml",
                    sha256: digests[document.route] ?? "", flow: flow.name, leg: document.leg, step: document.step,
                    queue: document.queue, room: document.room, context: document.context.manifestName,
                    source: RouteManifest.SourceReference(document.span), dispatch: document.dispatch)
            }
        }.sorted { $0.path < $1.path }
        return RouteManifest(
            compiler: RouteManifest.CompilerInfo(name: "flowc", version: FlowCompilerVersion.current), flows: flows,
            routes: routes)
    }

    private static func entry(of flow: DeployedFlow, effects: [OperationID: [RouteManifest.Effect]])
        -> RouteManifest.FlowEntry
    {
        let entryPoints = flow.legs.compactMap { leg -> RouteManifest.EntryPoint? in
            guard leg.role != .dialed, let start = leg.start, let step = leg.startStep else { return nil }
            return RouteManifest.EntryPoint(
                leg: leg.name, role: leg.role.rawValue, step: step, route: start,
                url: absoluteURL(of: start, in: flow), method: "GET",
                usage: leg.role == .entry
                    ? entryUsage
                    : leg.machineDetection.map { outboundUsage(machineDetection: $0) } ?? outboundUsage)
        }
        let legs = flow.legs.map { leg in
            RouteManifest.Leg(
                name: leg.name, role: leg.role.rawValue, start: leg.start, whisper: leg.whisper,
                dialedFrom: leg.dialedFrom.map(\.description))
        }
        let queues = flow.queues.map { queue in
            RouteManifest.Queue(
                name: queue.name, twilioName: queue.twilioName, maxSize: queue.maxSize, wait: queue.wait,
                whisper: queue.whisper)
        }
        let rooms = flow.rooms.map { room in
            RouteManifest.Room(
                name: room.name, twilioName: room.twilioName, shared: room.shared,
                maxParticipants: room.maxParticipants, wait: room.wait, hold: room.hold,
                perCallRoom: room.shared ? nil : perCallRoom(room))
        }
        let operations = flow.operations.map { operation in
            RouteManifest.Operation(
                key: operation.key, kind: operation.kind.rawValue, leg: operation.leg,
                strategy: operation.strategy.manifestName, during: operation.duringSteps.map(\.description),
                requests: operation.requests.map(RouteManifest.RESTRequest.init),
                effects: [OperationEffects.ownEffect(of: operation)]
                    + (effects[OperationID(flow: flow.name, key: operation.key)] ?? []),
                source: RouteManifest.SourceReference(operation.span))
        }
        return RouteManifest.FlowEntry(
            name: flow.name, source: RouteManifest.SourceReference(flow.span), baseURL: flow.baseURL,
            entryPoints: entryPoints, legs: legs, queues: queues, rooms: rooms, operations: operations)
    }

    /// Static TwiML holds one conference name, so every call that joins the room meets in the same
    /// conference (Docs/Twilio.md#request-parameters). Only the application can give each call its own.
    static func perCallRoom(_ room: DeployedRoom) -> String {
        "every call that runs these documents joins the one conference '\(room.twilioName)'; to give each "
            + "call its own room, the application must choose a conference name per call and add the call's legs "
            + "to it itself, for example through the Conference Participants API (Docs/Twilio.md#participant-update), "
            + "because static documents cannot vary the name"
    }

    /// The absolute URL of a route of the flow, when the flow has `serve at`.
    private static func absoluteURL(of route: String, in flow: DeployedFlow) -> String? {
        flow.baseURL.map { RouteLayout.absoluteURL(of: String(route.dropFirst()), flow: flow.name, baseURL: $0) }
    }
}

extension RouteManifest.RESTRequest {
    init(_ request: RESTRequest) {
        self.init(
            resource: request.resource.rawValue, httpMethod: request.httpMethod, endpoint: request.resource.endpoint,
            leg: request.leg, room: request.room, queue: request.queue, parameters: request.parameters)
    }
}

extension DeployedOperation.Strategy {
    /// The strategy's name in `routes.json`.
    var manifestName: String {
        switch self {
        case .conference: "conference"
        case .move: "redirect"
        }
    }
}

extension RouteManifest.SourceReference {
    init(_ span: SourceSpan) {
        self.init(path: span.path, line: span.start.line, column: span.start.column)
    }
}

extension TwiMLContext {
    /// The context's name in `routes.json` (Docs/routes.schema.json).
    public var manifestName: String {
        switch self {
        case .normal: "normal"
        case .enqueueWait: "enqueue-wait"
        case .conferenceWait: "conference-wait"
        case .hold: "hold"
        case .whisper: "whisper"
        case .queueWhisper: "queue-whisper"
        }
    }
}
