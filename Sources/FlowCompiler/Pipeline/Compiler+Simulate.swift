import FlowDiagnostics

/// What `Compiler.simulate` produced.
public struct SimulationResult: Sendable {
    /// The check of the flow file, whose diagnostics stop the simulation when they hold an error.
    public var compilation: CompilationResult
    /// Diagnostics of the scenario file and of the choice of flow.
    public var diagnostics: [Diagnostic]
    /// The transcript; `nil` when something stopped the simulation.
    public var transcript: String?
    /// Sources of the flow and the scenario, for diagnostic snippets.
    public var sources: [SourceFile]

    public var hasInputFailure: Bool { compilation.hasInputFailure }
}

extension Compiler {
    /// Checks the flows of `path` (the same stages as `flowc check`, so a flow check rejects is never
    /// simulated), and runs one call through the deployment of the flow named `flow` (the only flow of
    /// the file when `nil`) with the events of the scenario file, or the happy path without one.
    public static func simulate(path: String, flow name: String?, scenario scenarioPath: String?) -> SimulationResult {
        let compilation = check(paths: [path])
        var result = SimulationResult(
            compilation: compilation, diagnostics: [], transcript: nil, sources: compilation.sources)
        guard !compilation.hasErrors(strict: false), let plan = compilation.deployment else { return result }

        var scenario: Scenario?
        if let scenarioPath {
            let loaded = SourceLoader.load(paths: [scenarioPath])
            result.sources += loaded.files
            result.diagnostics += loaded.diagnostics
            guard let file = loaded.files.first, loaded.diagnostics.isEmpty else { return result }
            let parsed = ScenarioParser.parse(file)
            result.diagnostics += parsed.diagnostics
            guard parsed.diagnostics.isEmpty else { return result }
            scenario = parsed.scenario
        }

        let names = plan.flows.map(\.name)
        let chosen = name ?? (names.count == 1 ? names[0] : nil)
        guard let chosen, let deployed = plan.flow(named: chosen) else {
            let message =
                name.map { "no flow named '\($0)' in '\(path)'" }
                ?? "'\(path)' holds \(names.count) flows; choose one with --flow"
            result.diagnostics.append(
                Diagnostic(
                    .simulatedFlowNotChosen, .error, message, at: nil,
                    help: names.isEmpty ? nil : "flows: " + names.joined(separator: ", ")))
            return result
        }
        if let scenario {
            let unknown = ScenarioNames.check(
                scenario, legs: deployed.legs.map(\.name), operations: deployed.operations.map(\.key))
            result.diagnostics += unknown
            guard unknown.isEmpty else { return result }
        }
        result.transcript = Simulator.run(deployed, scenario: scenario)
        return result
    }
}
