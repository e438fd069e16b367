import FlowDiagnostics

/// FLOW312: a URL on a leg's path names no generated document; the failed fetch ends the call with an
/// application error (Docs/Twilio.md#fetch-and-run). `<Leave>` outside a wait document is FLOW316.
enum UnresolvedURLRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for leg in context.flow.legs {
            guard let reach = context.reach[leg.name] else { continue }
            for node in reach.order where context.graph.verb(at: node) != .leave {
                for edge in context.graph.edges[node] {
                    guard case .unresolved(let url) = edge.target else { continue }
                    let document = context.graph.document(of: node)
                    if context.firstTime("unresolved \(document.route) \(context.graph.points[node].index)") {
                        context.report(
                            Diagnostic(
                                .unresolvedURL, nil, "'\(url)' in \(document.title) names no generated document",
                                at: context.span(of: node),
                                notes: [
                                    Note(
                                        "a failed fetch ends the call with an application error (Docs/Twilio.md#fetch-and-run)")
                                ]))
                    }
                }
            }
        }
    }
}
