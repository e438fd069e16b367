import FlowDiagnostics

/// The names a scenario uses, checked against the flow before the call runs: a leg or operation the flow
/// does not have is an error (FLOW604) with the closest name suggested, so a typo (`apply hold-callr`)
/// fails the simulation instead of being ignored as an event that cannot happen now. An event that names
/// a real leg in the wrong state (`hangup rep` before it started) stays a transcript note: that is a
/// question about the call, not a mistake in the file.
enum ScenarioNames {
    static func check(_ scenario: Scenario, legs: [String], operations: [String]) -> [Diagnostic] {
        scenario.events.compactMap { event in
            let (kind, name, candidates) =
                switch event.value {
                case .apply(let key): ("operation", key, operations)
                case .start(let leg), .startSending(let leg, _, _), .press(let leg, _), .speak(let leg, _), .silence(let leg),
                    .finishRecording(let leg), .answer(let leg), .dialFails(let leg, _), .hangup(let leg):
                    ("leg", leg, legs)
                }
            guard !candidates.contains(name) else { return nil }
            let list = candidates.isEmpty ? "none" : candidates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .unknownScenarioName, .error, "the flow has no \(kind) '\(name)'", at: event.span,
                notes: [Note("\(kind)s of the flow: \(list)")],
                help: NameSuggestion.closest(to: name, among: candidates).map { "did you mean '\($0)'?" })
        }
    }
}
