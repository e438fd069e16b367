import FlowDiagnostics

/// FLOW317: documents that redirect to each other with no verb between that waits or plays anything
/// (`go -> a` in step `b`, `go -> b` in step `a`). Twilio documents no outcome for that loop on a voice
/// call (`CallGraph.instantCycles()`); it is not a wait, so the leg it traps counts as hung up by accident.
///
/// Reported once per cycle, at the first of its verbs a leg reaches (the first in document order when no
/// leg reaches it), with the path that leads there and the cycle itself as notes.
enum RedirectCycleRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for cycle in context.graph.instantCycles() {
            let members = Set(cycle)
            // The first leg, in declaration order, that reaches the cycle, and where it enters it.
            var entry: (leg: String, node: Int, path: [CallPaths.Step])?
            for leg in context.flow.legs {
                guard let reach = context.reach[leg.name], let node = reach.order.first(where: members.contains)
                else { continue }
                entry = (leg.name, node, reach.path(to: node))
                break
            }
            let start = entry.flatMap { found in cycle.firstIndex(of: found.node) } ?? 0
            let ordered = Array(cycle[start...] + cycle[..<start])
            let leg = entry?.leg ?? context.graph.document(of: ordered[0]).leg ?? "?"
            var notes: [Note] = []
            if let entry {
                notes += context.pathNotes(leg: entry.leg, Array(entry.path.dropLast()))
            }
            notes += ordered.map { node in
                Note("\(leg), \(place(of: node, leg: leg, context)): \(describe(node, context))", at: context.span(of: node))
            }
            notes.append(
                Note(
                    "then \(place(of: ordered[0], leg: leg, context)) again, and so on, with no verb that waits or plays anything; Twilio documents no outcome for such a loop on a voice call (its one limit on documents, error 14106, is for Messaging), so flowc counts it as hanging the leg up (Docs/Twilio.md#redirect-loops)"
                ))
            var places: [String] = []
            for node in ordered + [ordered[0]] {
                let name = place(of: node, leg: leg, context)
                if places.last != name { places.append(name) }
            }
            let loop = places.joined(separator: " → ")
            context.report(
                Diagnostic(
                    .redirectCycle, nil,
                    entry.map { "leg '\($0.leg)' is redirected in a loop that never waits: \(loop)" }
                        ?? "a redirect loop that never waits: \(loop)",
                    at: context.span(of: ordered[0]), notes: notes,
                    help: "make one step of the loop wait for something (a 'pause', 'play', 'say' or 'gather'), or end it with 'hangup'"))
        }
    }

    /// `step 'a'` for a step of the leg, else the document's title.
    private static func place(of node: Int, leg: String, _ context: ProofContext) -> String {
        let document = context.graph.document(of: node)
        return document.leg == leg && document.step != nil ? "step '\(document.step ?? "")'" : document.title
    }

    private static func describe(_ node: Int, _ context: ProofContext) -> String {
        if let verb = context.graph.verb(at: node) { return VerbDescription.describe(verb) }
        return "runs out of verbs: Twilio requests the wait document again"
    }
}
