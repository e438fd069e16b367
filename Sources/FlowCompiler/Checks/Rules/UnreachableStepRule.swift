import FlowDiagnostics

/// FLOW307: a step no path of any leg and no operation reaches. An operation may move any leg to any step
/// (`move caller -> agent.wrap`), so a step counts as reached when some leg reaches it.
enum UnreachableStepRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for (position, document) in context.flow.documents.enumerated() {
            guard let legName = document.leg, document.step != nil,
                let node = context.graph.node(CallGraph.Point(document: position, index: 0, site: nil))
            else { continue }
            if context.flow.legs.contains(where: { context.reach[$0.name]?.contains(node) == true }) { continue }
            context.report(
                Diagnostic(
                    .unreachableStep, nil, "\(document.title) is never reached", at: document.span,
                    notes: [Note("no path of leg '\(legName)' and no operation leads to it")]))
        }
    }
}
