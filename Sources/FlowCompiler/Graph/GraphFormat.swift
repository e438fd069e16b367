/// The drawing languages `flowc graph` writes.
public enum GraphFormat: String, Sendable, Hashable, CaseIterable {
    /// Graphviz DOT, for `dot -Tsvg` and other Graphviz tools.
    case dot
    /// A Mermaid flowchart, which GitHub draws inside Markdown.
    case mermaid

    public func render(_ graph: FlowGraph) -> String {
        switch self {
        case .dot: DOTRenderer.render(graph)
        case .mermaid: MermaidRenderer.render(graph)
        }
    }
}
