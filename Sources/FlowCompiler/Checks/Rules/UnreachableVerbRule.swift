import FlowDiagnostics

/// FLOW308: verbs after one that passes control elsewhere never run (Docs/Twilio.md#fetch-and-run).
enum UnreachableVerbRule: ContinuationRule {
    static func check(_ context: inout ProofContext) {
        var found: [Diagnostic] = []
        context.forEachVerb { verb, index, document in
            // Outside a wait document <Leave> is FLOW316 and transfers nothing.
            let misplacedLeave = verb == .leave && document.context != .enqueueWait
            guard transfersControl(verb), !misplacedLeave, index + 1 < document.document.verbs.count else { return }
            if index + 2 == document.document.verbs.count,
                isGuardCopy(TwiMLVerb(document.document.verbs[index + 1]), of: verb)
            {
                return
            }
            found.append(
                Diagnostic(
                    .unreachableTwiMLVerb, nil, "verbs after <\(verb.name)> in \(document.title) never run",
                    at: document.span(ofVerb: index + 1),
                    notes: [
                        Note(
                            "control passes elsewhere here (Docs/Twilio.md#fetch-and-run)",
                            at: document.span(ofVerb: index))
                    ]))
        }
        found.forEach { context.report($0) }
    }

    /// Whether `next`, the last verb, is the `<Redirect>` code generation writes after a `<Dial action>`
    /// to the same document: the continuation of a conference join that fails (16025), which goes on with
    /// the next verb, and for every other dial a copy that runs only if Twilio goes on (Docs/Output.md).
    static func isGuardCopy(_ next: TwiMLVerb, of verb: TwiMLVerb) -> Bool {
        guard case .dial(let dial) = verb, let action = dial.action, case .redirect(let target) = next else { return false }
        return target == action
    }

    /// Whether no outcome of the verb goes on with the next one. `<Record>` is not among them: the verb
    /// after it is kept as an inferred outcome (Docs/Twilio.md#record), which FLOW302 covers.
    static func transfersControl(_ verb: TwiMLVerb) -> Bool {
        switch verb {
        case .redirect, .hangup, .reject, .leave: true
        // A conference join that fails goes on with the next verb, action or not (16025).
        case .dial(let dial): dial.action != nil && verb.conference == nil
        case .enqueue(_, let action, _), .connect(let action, _), .refer(let action), .pay(let action): action != nil
        case .say, .play, .pause, .gather, .record, .background, .ungenerated: false
        }
    }
}
