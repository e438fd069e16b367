extension DiagnosticCode {
    public static let unknownScenarioEvent = DiagnosticCode("FLOW601", "unknown-scenario-event", .error)
    public static let malformedScenarioEvent = DiagnosticCode("FLOW602", "malformed-scenario-event", .error)
    public static let simulatedFlowNotChosen = DiagnosticCode("FLOW603", "simulated-flow-not-chosen", .error)
    public static let unknownScenarioName = DiagnosticCode("FLOW604", "unknown-scenario-name", .error)
}

extension DiagnosticCatalog {
    /// FLOW6xx: `flowc simulate` and its scenario files (Docs/Simulate.md).
    static let scenarioCodes: [DiagnosticCodeEntry] = [
        DiagnosticCodeEntry(
            .unknownScenarioEvent,
            title: "unknown scenario event",
            explanation: """
                A scenario line starts with one of the events of Docs/Simulate.md: start, press, speak, silence, \
                finish-recording, answer, busy, no-answer, failed, canceled, hangup, apply.
                """,
            wrong: .scenario("""
                start caller
                dial caller
                """),
            right: .scenario("""
                start caller
                hangup caller
                """)),
        DiagnosticCodeEntry(
            .malformedScenarioEvent,
            title: "a scenario event has the wrong arguments",
            explanation: """
                Each event takes a leg name, and press and speak also a quoted string; apply takes an operation \
                key such as hold-caller.
                """,
            wrong: .scenario("""
                start caller
                press caller 1
                """),
            right: .scenario("""
                start caller
                press caller "1"
                """)),
        DiagnosticCodeEntry(
            .simulatedFlowNotChosen,
            title: "the flow to simulate is missing or ambiguous",
            explanation: """
                flowc simulate runs one flow. A file with several flows needs --flow NAME, and the name must be \
                one of the file's flows.
                """,
            wrong: .command("flowc simulate flows/all.flow"),
            right: .command("flowc simulate flows/all.flow --flow sales")),
        DiagnosticCodeEntry(
            .unknownScenarioName,
            title: "a scenario names a leg or operation the flow does not have",
            explanation: """
                Scenario events name the flow's legs and its operations by key (hold-caller). A name the flow \
                does not have is a mistake in the scenario, so the simulation stops there with the closest name \
                suggested, rather than ignoring the event.
                """,
            wrong: .scenario("""
                start callr
                hangup caller
                """),
            right: .scenario("""
                start caller
                hangup caller
                """)),
    ]
}
