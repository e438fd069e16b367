import FlowDiagnostics

/// Builds the route manifest from the program and its generated documents (Docs/Output.md, "routes.json").
///
/// What must hold: every route names a document of `documents`; every URL in the manifest is absolute
/// (REST requests have no document to resolve against: twiml-semantics.md §8.2 rule 14); flows are sorted
/// by name and routes by path, so the same input gives the same manifest.
public enum ManifestBuilder {
    /// What the entry leg's start URL is for.
    public static let entryUsage = "set as the Voice URL (HTTP GET) of the phone number"
    /// What an outbound leg's start URL is for.
    public static let outboundUsage = "pass as Url with Method=GET when creating the call (Calls API)"

    /// - Parameter digests: the SHA-256 of each document's bytes, by route.
    public static func build(program: FlowProgram, documents: [RoutedDocument], digests: [String: String])
        -> RouteManifest
    {
        // Grouped once: filtering the whole build's documents for every flow would be quadratic (BENCHMARKS.md).
        let byFlow = Dictionary(grouping: documents, by: \.flow)
        let flows = program.flows.sorted { $0.name < $1.name }.map { flow in
            FlowManifest(flow: flow, documents: byFlow[flow.name] ?? []).entry
        }
        let routes = documents.sorted { $0.route < $1.route }.map { document in
            RouteManifest.Route(
                path: document.route, file: document.file, method: "GET", contentType: "text/xml",
                sha256: digests[document.route] ?? "", flow: document.flow, leg: document.leg, step: document.step,
                queue: document.queue, room: document.room, context: document.context.manifestName,
                source: RouteManifest.SourceReference(document.span))
        }
        return RouteManifest(
            compiler: RouteManifest.CompilerInfo(name: "flowc", version: FlowCompilerVersion.current), flows: flows,
            routes: routes)
    }
}

/// The manifest entry of one flow.
struct FlowManifest {
    let flow: Flow
    let documents: [RoutedDocument]

    var entry: RouteManifest.FlowEntry {
        RouteManifest.FlowEntry(
            name: flow.name, source: RouteManifest.SourceReference(flow.nameSpan), baseURL: flow.baseURL?.value,
            entryPoints: entryPoints, legs: legs, queues: queues, rooms: rooms, operations: operations)
    }

    private var entryPoints: [RouteManifest.EntryPoint] {
        flow.legs.compactMap { leg in
            guard leg.role != .dialed, let start = leg.startStep else { return nil }
            let file = RouteLayout.stepFile(flow: flow.name, step: start.id)
            return RouteManifest.EntryPoint(
                leg: leg.name, role: leg.role.rawValue, step: start.name, route: RouteLayout.route(ofFile: file),
                url: absoluteURL(of: file), method: "GET",
                usage: leg.role == .entry ? ManifestBuilder.entryUsage : ManifestBuilder.outboundUsage)
        }
    }

    private var legs: [RouteManifest.Leg] {
        // Indexed once: scanning every document for every leg is quadratic in a flow with many dialed legs.
        var dialedFrom: [String: [String]] = [:]
        for document in documents {
            for dialed in document.dialedLegs {
                dialedFrom[dialed.leg, default: []].append("\(document.route)#\(dialed.index)")
            }
        }
        return flow.legs.map { leg in
            let start =
                leg.role == .dialed
                ? nil : leg.startStep.map { route(of: RouteLayout.stepFile(flow: flow.name, step: $0.id)) }
            let whisper = leg.whisper.map { _ in route(of: RouteLayout.legWhisperFile(flow: flow.name, leg: leg.name)) }
            return RouteManifest.Leg(
                name: leg.name, role: leg.role.rawValue, start: start, whisper: whisper,
                dialedFrom: (dialedFrom[leg.name] ?? []).sorted())
        }
    }

    private var queues: [RouteManifest.Queue] {
        flow.queues.map { queue in
            RouteManifest.Queue(
                name: queue.name, twilioName: queue.twilioName.value, maxSize: queue.maxSize?.value,
                wait: queue.wait.map {
                    route(of: RouteLayout.queueFile(flow: flow.name, queue: queue.name, kind: $0.kind))
                },
                whisper: queue.whisper.map {
                    route(of: RouteLayout.queueFile(flow: flow.name, queue: queue.name, kind: $0.kind))
                })
        }
    }

    private var rooms: [RouteManifest.Room] {
        flow.rooms.map { room in
            RouteManifest.Room(
                name: room.name, twilioName: room.twilioName.value, shared: room.isShared,
                maxParticipants: room.maxParticipants?.value,
                wait: room.wait.map {
                    route(of: RouteLayout.roomFile(flow: flow.name, room: room.name, kind: $0.kind))
                },
                hold: room.hold.map {
                    route(of: RouteLayout.roomFile(flow: flow.name, room: room.name, kind: $0.kind))
                },
                perCallRoom: room.isShared ? nil : Self.perCallRoom(room))
        }
    }

    /// Static TwiML holds one conference name, so every call that joins the room meets in the same
    /// conference (twiml-semantics.md §8.2 rule 17). Only the application can give each call its own.
    static func perCallRoom(_ room: Room) -> String {
        "every call that runs these documents joins the one conference '\(room.twilioName.value)'; to give each "
            + "call its own room, the application must choose a conference name per call and add the call's legs "
            + "to it itself, for example through the Conference Participants API (twiml-semantics.md §4.2), "
            + "because static documents cannot vary the name"
    }

    private var operations: [RouteManifest.Operation] {
        flow.operations.map { operation in
            let strategy: String =
                switch operation.strategy {
                case .conference: "conference"
                case .move: "redirect"
                }
            return RouteManifest.Operation(
                key: operation.key, kind: operation.kind.rawValue, leg: operation.leg.value, strategy: strategy,
                during: operation.during.map(\.value.description), requests: requests(for: operation),
                effects: OperationEffects.effects(of: operation, in: flow),
                source: RouteManifest.SourceReference(operation.span))
        }
    }

    /// The REST requests of an operation, in order (twiml-semantics.md §4.1, §4.2).
    private func requests(for operation: FlowOperation) -> [RouteManifest.RESTRequest] {
        let leg = operation.leg.value
        switch operation.strategy {
        case .conference(let roomName):
            var parameters = ["Hold": operation.kind == .hold ? "true" : "false"]
            if operation.kind == .hold, let room = flow.room(named: roomName.value), let hold = room.hold {
                parameters["HoldUrl"] = absoluteURL(
                    of: RouteLayout.roomFile(flow: flow.name, room: room.name, kind: hold.kind))
                parameters["HoldMethod"] = "GET"
            }
            return [
                RouteManifest.RESTRequest(
                    resource: "ConferenceParticipant", httpMethod: "POST",
                    endpoint:
                        "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
                    leg: leg, room: roomName.value, queue: nil, parameters: parameters)
            ]
        case .move(let target):
            var parameters = ["Method": "GET"]
            parameters["Url"] = absoluteURL(of: RouteLayout.stepFile(flow: flow.name, step: target.value))
            return [
                RouteManifest.RESTRequest(
                    resource: "Call", httpMethod: "POST",
                    endpoint: "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json",
                    leg: leg, room: nil, queue: nil, parameters: parameters)
            ]
        }
    }

    private func route(of file: String) -> String { RouteLayout.route(ofFile: file) }

    /// The absolute URL of a file of the flow, when the flow has `serve at`.
    private func absoluteURL(of file: String) -> String? {
        flow.baseURL.map { RouteLayout.absoluteURL(of: file, flow: flow.name, baseURL: $0.value) }
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
