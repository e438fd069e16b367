import FlowDiagnostics

/// FLOW301 and FLOW303: what Twilio does to the other legs when an operation moves its leg away, in every
/// state where the application may apply it (Docs/Twilio.md#dial-bridge, Docs/Twilio.md#conference-and-queue-legs), and whether each of them
/// still has TwiML to run. Records every effect for the manifest.
///
/// - FLOW303: moving the parent of a `<Dial>` hangs up the child it dialed (Docs/Twilio.md#dial-bridge).
/// - FLOW301: a leg whose dial, queue or conference ends because of the move falls off its continuation,
///   or, after a hold, can end before it reaches an unbounded wait (a queue, a conference, a loop with no
///   way out): a bounded wait that then hangs up (a survey that times out) drops the leg the held one is
///   meant to come back to.
enum OperationEffectRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        for operation in context.flow.operations {
            guard case .redirect = operation.action else { continue }
            for placement in context.placements(of: operation) {
                effects(of: operation, from: placement, in: &context)
            }
        }
    }

    private static func effects(
        of operation: DeployedOperation, from placement: ProofContext.Placement, in context: inout ProofContext
    ) {
        switch placement {
        case .child(let parent, let node):
            // Docs/Twilio.md#dial-bridge: the child is moved; the parent's <Dial> ends and it goes on with its continuation.
            checkPartner(
                parent, continuingFrom: node, after: operation,
                because: "leg '\(operation.leg)' leaves the dial, so the dial of leg '\(parent)' ends", in: &context)
        case .own(let node):
            guard let verb = context.graph.verb(at: node) else { return }
            switch verb {
            case .dial(let dial):
                switch dial.target {
                case .queue(let queue, _):
                    for (member, enqueue) in context.enqueues(named: queue) where member != operation.leg {
                        checkPartner(
                            member, continuingFrom: enqueue, after: operation,
                            because: "leg '\(operation.leg)' leaves the bridge, so leg '\(member)' leaves queue '\(queue)'",
                            in: &context)
                    }
                case .conference(let room):
                    guard room.endsOnExit else { return }
                    for (other, join) in context.joins(named: room.name) where other != operation.leg {
                        checkPartner(
                            other, continuingFrom: join, after: operation,
                            because:
                                "leg '\(operation.leg)' leaves with end_on_exit, so conference '\(room.name)' ends for leg '\(other)'",
                            in: &context)
                    }
                case .parties:
                    for child in context.flow.legs
                    where child.dialedFrom.contains(where: { context.graph.node(at: $0) == node }) {
                        reportDisconnect(operation, parentNode: node, child: child.name, in: &context)
                    }
                }
            case .enqueue(let queue, _, _):
                for (dequeuer, dial) in context.dequeuers(named: queue) where dequeuer != operation.leg {
                    checkPartner(
                        dequeuer, continuingFrom: dial, after: operation,
                        because: "leg '\(operation.leg)' leaves queue '\(queue)', so the dial of leg '\(dequeuer)' ends",
                        in: &context)
                }
            case .say, .play, .pause, .gather, .record, .leave, .connect, .redirect, .hangup, .reject, .refer, .pay,
                .background, .ungenerated:
                // Nothing is bridged with the leg at this verb, so moving it changes no other leg.
                return
            }
        }
    }

    private static func reportDisconnect(
        _ operation: DeployedOperation, parentNode: Int, child: String, in context: inout ProofContext
    ) {
        context.record(
            RouteManifest.Effect(
                leg: child, outcome: .disconnected, step: nil,
                explanation: "moving the leg that dialed '\(child)' hangs '\(child)' up (Docs/Twilio.md#dial-bridge)"),
            of: operation)
        if context.firstTime("disconnect \(operation.key) \(child)") {
            context.report(
                Diagnostic(
                    .parentMoveDisconnectsChild, nil,
                    "operation '\(operation.key)' disconnects leg '\(child)': it moves leg '\(operation.leg)' while '\(operation.leg)' is bridged to the leg it dialed",
                    at: operation.span,
                    notes: [
                        Note("leg '\(operation.leg)' dials '\(child)' here", at: context.span(of: parentNode)),
                        Note(
                            "moving the parent of a dial hangs up its child, which has no TwiML of its own to go on with (Docs/Twilio.md#dial-bridge)"
                        ),
                    ],
                    help:
                        "restrict the operation with 'during' to steps where the leg is not bridged, move '\(child)' instead, or hold through a conference"
                ))
        }
    }

    /// Checks that leg `partner`, whose verb at `node` ends because of `operation`, goes on without
    /// falling off, and, after a hold, without being hung up before it waits.
    private static func checkPartner(
        _ partner: String, continuingFrom node: Int, after operation: DeployedOperation, because cause: String,
        in context: inout ProofContext
    ) {
        let graph = context.graph
        let paths = context.paths
        let continuation = graph.edges[node].filter { $0.outcome == .dialEnds || $0.outcome == .queueLeft }
        let starts = continuation.compactMap { edge -> Int? in
            if case .point(let next) = edge.target { return next }
            return nil
        }
        for start in starts {
            let document = graph.document(of: start)
            let step = document.leg.flatMap { leg in document.step.map { "\(leg).\($0)" } }
            let hungUpAtOnce = paths.endsWithoutWaiting[start]
            context.record(
                RouteManifest.Effect(
                    leg: partner, outcome: hungUpAtOnce ? .disconnected : .continues, step: step,
                    explanation: hungUpAtOnce
                        ? "\(cause); it goes on with \(document.title), which hangs it up before it waits (Docs/Twilio.md#dial-bridge, Docs/Twilio.md#conference-and-queue-legs)"
                        : "\(cause); it goes on with \(document.title) (Docs/Twilio.md#dial-bridge, Docs/Twilio.md#conference-and-queue-legs)"),
                of: operation)
        }
        let fallsOff = continuation.contains { $0.target == .fallOff } || starts.contains { paths.canFallOff[$0] }
        let hungUp =
            operation.kind == .hold
            && (continuation.contains { $0.target == .exit } || starts.contains { paths.endsBeforeUnboundedWait[$0] })
        guard fallsOff || hungUp, context.firstTime("partner \(operation.key) \(partner) \(node)") else { return }
        let document = graph.document(of: node)
        let place = document.leg == partner && document.step != nil ? "step '\(document.step ?? "")'" : document.title
        var notes = [
            // The diagnostic's own span is this verb, so the note carries none (no second snippet).
            Note("\(partner), \(place): \(VerbDescription.describe(graph.verb(at: node)))"),
            Note("operation '\(operation.key)' moves leg '\(operation.leg)'", at: operation.span),
            Note(cause),
        ]
        let found =
            fallsOff
            ? paths.shortestPath(from: starts, where: { $0.target == .fallOff })
            : paths.shortestPath(
                from: starts, where: { $0.target == .exit || $0.target == .fallOff }, stoppingAtUnboundedWaits: true)
        if let found {
            notes.append(contentsOf: context.pathNotes(leg: partner, found.path))
        }
        let ending =
            fallsOff
            ? "the document of leg '\(partner)' has no verb left: Twilio hangs '\(partner)' up (Docs/Twilio.md#end-of-document, Docs/Twilio.md#dial-bridge)"
            : "leg '\(partner)' can hang up before it reaches a wait that lasts until the held leg comes back (a queue, a conference, a loop): a hold must be reversible"
        notes.append(Note(ending))
        context.report(
            Diagnostic(
                .operationHangsUpLeg, nil,
                "leg '\(partner)' is hung up when operation '\(operation.key)' moves leg '\(operation.leg)'",
                at: context.span(of: node), notes: notes,
                help: fallsOff
                    ? "give this verb a 'then -> step' continuation that keeps the leg waiting, or hold through a conference"
                    : "continue to a step that waits (a queue, a pause loop, a conference) instead of hanging up, or hold through a conference"
            ))
    }
}
