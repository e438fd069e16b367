import FlowDiagnostics

/// FLOW306: a hold document that can reach its end; what Twilio does there is not documented, so it must
/// loop with `<Redirect>` (Docs/Twilio.md#restricted-contexts).
enum HoldDocumentEndRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for (position, document) in context.flow.documents.enumerated() where document.context == .hold {
            guard let start = context.graph.node(CallGraph.Point(document: position, index: 0, site: nil)),
                let found = context.paths.shortestPath(from: [start], where: { $0.target == .undocumentedEnd })
            else { continue }
            let index = context.graph.points[found.path.last?.node ?? start].index
            context.report(
                Diagnostic(
                    .holdDocumentEnds, nil, "\(document.title) can reach its end", at: document.span(ofVerb: max(0, index - 1)),
                    notes: [
                        Note(
                            "what Twilio does at the end of a hold document is not documented; it must loop with <Redirect> (Docs/Twilio.md#restricted-contexts)")
                    ]))
        }
    }
}
