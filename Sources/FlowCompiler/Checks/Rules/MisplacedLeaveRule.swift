import FlowDiagnostics

/// FLOW316: `<Leave>` outside an Enqueue wait document (Docs/Twilio.md#leave).
enum MisplacedLeaveRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        var found: [Diagnostic] = []
        context.forEachVerb { verb, index, document in
            guard verb == .leave, document.context != .enqueueWait else { return }
            found.append(
                Diagnostic(
                    .twimlLeaveOutsideWait, nil, "<Leave> in \(document.title) runs outside an Enqueue wait document",
                    at: document.span(ofVerb: index),
                    notes: [
                        Note(
                            "<Leave> takes a caller out of a queue and belongs only in the queue's wait document (Docs/Twilio.md#leave)")
                    ]))
        }
        found.forEach { context.report($0) }
    }
}
