/// Writes a `FlowGraph` as a Mermaid flowchart, the diagram GitHub draws from a ```mermaid block.
///
/// Mermaid's grammar is looser than DOT's and less forgiving of odd names, so the renderer keeps to a
/// small subset (one header, `subgraph … end`, one node declaration per line, five arrow kinds, `classDef`
/// and `class`) and writes nothing of the graph's text outside double quotes:
/// - Ids are made from the graph's ids, reduced to `A-Z a-z 0-9 _` and prefixed with a capital letter
///   for the kind of thing they name, so no id is a keyword (`end`, `subgraph`, `graph`) or starts with
///   the `o` or `x` that Mermaid reads as an arrow head; a clash is settled with `_2`, `_3`, … in order.
/// - Labels are always quoted. Inside quotes Mermaid decodes `#name;` entities and reads labels as HTML
///   (and as Markdown when they start with a backtick), so `"`, `#`, `&`, `<`, `>`, `` ` `` and `|` are
///   written as entities and lines are broken with `<br>`, the only markup the renderer writes.
public enum MermaidRenderer {
    public static func render(_ graph: FlowGraph) -> String {
        let ids = identifiers(for: graph)
        var lines = ["flowchart TD"]
        for cluster in graph.clusters {
            lines.append("  subgraph \(ids.clusters[cluster.id]!) [\(quoted(cluster.title))]")
            for node in cluster.nodes {
                lines.append("    \(ids.nodes[node.id]!)\(shape(of: node))")
            }
            lines.append("  end")
        }
        for edge in graph.edges {
            guard let from = ids.nodes[edge.from], let to = ids.nodes[edge.to] else { continue }
            let label = edge.label.map { "|\(quoted($0))|" } ?? ""
            lines.append("  \(from) \(arrow(edge.kind))\(label) \(to)")
        }
        for style in Style.allCases {
            let members = graph.nodes.filter { Style(of: $0) == style }.compactMap { ids.nodes[$0.id] }
            guard !members.isEmpty else { continue }
            lines.append("  classDef \(style.rawValue) \(style.definition)")
            lines.append("  class \(members.joined(separator: ",")) \(style.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Shapes, arrows, styles

    private static func shape(of node: FlowGraph.Node) -> String {
        let label = quoted(([node.title] + node.lines).map(escaped).joined(separator: "<br>"), escaping: false)
        switch node.kind {
        case .leg: return "([\(label)])"
        case .step: return "[\(label)]"
        case .document: return "[/\(label)/]"
        case .end: return "(((\(label))))"
        }
    }

    private static func arrow(_ kind: FlowGraph.Edge.Kind) -> String {
        switch kind {
        case .start, .continuation: "-->"
        case .plays: "--o"
        case .dials: "==>"
        case .operation: "-.->"
        }
    }

    /// The classes the renderer styles nodes with; Mermaid has no other way to set a node's look.
    enum Style: String, CaseIterable {
        case document
        case terminal
        case ending

        init?(of node: FlowGraph.Node) {
            switch node.kind {
            case .document: self = .document
            case .step(isTerminal: true): self = .terminal
            case .end: self = .ending
            case .leg, .step(isTerminal: false): return nil
            }
        }

        var definition: String {
            switch self {
            case .document: "fill:#eeeeee,stroke:#888888"
            case .terminal: "stroke-width:3px"
            case .ending: "fill:#ffffff,stroke-width:2px"
            }
        }
    }

    // MARK: - Identifiers

    struct Identifiers {
        var clusters: [String: String] = [:]
        var nodes: [String: String] = [:]
    }

    /// One Mermaid id per cluster and node, unique across both (Mermaid gives subgraphs and nodes one
    /// namespace), assigned in the graph's order so the same graph always gets the same ids.
    static func identifiers(for graph: FlowGraph) -> Identifiers {
        var result = Identifiers()
        var used: Set<String> = []
        func claim(_ base: String) -> String {
            var candidate = base
            var counter = 1
            while !used.insert(candidate).inserted {
                counter += 1
                candidate = "\(base)_\(counter)"
            }
            return candidate
        }
        for cluster in graph.clusters {
            result.clusters[cluster.id] = claim("G_" + sanitized(cluster.id))
            for node in cluster.nodes where result.nodes[node.id] == nil {
                result.nodes[node.id] = claim(prefix(of: node) + sanitized(node.id))
            }
        }
        return result
    }

    private static func prefix(of node: FlowGraph.Node) -> String {
        switch node.kind {
        case .leg: "L_"
        case .step: "S_"
        case .document: "D_"
        case .end: "E_"
        }
    }

    /// `text` with every run of characters outside `A-Z a-z 0-9 _` as one `_`, and none at either end.
    static func sanitized(_ text: String) -> String {
        var result = ""
        var pendingSeparator = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSeparator, !result.isEmpty { result += "_" }
                pendingSeparator = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return result.isEmpty ? "x" : result
    }

    // MARK: - Labels

    private static func quoted(_ text: String, escaping: Bool = true) -> String {
        "\"" + (escaping ? escaped(text) : text) + "\""
    }

    /// `text` as it may stand between Mermaid's quotes: the characters Mermaid would read as markup,
    /// an entity, the end of the string or of an edge label, as numeric or named entities; control
    /// characters as spaces.
    static func escaped(_ text: String) -> String {
        GraphText.replacingScalars(of: text) { scalar in
            switch scalar {
            case "\"": "#quot;"
            case "#": "#35;"
            case "&": "#amp;"
            case "<": "#lt;"
            case ">": "#gt;"
            case "`": "#96;"
            case "|": "#124;"
            default: nil
            }
        }
    }
}
