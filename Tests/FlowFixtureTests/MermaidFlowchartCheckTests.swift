import Foundation
import Testing

/// The Mermaid checker accepts the subset and rejects what Mermaid would misread or refuse, so that a
/// passing golden means something.
@Suite struct MermaidFlowchartCheckTests {
    static let valid = """
        flowchart TD
          subgraph G_leg_a ["leg a (entry)"]
            L_a(["a<br>incoming call"])
            S_a_start["start<br>say #quot;hi#quot; #35;1"]
            E_a_hangup((("hangup")))
          end
          subgraph G_documents ["queues and rooms"]
            D_q_wait[/"queue q · wait"/]
          end
          L_a --> S_a_start
          S_a_start --o|"plays while waiting"| D_q_wait
          S_a_start -->|"hangup"| E_a_hangup
          S_a_start -.->|"move-a"| S_a_start
          classDef terminal stroke-width:3px
          class S_a_start terminal

        """

    @Test func acceptsTheSubset() {
        #expect(MermaidFlowchartCheck.problems(in: Self.valid) == [])
    }

    /// Each case changes one line of the valid text, and the change must be reported.
    @Test(arguments: [
        ("flowchart TD", "graph TD"),
        ("flowchart TD", "flowchart LR"),
        ("  end\n  subgraph G_documents", "  subgraph G_documents"),
        ("  class S_a_start terminal", "  class S_a_start terminal\n  end"),
        ("L_a([\"a<br>incoming call\"])", "L_a([a incoming call])"),
        ("L_a([\"a<br>incoming call\"])", "L_a([\"a<br>incoming call\"]"),
        ("L_a([\"a<br>incoming call\"])", "L_a{\"a\"}"),
        ("#quot;hi#quot;", "\"hi\""),
        ("#35;1", "#1"),
        ("#35;1", "<b>1</b>"),
        ("#35;1", "a | b"),
        ("#35;1", "`md`"),
        ("#35;1", "a & b"),
        ("#35;1", "tab\there"),
        ("S_a_start -->|\"hangup\"| E_a_hangup", "S_a_start -> E_a_hangup"),
        ("S_a_start -->|\"hangup\"| E_a_hangup", "S_a_start -->|hangup| E_a_hangup"),
        ("S_a_start -->|\"hangup\"| E_a_hangup", "S_a_start -->|\"hangup\" E_a_hangup"),
        ("S_a_start -->|\"hangup\"| E_a_hangup", "S_a_start --> E_missing"),
        ("L_a --> S_a_start", "L_a --> S_a_start extra"),
        ("E_a_hangup(((\"hangup\")))", "end(((\"hangup\")))"),
        ("E_a_hangup(((\"hangup\")))", "o_hangup(((\"hangup\")))"),
        ("E_a_hangup(((\"hangup\")))", "S_a_start[\"again\"]"),
        ("E_a_hangup(((\"hangup\")))", "G_leg_a[\"a subgraph id\"]"),
        ("    D_q_wait", "      D_q_wait"),
        ("class S_a_start terminal", "class S_a_start missing"),
        ("class S_a_start terminal", "class S_nobody terminal"),
        ("classDef terminal stroke-width:3px", "classDef terminal stroke-width:3px;color:red"),
    ])
    func rejectsABrokenLine(_ original: String, _ broken: String) {
        #expect(Self.valid.contains(original))
        let text = Self.valid.replacingOccurrences(of: original, with: broken)
        #expect(!MermaidFlowchartCheck.problems(in: text).isEmpty, "accepted:\n\(text)")
    }

    @Test func rejectsTextWithoutAFinalNewline() {
        #expect(!MermaidFlowchartCheck.problems(in: String(Self.valid.dropLast())).isEmpty)
        #expect(!MermaidFlowchartCheck.problems(in: "").isEmpty)
    }
}
