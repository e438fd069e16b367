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
        /// Always `GET`: static hosts refuse POST and Twilio caches only GET (twiml-semantics.md §5, §8.2 rule 15).
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
        /// `normal`, `enqueue-wait`, `conference-wait`, `hold`, `whisper` or `queue-whisper` (§3.1).
        public var context: String
        public var source: SourceReference

        public init(
            path: String, file: String, method: String, contentType: String, sha256: String, flow: String,
            leg: String?, step: String?, queue: String?, room: String?, context: String, source: SourceReference
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
        }
    }

    public struct FlowEntry: Codable, Sendable, Hashable {
        public var name: String
        public var source: SourceReference
        /// From `serve at`; absent when the flow has none (then it has no operations and no outbound legs).
        public var baseURL: String?
        public var entryPoints: [EntryPoint]
        public var operations: [Operation]

        public init(
            name: String, source: SourceReference, baseURL: String?, entryPoints: [EntryPoint],
            operations: [Operation]
        ) {
            self.name = name
            self.source = source
            self.baseURL = baseURL
            self.entryPoints = entryPoints
            self.operations = operations
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

        public init(leg: String, role: String, step: String, route: String, url: String?, method: String, usage: String) {
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
        /// `Call`, `ConferenceParticipant` or `QueueMember` (twiml-semantics.md §4).
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

    /// The predicted effect of an operation on one leg (§1.6, §1.7 of the reference).
    public struct Effect: Codable, Sendable, Hashable {
        public var leg: String
        /// `unchanged`, `continues` (with `step`), `moved` (with `step`) or `hears-hold` (participant hold).
        public var outcome: String
        public var step: String?
        public var explanation: String

        public init(leg: String, outcome: String, step: String?, explanation: String) {
            self.leg = leg
            self.outcome = outcome
            self.step = step
            self.explanation = explanation
        }
    }
}
