import FlowDiagnostics
import Foundation
import Testing

@testable import FlowCompiler

/// Hostile names and labels reach both drawing languages intact and harmless: the DOT renders with
/// Graphviz without a warning and shows the text as written, the Mermaid stays in the checked subset.
@Suite struct GraphEscapingTests {
    /// A flow whose names are keywords of DOT or Mermaid (`end`, `subgraph`, `graph`, `node`, `digraph`,
    /// and `o` and `x`, which Mermaid reads as arrow heads) and whose strings hold quotes, backslashes,
    /// markup, entities, pipes, backticks, a line break, braces and characters outside ASCII.
    static let hostile = #"""
        flow hostile
          serve at "https://twiml.example.com/hostile"
          audio end = "https://cdn.example.com/a.mp3"

          queue subgraph name="q \"x\" <b>"
            wait
              say "wait \"here\" # #quot; & <br> | ` \\ \n done"
              play end

          leg end entry
            step graph
              say "She said \"hi\" \\N <script>alert(1)</script> #35; `code` a|b \u{1F600} caf\u{e9}"
              gather then -> node
                say "Press # & wait"
              enqueue subgraph then -> o
            step node
              dial x client "a\"b<i>" sip "sip:x@example.com" then -> o
            step o
              hangup

          leg x dialed
            whisper
              say "}; digraph { \"evil\" -> \"node\""
            step digraph
              hangup

          operation move end -> node during graph
          operation move x -> digraph during end.node

        """#

    static func hostileGraph() throws -> FlowGraph {
        let result = Compiler.check(sources: [SourceFile(path: "hostile.flow", text: hostile)])
        #expect(!result.hasErrors(strict: false), "\(TestBuild.describe(result.diagnostics))")
        return FlowGraph(flow: try #require(result.program.flow(named: "hostile")))
    }

    /// A graph no `.flow` file can produce: ids and titles with every character that is special to DOT or
    /// Mermaid, control characters, and ids that collide once reduced to Mermaid's character set.
    static let handMade = FlowGraph(
        name: "a \"graph\" \\ {}",
        clusters: [
            FlowGraph.Cluster(
                id: "end", kind: .leg(.entry), title: "leg \"end\" -> }",
                nodes: [
                    FlowGraph.Node(id: "a b", kind: .leg(.entry), title: "a b"),
                    FlowGraph.Node(
                        id: "a_b", kind: .step(isTerminal: true), title: "quote \" and \\", lines: ["x\ny\r\u{7}z"]),
                    FlowGraph.Node(id: "!!!", kind: .document(.wait), title: "&amp; &lt; #quot; #35;"),
                    FlowGraph.Node(id: "--> o", kind: .end(.hangup), title: "<br> | ` ]) /] )))"),
                ]),
            FlowGraph.Cluster(
                id: "a.b", kind: .documents, title: "",
                nodes: [FlowGraph.Node(id: "\u{E9}\u{1F600}", kind: .step(isTerminal: false), title: "\u{1F600}")]),
        ],
        edges: [
            FlowGraph.Edge(from: "a b", to: "a_b", kind: .start),
            FlowGraph.Edge(from: "a_b", to: "!!!", kind: .plays, label: "\"|\" -> ; end"),
            FlowGraph.Edge(from: "!!!", to: "--> o", kind: .continuation, label: "#quot;"),
            FlowGraph.Edge(from: "--> o", to: "\u{E9}\u{1F600}", kind: .operation, label: "`md`"),
            FlowGraph.Edge(from: "\u{E9}\u{1F600}", to: "a b", kind: .dials, label: "<i>"),
        ])

    @Test func hostileFlowStaysInTheMermaidSubset() throws {
        let text = MermaidRenderer.render(try Self.hostileGraph())
        #expect(MermaidFlowchartCheck.problems(in: text) == [], "\(text)")
        #expect(text.contains("say #quot;She said #quot;hi#quot; \\N #lt;script#gt;"))
        #expect(!text.contains("<script"))
    }

    @Test func handMadeGraphStaysInTheMermaidSubset() {
        let text = MermaidRenderer.render(Self.handMade)
        #expect(MermaidFlowchartCheck.problems(in: text) == [], "\(text)")
        let ids = MermaidRenderer.identifiers(for: Self.handMade)
        let all = Array(ids.nodes.values) + Array(ids.clusters.values)
        #expect(Set(all).count == all.count, "Mermaid ids are not unique: \(all)")
        #expect(ids.nodes.count == Self.handMade.nodes.count)
    }

    @Test(.enabled(if: Graphviz.isAvailableOrRequired))
    func hostileFlowRendersWithGraphvizAsWritten() throws {
        let svg = try Graphviz.svg(DOTRenderer.render(try Self.hostileGraph()))
        // Graphviz escapes for XML itself; the text drawn is the text of the flow.
        #expect(svg.contains("say &quot;She said &quot;hi&quot; \\N &lt;script&gt;ale…&quot;"), "\(svg)")
        #expect(svg.contains("gather · say &quot;Press # &amp; wait&quot;"))
        #expect(svg.contains("say &quot;}; digraph { &quot;evil&quot; &#45;&gt; &quot;node…&quot;"))
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == (try Self.hostileGraph()).nodes.count)
    }

    @Test(.enabled(if: Graphviz.isAvailableOrRequired))
    func handMadeGraphRendersWithGraphviz() throws {
        let svg = try Graphviz.svg(DOTRenderer.render(Self.handMade))
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == Self.handMade.nodes.count)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == Self.handMade.edges.count)
        #expect(svg.contains("&amp;amp; &amp;lt; #quot; #35;"), "an entity in the text is drawn as written")
        #expect(svg.contains("quote &quot; and \\"))
    }
}
