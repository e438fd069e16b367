/// The picture of one flow that `flowc graph` draws: clusters of nodes and labelled edges between them,
/// independent of any drawing language.
///
/// The model sits between the resolved `Flow` and the renderers so that what the picture says (which
/// steps exist, where each outcome leads, what plays where, what the operations move) is decided once
/// and tested once, and `DOTRenderer` and `MermaidRenderer` only decide how it looks.
///
/// What must hold, for the renderers to stay simple:
/// - Node ids are unique in the graph and cluster ids are unique among clusters; every edge endpoint
///   is the id of a node of some cluster.
/// - Every array is in source order, so the rendered text is deterministic and a one-line change to a
///   flow is a small change to its picture.
/// - Titles, lines and labels are display text: raw (unescaped), without control characters, but with
///   any other character a `.flow` string can hold. Escaping is each renderer's job.
public struct FlowGraph: Sendable, Hashable {
    /// The flow's name.
    public var name: String
    /// One cluster per leg in source order, then one for the documents of queues and rooms (if any).
    public var clusters: [Cluster]
    /// Every edge, in the order the flow's text produces them.
    public var edges: [Edge]

    public init(name: String, clusters: [Cluster], edges: [Edge]) {
        self.name = name
        self.clusters = clusters
        self.edges = edges
    }

    /// A group of nodes drawn together in a box.
    public struct Cluster: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// The nodes of one leg: its own node, its steps, its whisper document, its end markers.
            case leg(LegRole)
            /// The wait, whisper and hold documents of the flow's queues and rooms, which no one leg owns.
            case documents
        }

        public var id: String
        public var kind: Kind
        public var title: String
        public var nodes: [Node]

        public init(id: String, kind: Kind, title: String, nodes: [Node]) {
            self.id = id
            self.kind = kind
            self.title = title
            self.nodes = nodes
        }
    }

    /// One box (or marker) of the picture.
    public struct Node: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// The leg itself: how its call comes to exist. Entry and outbound legs start at their first step
            /// from here; a dialed leg is reached from the step that dials it; operations that may apply
            /// whenever the leg is live start here.
            case leg(LegRole)
            /// A step; `isTerminal` when one of its outcomes ends the leg (hangup, reject, `then hangup`).
            case step(isTerminal: Bool)
            /// A wait, hold or whisper document: heard in a context of its own, never a step of the leg.
            case document(DocumentKind)
            /// Where a leg ends on purpose.
            case end(EndKind)
        }

        /// How a leg ends on purpose.
        public enum EndKind: String, Sendable, Hashable, CaseIterable {
            case hangup
            case reject
        }

        public var id: String
        public var kind: Kind
        /// The first line of the node's text.
        public var title: String
        /// Further lines: the verbs of a step or document, the role of a leg.
        public var lines: [String]

        public init(id: String, kind: Kind, title: String, lines: [String] = []) {
            self.id = id
            self.kind = kind
            self.title = title
            self.lines = lines
        }
    }

    /// A labelled arrow between two nodes.
    public struct Edge: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// From a leg's node to the step it starts at.
            case start
            /// One outcome of a step: where the leg goes next, in its own TwiML.
            case continuation
            /// A document that plays to a leg while a verb of the step runs (wait music, hold music, whisper).
            case plays
            /// A step that creates a dialed leg.
            case dials
            /// An operation the application applies through the REST API: not part of any TwiML.
            case operation
        }

        public var from: String
        public var to: String
        public var kind: Kind
        /// `nil` for an edge whose kind says everything (a leg's start).
        public var label: String?

        public init(from: String, to: String, kind: Kind, label: String? = nil) {
            self.from = from
            self.to = to
            self.kind = kind
            self.label = label
        }
    }

    /// Every node, cluster by cluster.
    public var nodes: [Node] { clusters.flatMap(\.nodes) }
}
