/// Writes a `FlowGraph` in Graphviz's DOT language, for `dot -Tsvg` and the tools that read DOT.
///
/// Every identifier and every label is a quoted string, whatever it holds, so no name can be read as a
/// DOT keyword (`node`, `subgraph`, …) or break out of its statement. Inside quotes DOT treats `\"` and
/// `\\` as escapes, and labels additionally read `\n`, `\l` and `\N`-style sequences and HTML entities
/// (`&amp;`), so a backslash of the text is doubled, an ampersand written as `&amp;`, and a line of a
/// node is ended by the renderer alone.
///
/// The output is a pure function of the graph: clusters, nodes and edges in the graph's order, the same
/// bytes on every run, ending in one newline.
public enum DOTRenderer {
    public static func render(_ graph: FlowGraph) -> String {
        var lines = [
            "digraph \(quoted(graph.name)) {",
            "  graph [label=\(quoted("flow \(graph.name)")), labelloc=t, fontsize=16];",
            "  node [shape=box, style=rounded, fontsize=11];",
            "  edge [fontsize=9];",
        ]
        for cluster in graph.clusters {
            lines.append("")
            lines.append("  subgraph \(quoted("cluster_\(cluster.id)")) {")
            lines.append("    label=\(quoted(cluster.title));")
            lines.append("    style=\(cluster.kind == .documents ? "dashed" : "rounded");")
            for node in cluster.nodes {
                lines.append("    \(quoted(node.id)) [\(attributes(of: node))];")
            }
            lines.append("  }")
        }
        if !graph.edges.isEmpty { lines.append("") }
        for edge in graph.edges {
            let list = attributes(of: edge)
            lines.append("  \(quoted(edge.from)) -> \(quoted(edge.to))\(list.isEmpty ? "" : " [\(list)]");")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Attributes

    private static func attributes(of node: FlowGraph.Node) -> String {
        let label = "label=\(quotedLabel(title: node.title, lines: node.lines))"
        switch node.kind {
        case .leg:
            return "\(label), shape=oval"
        case .step(let isTerminal):
            return isTerminal ? "\(label), style=\"rounded,bold\", penwidth=2" : label
        case .document:
            return "\(label), shape=note, style=filled, fillcolor=\"#eeeeee\""
        case .end:
            return "\(label), shape=doublecircle, fontsize=9, margin=0"
        }
    }

    private static func attributes(of edge: FlowGraph.Edge) -> String {
        var list: [String] = []
        if let label = edge.label { list.append("label=\(quoted(label))") }
        switch edge.kind {
        case .start, .continuation: break
        case .plays: list.append("style=dotted")
        case .dials: list.append("style=bold")
        case .operation: list += ["style=dashed", "color=\"#1f5fbf\"", "fontcolor=\"#1f5fbf\""]
        }
        return list.joined(separator: ", ")
    }

    // MARK: - Quoting

    /// A node's label: the title centred on the first line, then each line left-justified (`\l`), so the
    /// verbs of a step read like the step's text.
    private static func quotedLabel(title: String, lines: [String]) -> String {
        guard !lines.isEmpty else { return quoted(title) }
        return "\"" + escaped(title) + "\\n" + lines.map { escaped($0) + "\\l" }.joined() + "\""
    }

    /// `text` as a DOT quoted string.
    static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    /// The body of a quoted string that reads back as `text`, in an identifier and in a label alike. A line
    /// break becomes DOT's `\n`, other control characters spaces.
    static func escaped(_ text: String) -> String {
        GraphText.replacingScalars(of: text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "&": "&amp;"
            default: nil
            }
        }
    }
}
