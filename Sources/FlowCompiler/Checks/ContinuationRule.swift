/// One rule of the continuation proof: a question about a `ProofContext`, answered with diagnostics (and,
/// for the operation rules, the effects the manifest states).
///
/// Each rule lives in its own file under `Rules/`, with its messages beside it, and is registered once in
/// `ContinuationRules.all`. A rule reads only the context; it never changes the graph, and it reports a
/// finding once however many paths lead to it (`ProofContext.firstTime`). Docs/Checker.md describes each.
protocol ContinuationRule {
    static func check(_ context: inout ProofContext)
}

/// The registry: every rule, in the order they run. The order matters only for the effects the operation
/// rules record; diagnostics are sorted for presentation afterwards.
enum ContinuationRules {
    static let all: [any ContinuationRule.Type] = [
        FallOffRule.self,
        RedirectCycleRule.self,
        UnresolvedURLRule.self,
        MisplacedLeaveRule.self,
        RepeatedDocumentRule.self,
        UnreachableVerbRule.self,
        FetchMethodRule.self,
        HoldDocumentEndRule.self,
        ContextMismatchRule.self,
        OperationPlacementRule.self,
        HeldEndOnExitRule.self,
        OperationEffectRule.self,
        ConferenceStartRule.self,
        ParticipantLabelRule.self,
        EmptyQueueRule.self,
        UnreachableStepRule.self,
    ]
}
