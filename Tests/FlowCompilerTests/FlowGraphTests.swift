import FlowDiagnostics
import Testing

@testable import FlowCompiler

/// What the picture of a flow says: its clusters, nodes and edges, independent of the drawing language;
/// and the escaping each renderer applies.
@Suite struct FlowGraphTests {
    static func graph(_ text: String, flow: String? = nil) throws -> FlowGraph {
        let result = Compiler.check(sources: [SourceFile(path: "test.flow", text: text)])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let chosen = try FlowSelection.flow(named: flow, in: result.program).get()
        return FlowGraph(flow: chosen)
    }

    /// `from -> to [kind] label`, one per edge, for comparisons that read like the picture.
    static func edges(_ graph: FlowGraph) -> [String] {
        graph.edges.map { "\($0.from) -> \($0.to) [\($0.kind)]\($0.label.map { " \($0)" } ?? "")" }
    }

    @Test func supportLineHasOneClusterPerLegThenTheDocuments() throws {
        let graph = try Self.graph(CheckerTestSupport.bundledFlow("support_line").text)
        #expect(graph.clusters.map(\.title) == ["leg caller (entry)", "leg agent (outbound)", "queues and rooms"])
        #expect(
            graph.clusters[0].nodes.map(\.id) == [
                "caller", "caller.start", "caller.held", "caller.after_call", "caller (hangup)",
            ])
        #expect(
            graph.clusters[2].nodes.map(\.title) == [
                "queue support · wait", "queue support · whisper", "queue parked · wait",
            ])
        #expect(graph.clusters[0].nodes[1].lines == ["say \"Thanks for calling support.\"", "enqueue support"])
        #expect(graph.clusters[0].nodes[3].kind == .step(isTerminal: true))
        #expect(graph.clusters[0].nodes[1].kind == .step(isTerminal: false))
        #expect(
            Self.edges(graph).filter { $0.contains("[operation]") } == [
                "caller.start -> caller.held [operation] hold-caller",
                "agent.idle -> agent.pickup [operation] reconnect-agent",
            ])
    }

    @Test func outcomesPassedInAStepPrefixTheLaterEdges() throws {
        let graph = try Self.graph(
            """
            flow menu
              serve at "https://twiml.example.com/menu"
              leg caller entry
                step start
                  gather num_digits=1 then -> thanks
                    say "Press a key."
                  dial agent "+15551230000"
                  go -> start
                step thanks
                  record then hangup
              leg agent dialed

            """)
        #expect(
            Self.edges(graph) == [
                "caller -> caller.start [start]",
                "caller.start -> caller.thanks [continuation] input",
                "caller.start -> agent [dials] dials",
                "caller.start -> caller.start [continuation] "
                    + "no input · dial ends (completed / busy / no-answer / failed) · go",
                "caller.thanks -> caller (hangup) [continuation] recording ends · then hangup",
            ])
        #expect(
            graph.clusters[0].nodes[1].lines == [
                "gather · say \"Press a key.\"", "dial agent \"+15551230000\"", "go -> start",
            ])
        #expect(graph.clusters[1].nodes.map(\.kind) == [.leg(.dialed)])
    }

    @Test func rejectEndsAtItsOwnMarker() throws {
        let graph = try Self.graph(
            """
            flow closed
              leg caller entry
                step start
                  reject busy

            """)
        #expect(graph.clusters[0].nodes.map(\.id) == ["caller", "caller.start", "caller (reject)"])
        #expect(graph.clusters[0].nodes[2].kind == .end(.reject))
        #expect(Self.edges(graph).last == "caller.start -> caller (reject) [continuation] reject busy")
    }

    @Test func conferenceHoldLeadsFromTheJoiningStepsToTheHoldDocumentAndBack() throws {
        let graph = try Self.graph(CheckerTestSupport.bundledFlow("front_desk").text)
        let edges = Self.edges(graph)
        #expect(edges.contains("caller.start -> room desk (wait) [plays] plays until the conference starts"))
        #expect(edges.contains("caller.start -> room desk (hold) [plays] plays while held"))
        #expect(
            edges.suffix(2) == [
                "caller.start -> room desk (hold) [operation] hold-caller",
                "room desk (hold) -> caller.start [operation] unhold-caller",
            ])
    }

    @Test func operationWithoutDuringStartsAtTheLeg() throws {
        let graph = try Self.graph(
            """
            flow moves
              serve at "https://twiml.example.com/moves"
              leg caller entry
                step start
                  say "Hello."
                  pause 10s
                  go -> start
                step other
                  hangup
              operation move caller -> other

            """)
        #expect(Self.edges(graph).last == "caller -> caller.other [operation] move-caller")
        #expect(graph.clusters[0].nodes[1].lines == ["say \"Hello.\"", "pause 10s", "go -> start"])
    }

    @Test func documentsFollowTheSourceOrderOfTheirOwners() throws {
        let graph = try Self.graph(
            """
            flow order
              serve at "https://twiml.example.com/order"
              audio music = "https://cdn.example.com/a.mp3"
              room desk shared
                hold music
              queue line
                whisper
                  say "Now."
                wait music
              leg caller entry
                step start
                  enqueue line then -> meet
                step meet
                  join desk then hangup
              leg agent outbound
                step start
                  dial queue line then hangup

            """)
        #expect(
            graph.clusters.last?.nodes.map(\.id) == ["room desk (hold)", "queue line (wait)", "queue line (whisper)"])
        #expect(Self.edges(graph).contains("agent.start -> queue line (whisper) [plays] plays before the bridge"))
    }

    @Test func longAndControlTextIsShortenedAndFlattened() {
        #expect(GraphText.excerpt("one\ntwo\tthree") == "one two three")
        #expect(GraphText.excerpt(String(repeating: "a", count: 40)) == String(repeating: "a", count: 28) + "…")
        #expect(GraphText.displayed("a\u{2028}b\u{7}c") == "a b c")
    }

    @Test func renderingIsDeterministic() throws {
        let text = CheckerTestSupport.bundledFlow("support_line").text
        let first = try Self.graph(text)
        let second = try Self.graph(text)
        #expect(DOTRenderer.render(first) == DOTRenderer.render(second))
        #expect(MermaidRenderer.render(first) == MermaidRenderer.render(second))
    }

    // MARK: - Escaping

    @Test func dotEscapesQuotesBackslashesEntitiesAndLineBreaks() {
        #expect(DOTRenderer.escaped(#"say "hi" \N & <b>"#) == #"say \"hi\" \\N &amp; <b>"#)
        #expect(DOTRenderer.escaped("a\nb\u{1}c") == #"a\nb c"#)
        #expect(DOTRenderer.quoted(#"ends in \"#) == #""ends in \\""#)
    }

    @Test func mermaidWritesSpecialCharactersAsEntities() {
        #expect(
            MermaidRenderer.escaped(#""q" #quot; & <br> > ` | é"#)
                == "#quot;q#quot; #35;quot; #amp; #lt;br#gt; #gt; #96; #124; é")
        #expect(MermaidRenderer.escaped("a\nb") == "a b")
    }

    @Test func mermaidIdsAreSanitisedPrefixedAndUnique() {
        #expect(MermaidRenderer.sanitized("caller (hangup)") == "caller_hangup")
        #expect(MermaidRenderer.sanitized("queue a.b (wait)") == "queue_a_b_wait")
        #expect(MermaidRenderer.sanitized("é!") == "x")
        let graph = FlowGraph(
            name: "clash",
            clusters: [
                FlowGraph.Cluster(
                    id: "leg a", kind: .leg(.entry), title: "a",
                    nodes: [
                        FlowGraph.Node(id: "a_b.c", kind: .step(isTerminal: false), title: "c"),
                        FlowGraph.Node(id: "a.b_c", kind: .step(isTerminal: false), title: "b_c"),
                        FlowGraph.Node(id: "end", kind: .leg(.entry), title: "end"),
                    ])
            ], edges: [])
        let ids = MermaidRenderer.identifiers(for: graph)
        #expect(ids.nodes == ["a_b.c": "S_a_b_c", "a.b_c": "S_a_b_c_2", "end": "L_end"])
        #expect(ids.clusters == ["leg a": "G_leg_a"])
    }

    // MARK: - Choosing the flow

    @Test func aFileWithSeveralFlowsNeedsAName() throws {
        let result = Compiler.check(sources: [
            SourceFile(
                path: "two.flow",
                text:
                    "flow b\n  leg c entry\n    step s\n      hangup\nflow a\n  leg c entry\n    step s\n      hangup\n"
            )
        ])
        #expect(throws: FlowSelection.Problem.severalFlows(["a", "b"])) {
            try FlowSelection.flow(named: nil, in: result.program).get()
        }
        #expect(throws: FlowSelection.Problem.unknownFlow("c", available: ["a", "b"])) {
            try FlowSelection.flow(named: "c", in: result.program).get()
        }
        #expect(try FlowSelection.flow(named: "b", in: result.program).get().name == "b")
        #expect(throws: FlowSelection.Problem.noFlow) {
            try FlowSelection.flow(named: nil, in: FlowProgram(flows: [])).get()
        }
        #expect(
            FlowSelection.Problem.severalFlows(["a", "b"]).description
                == "the input declares 2 flows; choose one with --flow: a, b")
    }
}
