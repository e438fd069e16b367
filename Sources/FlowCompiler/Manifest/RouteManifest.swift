/// `routes.json`: everything an application and a static host need to know about a built flow set,
/// without reading TwiML. Its JSON Schema is `Docs/routes.schema.json`; a test validates every manifest
/// the test suite produces against it.
///
/// Invariants:
/// - `manifestVersion` changes only when a field changes meaning or disappears; new optional fields
///   keep the version.
/// - Everything is sorted (flows by name, routes by path) and nothing depends on time or on the order of
///   the input files, so the same input gives the same bytes.
/// - `routes[].file` are paths relative to the output folder; `routes[].path` is the URL path of the file
///   relative to the output root, with a leading `/`. A flow's `baseURL` (from `serve at`) is the URL of
///   its own folder, so `baseURL + "/" + (file without the flow folder)` is the absolute URL of a route.
public struct RouteManifest: Codable, Sendable, Hashable {
    public static let currentVersion = 1

    public var manifestVersion: Int
    public var compiler: CompilerInfo
    public var flows: [FlowEntry]
    public var routes: [Route]

    public init(compiler: CompilerInfo, flows: [FlowEntry], routes: [Route]) {
        self.manifestVersion = Self.currentVersion
        self.compiler = compiler
        self.flows = flows
        self.routes = routes
    }

    public struct CompilerInfo: Codable, Sendable, Hashable {
        public var name: String
        public var version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// Where a route or an operation came from in the `.flow` source.
    public struct SourceReference: Codable, Sendable, Hashable {
        public var path: String
        public var line: Int
        public var column: Int

        public init(path: String, line: Int, column: Int) {
            self.path = path
            self.line = line
            self.column = column
        }
    }

    /// One static document.
    public struct Route: Codable, Sendable, Hashable {
        public var path: String
        public var file: String
        /// Always `GET`: static hosts refuse POST and Twilio caches only GET (Docs/Twilio.md#limits, Docs/Twilio.md#urls-and-methods).
        public var method: String
        public var contentType: String
        /// Lowercase hex SHA-256 of the file's bytes.
        public var sha256: String
        public var flow: String
        /// The leg that runs the document; `nil` for queue and room documents, which whichever leg waits runs.
        public var leg: String?
        /// The step the document renders; `nil` for the special documents.
        public var step: String?
        /// The queue or room of a special document.
        public var queue: String?
        public var room: String?
        /// `normal`, `enqueue-wait`, `conference-wait`, `hold`, `whisper` or `queue-whisper` (Docs/Twilio.md#restricted-contexts).
        public var context: String
        public var source: SourceReference
        /// For a route that branches on what Twilio sends with the request: which file each value gets
        /// (RouteDispatch). The route's own file is the default, so a host without a router still works.
        public var dispatch: RouteDispatch?

        public init(
            path: String, file: String, method: String, contentType: String, sha256: String, flow: String,
            leg: String?, step: String?, queue: String?, room: String?, context: String, source: SourceReference,
            dispatch: RouteDispatch? = nil
        ) {
            self.path = path
            self.file = file
            self.method = method
            self.contentType = contentType
            self.sha256 = sha256
            self.flow = flow
            self.leg = leg
            self.step = step
            self.queue = queue
            self.room = room
            self.context = context
            self.source = source
            self.dispatch = dispatch
        }
    }

    public struct FlowEntry: Codable, Sendable, Hashable {
        public var name: String
        public var source: SourceReference
        /// From `serve at`; absent when the flow has none (then it has no operations and no outbound legs).
        public var baseURL: String?
        public var entryPoints: [EntryPoint]
        /// Every leg, in source order: how it starts, its whisper document, and the `<Dial>`s that create it.
        public var legs: [Leg]
        /// Every queue, in source order, with what the application needs to create or size it.
        public var queues: [Queue]
        /// Every room, in source order, with how the application gives each call its own room when the room
        /// is not `shared`.
        public var rooms: [Room]
        public var operations: [Operation]

        public init(
            name: String, source: SourceReference, baseURL: String?, entryPoints: [EntryPoint], legs: [Leg] = [],
            queues: [Queue] = [], rooms: [Room] = [], operations: [Operation]
        ) {
            self.name = name
            self.source = source
            self.baseURL = baseURL
            self.entryPoints = entryPoints
            self.legs = legs
            self.queues = queues
            self.rooms = rooms
            self.operations = operations
        }
    }

    /// One leg (one Twilio Call) and the routes that concern it.
    public struct Leg: Codable, Sendable, Hashable {
        public var name: String
        /// `entry`, `outbound` or `dialed` (Grammar.md §7).
        public var role: String
        /// The route of the first step, for `entry` and `outbound` legs.
        public var start: String?
        /// The route of the whisper document, for a dialed leg that has one.
        public var whisper: String?
        /// The `<Dial>`s that create a dialed leg, as `ROUTE#INDEX`: the document's route and the index of
        /// the `<Dial>` among its top-level verbs (0-based).
        public var dialedFrom: [String]

        public init(name: String, role: String, start: String?, whisper: String?, dialedFrom: [String]) {
            self.name = name
            self.role = role
            self.start = start
            self.whisper = whisper
            self.dialedFrom = dialedFrom
        }
    }

    /// One Twilio queue. Twilio creates a queue on the first `<Enqueue>`; an application that wants a size
    /// limit creates or updates it with `MaxSize` (Docs/Twilio.md#queue-member-update), since `<Enqueue maxQueueSize>`
    /// exists only in the helper libraries (Docs/Twilio.md#schema).
    public struct Queue: Codable, Sendable, Hashable {
        public var name: String
        /// The queue's `FriendlyName` at Twilio (1–64 characters).
        public var twilioName: String
        /// `max_size`: the `MaxSize` to set through the Queue resource (1–5000).
        public var maxSize: Int?
        /// The route of the wait document (`<Enqueue waitUrl>`).
        public var wait: String?
        /// The route of the whisper document (`<Queue url>`).
        public var whisper: String?

        public init(name: String, twilioName: String, maxSize: Int?, wait: String?, whisper: String?) {
            self.name = name
            self.twilioName = twilioName
            self.maxSize = maxSize
            self.wait = wait
            self.whisper = whisper
        }
    }

    /// One conference room.
    public struct Room: Codable, Sendable, Hashable {
        public var name: String
        /// The conference's `FriendlyName` at Twilio, the same for every call (static TwiML).
        public var twilioName: String
        /// Whether every call is meant to meet in this one room (`shared` in the flow).
        public var shared: Bool
        public var maxParticipants: Int?
        /// The route of the wait document (`<Conference waitUrl>`).
        public var wait: String?
        /// The route of the hold document (Participant `HoldUrl`).
        public var hold: String?
        /// For a room that is not shared: how the application gives each call its own room, which static
        /// documents cannot (Grammar.md §6; Docs/Twilio.md#participant-update, Docs/Twilio.md#request-parameters).
        public var perCallRoom: String?

        public init(
            name: String, twilioName: String, shared: Bool, maxParticipants: Int?, wait: String?, hold: String?,
            perCallRoom: String?
        ) {
            self.name = name
            self.twilioName = twilioName
            self.shared = shared
            self.maxParticipants = maxParticipants
            self.wait = wait
            self.hold = hold
            self.perCallRoom = perCallRoom
        }
    }

    /// Where a leg starts: the URL to set on a phone number (`entry`) or to pass as `Url` with `Method=GET`
    /// when the application creates the call (`outbound`).
    public struct EntryPoint: Codable, Sendable, Hashable {
        public var leg: String
        public var role: String
        public var step: String
        public var route: String
        /// Absolute, when the flow has a base URL.
        public var url: String?
        public var method: String
        public var usage: String

        public init(leg: String, role: String, step: String, route: String, url: String?, method: String, usage: String)
        {
            self.leg = leg
            self.role = role
            self.step = step
            self.route = route
            self.url = url
            self.method = method
            self.usage = usage
        }
    }

    /// An operation an application carries out on live calls, spelled out as REST requests.
    public struct Operation: Codable, Sendable, Hashable {
        public var key: String
        public var kind: String
        public var leg: String
        /// `conference` (participant hold) or `redirect` (a call update that moves the leg).
        public var strategy: String
        /// Steps (as `leg.step`) during which the application may apply it; empty means whenever the leg is live.
        public var during: [String]
        public var requests: [RESTRequest]
        /// What every other leg of the flow does when the operation is applied.
        public var effects: [Effect]
        public var source: SourceReference

        public init(
            key: String, kind: String, leg: String, strategy: String, during: [String], requests: [RESTRequest],
            effects: [Effect], source: SourceReference
        ) {
            self.key = key
            self.kind = kind
            self.leg = leg
            self.strategy = strategy
            self.during = during
            self.requests = requests
            self.effects = effects
            self.source = source
        }
    }

    /// One request to Twilio's REST API, in the order the application must send them.
    public struct RESTRequest: Codable, Sendable, Hashable {
        /// `Call`, `ConferenceParticipant` or `QueueMember` (Docs/Twilio.md#call-update).
        public var resource: String
        public var httpMethod: String
        /// The endpoint with placeholders: `{AccountSid}`, `{CallSid}` of `leg`, `{ConferenceSid}`, `{QueueSid}`.
        public var endpoint: String
        /// The leg whose CallSid fills `{CallSid}`.
        public var leg: String
        public var room: String?
        public var queue: String?
        /// Form parameters, sorted by name; URLs are absolute.
        public var parameters: [String: String]

        public init(
            resource: String, httpMethod: String, endpoint: String, leg: String, room: String?, queue: String?,
            parameters: [String: String]
        ) {
            self.resource = resource
            self.httpMethod = httpMethod
            self.endpoint = endpoint
            self.leg = leg
            self.room = room
            self.queue = queue
            self.parameters = parameters
        }
    }

    /// The predicted effect of an operation on one leg (Docs/Twilio.md#dial-bridge, Docs/Twilio.md#conference-and-queue-legs of the reference).
    public struct Effect: Codable, Sendable, Hashable {
        /// What happens to the leg; `rawValue` is its name in routes.json.
        public enum Outcome: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
            /// Its TwiML does not change.
            case unchanged
            /// Its verb ends and it goes on with `step`.
            case continues
            /// The operation moves it to `step`.
            case moved
            /// A participant hold: it hears the room's hold document.
            case hearsHold = "hears-hold"
            /// It is hung up.
            case disconnected

            public var description: String { rawValue }
        }

        public var leg: String
        public var outcome: Outcome
        public var step: String?
        public var explanation: String

        public init(leg: String, outcome: Outcome, step: String?, explanation: String) {
            self.leg = leg
            self.outcome = outcome
            self.step = step
            self.explanation = explanation
        }
    }
}
