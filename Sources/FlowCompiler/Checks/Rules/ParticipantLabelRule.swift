import FlowDiagnostics

/// FLOW310: two joins of one conference with the same participant label; the second leg skips the
/// conference and falls to the next verb (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#limits, Docs/Twilio.md#conference-and-queue-legs). An entry
/// leg's join of a shared room clashes with itself: every call to the number joins with the same label.
enum ParticipantLabelRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for (room, joins) in context.joinsByRoom {
            var labels: [String: (leg: String, node: Int)] = [:]
            for join in joins {
                guard let label = context.graph.verb(at: join.node)?.conference?.label else { continue }
                let role = context.flow.leg(named: join.leg)?.role
                let span = context.span(of: join.node)
                if let first = labels[label], first.leg != join.leg {
                    context.report(
                        Diagnostic(
                            .participantLabelClash, nil,
                            "legs '\(first.leg)' and '\(join.leg)' may join conference '\(room)' with the same label '\(label)'",
                            at: span,
                            notes: [
                                Note("leg '\(first.leg)' uses it here", at: context.span(of: first.node)),
                                Note(
                                    "a duplicate participantLabel makes the second leg skip the conference and fall to the next verb (Docs/Twilio.md#hold-techniques, Docs/Twilio.md#limits, Docs/Twilio.md#conference-and-queue-legs)"
                                ),
                            ]))
                } else if role == .entry, context.flow.sharedConferences.contains(room), labels[label] == nil {
                    // Every call to the number joins the one shared room with the same label. Outbound legs
                    // are placed by the application one at a time, and a room that is not shared gets a
                    // conference per call, so neither clashes with itself.
                    context.report(
                        Diagnostic(
                            .participantLabelClash, nil,
                            "every call of leg '\(join.leg)' joins conference '\(room)' with the same label '\(label)'",
                            at: span,
                            notes: [
                                Note(
                                    "two calls at once would clash: the second skips the conference (Docs/Twilio.md#limits, Docs/Twilio.md#conference-and-queue-legs)"
                                )
                            ]))
                }
                if labels[label] == nil { labels[label] = (join.leg, join.node) }
            }
        }
    }
}
