import FlowDiagnostics

/// FLOW313: a document used in a context other than the one it was generated for; a document has exactly
/// one context, unless it holds only verbs both contexts allow (Docs/Twilio.md#restricted-contexts).
enum ContextMismatchRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for reference in context.graph.contextReferences {
            guard let target = context.graph.routeIndex[reference.route] else { continue }
            let document = context.flow.documents[target]
            guard document.context != reference.expected else { continue }
            if document.document.verbs.allSatisfy({ reference.expected.allowedVerbs.contains($0.name) }) { continue }
            let from = context.graph.document(of: reference.from)
            if context.firstTime("context \(reference.route) \(reference.expected)") {
                context.report(
                    Diagnostic(
                        .documentContextMismatch, nil,
                        "\(document.title) is used as \(reference.expected.displayName) but was generated as \(document.context.displayName)",
                        at: from.span(ofVerb: context.graph.points[reference.from].index),
                        notes: [Note("a document has exactly one context (Docs/Twilio.md#restricted-contexts)", at: document.span)]))
            }
        }
    }
}
