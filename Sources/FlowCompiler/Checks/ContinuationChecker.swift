import FlowDiagnostics

/// The proof behind flowc's promise: no leg of a flow runs off the end of a document, and no operation
/// leaves another leg without TwiML to run (Docs/Twilio.md#fetch-and-run, Docs/Twilio.md#restricted-contexts, Docs/Twilio.md#end-of-document).
///
/// It works on a `DeployedFlow` (the generated documents and the operations' requests), through one
/// `CallGraph` and one `ProofContext`:
/// 1. every leg's reachable points, from its start, its whisper and every document an operation moves it to;
/// 2. each rule of `ContinuationRules.all` (one file each under `Rules/`) asks its question of them: fall-off,
///    unresolved URLs, documents on their own, operations in every state where the application may apply
///    them (their `during` steps, or whenever their leg is live) with the effect Twilio gives them on every
///    other leg (Docs/Twilio.md#dial-bridge, Docs/Twilio.md#conference-and-queue-legs), rooms, queues and labels across legs.
/// Each question is a linear walk over the graph (`CallPaths`), so the cost is linear in the flow's size.
public enum ContinuationChecker {
    /// Proves one flow: its findings, and the effect of each operation on the other legs.
    public static func check(_ flow: DeployedFlow) -> Proof {
        var context = ProofContext(flow: flow)
        for rule in ContinuationRules.all { rule.check(&context) }
        return Proof(diagnostics: context.diagnostics, effects: context.effectsByOperation())
    }

    /// Proves every flow of a deployment.
    public static func check(_ plan: DeploymentPlan) -> Proof {
        var proof = Proof()
        for flow in plan.flows {
            let flowProof = check(flow)
            proof.diagnostics += flowProof.diagnostics
            proof.effects.merge(flowProof.effects) { first, _ in first }
        }
        return proof
    }
}
