import FlowDiagnostics

/// FLOW314: a participant hold of a leg that joined with end_on_exit: if it hangs up while held, the
/// conference ends for everyone, and Twilio ignores changes to EndConferenceOnExit while it is held
/// (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#participant-update).
enum HeldEndOnExitRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for operation in context.flow.operations {
            guard case .participantHold(let conference, true, _) = operation.action,
                let join = OperationPlacementRule.joins(of: operation, conference: conference, in: context)
                    .first(where: { $0.room.endsOnExit })
            else { continue }
            context.report(
                Diagnostic(
                    .holdWithEndOnExit, nil,
                    "operation '\(operation.key)' holds leg '\(operation.leg)', which ends conference '\(conference)' when it leaves",
                    at: operation.span,
                    notes: [
                        Note("the leg joins with end_on_exit here", at: context.span(of: join.node)),
                        Note(
                            "a held participant that hangs up ends the conference for everyone, and Twilio ignores changes to EndConferenceOnExit while it is held (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#participant-update)"
                        ),
                    ]))
        }
    }
}
