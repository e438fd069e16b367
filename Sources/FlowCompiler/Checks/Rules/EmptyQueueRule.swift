import FlowDiagnostics

/// FLOW311: a leg dials a queue that no leg is ever enqueued in; dialing an empty queue waits until the
/// dial's timeout (Docs/Twilio.md#conference-and-queue-legs, Docs/Twilio.md#queue). An error when a reconnect relies on it.
enum EmptyQueueRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for dial in context.meetings.allDequeuers where context.meetings.enqueues[dial.name] == nil {
            let document = context.graph.document(of: dial.node)
            let reconnects = context.flow.operations.filter { operation in
                guard case .redirect(let route) = operation.action else { return false }
                return route == document.route
            }
            if context.firstTime("queue \(dial.name)") {
                context.report(
                    Diagnostic(
                        .queueNeverFilled, reconnects.isEmpty ? .warning : .error,
                        "leg '\(dial.leg)' dials queue '\(dial.name)', but no leg is ever enqueued in it",
                        at: context.span(of: dial.node),
                        notes: reconnects.map { Note("operation '\($0.key)' relies on it", at: $0.span) }
                            + [
                                Note(
                                    "dialing an empty queue waits until the dial's timeout (Docs/Twilio.md#conference-and-queue-legs, Docs/Twilio.md#queue)")
                            ]))
            }
        }
    }
}
