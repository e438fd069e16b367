import FlowDiagnostics

/// FLOW302: a leg can run off the end of a normal document, where Twilio hangs it up
/// (Docs/Twilio.md#end-of-document). Reported once per document, with the shortest path to it.
enum FallOffRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for leg in context.flow.legs {
            guard let reach = context.reach[leg.name] else { continue }
            for node in reach.order where context.graph.edges[node].contains(where: { $0.target == .fallOff }) {
                let document = context.graph.document(of: node)
                guard context.firstTime("falloff \(document.route)") else { continue }
                let path = reach.path(to: node)
                // The verb before the end; its index is looked up in this document, as the note's place.
                let index = context.graph.points[path.dropLast().last?.node ?? node].index
                var notes = context.pathNotes(leg: leg.name, path)
                notes.append(
                    Note("\(document.title) has no verb left: Twilio hangs leg '\(leg.name)' up (Docs/Twilio.md#end-of-document)"))
                context.report(
                    Diagnostic(
                        .documentFallOff, nil, "leg '\(leg.name)' can run off the end of \(document.title)",
                        at: document.span(ofVerb: index), notes: notes,
                        help: "end the step with 'hangup' or 'go -> step', or give its last verb a 'then' continuation"))
            }
        }
    }
}
