import FlowDiagnostics

/// FLOW305: `<Gather>`, `<Record>` and `<Connect><VirtualAgent>` without an action request the current
/// document again; on static files that repeats it forever (Docs/Twilio.md#action-continuations).
enum RepeatedDocumentRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        var found: [Diagnostic] = []
        context.forEachVerb { verb, index, document in
            guard repeatsWithoutAction(verb) else { return }
            found.append(
                Diagnostic(
                    .actionMissingSelfLoop, nil,
                    "<\(verb.name)> in \(document.title) has no action: Twilio requests the same document again",
                    at: document.span(ofVerb: index),
                    notes: [Note("on static files that repeats the document forever (Docs/Twilio.md#action-continuations)")]))
        }
        found.forEach { context.report($0) }
    }

    static func repeatsWithoutAction(_ verb: TwiMLVerb) -> Bool {
        switch verb {
        case .gather(let action, _), .record(let action): action == nil
        case .connect(let action, let virtualAgent): virtualAgent && action == nil
        case .say, .play, .pause, .dial, .enqueue, .leave, .redirect, .hangup, .reject, .refer, .pay, .background,
            .ungenerated:
            false
        }
    }
}
