import FlowDiagnostics

/// FLOW304: an operation the application may apply where its leg never is: a participant hold of a leg
/// that never joins the room, a move of a leg that is never live during the steps it names. A REST update
/// of a call that is not where the operation expects fails or acts on the wrong call
/// (Docs/Twilio.md#call-update).
enum OperationPlacementRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for operation in context.flow.operations {
            switch operation.action {
            case .participantHold(let conference, _, _):
                if joins(of: operation, conference: conference, in: context).isEmpty {
                    report(operation, "it is never in conference '\(conference)'", in: &context)
                }
            case .redirect:
                if context.placements(of: operation).isEmpty {
                    report(operation, "it is never live there", in: &context)
                }
            }
        }
    }

    /// The `<Dial><Conference>` points of `conference` where the operation may find its leg.
    static func joins(of operation: DeployedOperation, conference: String, in context: ProofContext) -> [(
        node: Int, room: TwiMLVerb.Conference
    )] {
        context.placements(of: operation).compactMap { placement in
            guard case .own(let node) = placement, let room = context.graph.verb(at: node)?.conference,
                room.name == conference
            else { return nil }
            return (node, room)
        }
    }

    private static func report(_ operation: DeployedOperation, _ reason: String, in context: inout ProofContext) {
        let scope = operation.during.isEmpty ? "" : " during the steps it names"
        context.report(
            Diagnostic(
                .operationMisplaced, nil, "operation '\(operation.key)' is applied to leg '\(operation.leg)'\(scope), but \(reason)",
                at: operation.span,
                notes: [
                    Note(
                        "a REST update of a call that is not where the operation expects fails or acts on the wrong call (Docs/Twilio.md#call-update)")
                ]))
    }
}
