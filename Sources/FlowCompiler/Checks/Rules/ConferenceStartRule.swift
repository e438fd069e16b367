import FlowDiagnostics

/// FLOW309: a room that no participant can start: a conference starts only when a participant with
/// startConferenceOnEnter joins; until then everyone waits (Docs/Twilio.md#conference).
enum ConferenceStartRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for (room, joins) in context.joinsByRoom {
            guard let first = joins.first,
                !joins.contains(where: { context.graph.verb(at: $0.node)?.conference?.startsOnEnter == true })
            else { continue }
            context.report(
                Diagnostic(
                    .conferenceCannotStart, nil, "no participant can start conference '\(room)'", at: context.span(of: first.node),
                    notes: [
                        Note(
                            "a conference starts only when a participant with startConferenceOnEnter joins; until then everyone waits (Docs/Twilio.md#conference)"
                        )
                    ],
                    help: "let one leg join with 'start_on_enter'"))
        }
    }
}
