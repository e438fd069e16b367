import FlowDiagnostics

/// What `Compiler.simulate` produced.
public struct SimulationResult: Sendable {
    /// The build of the flow file, whose diagnostics stop the simulation when they hold an error.
    public var build: BuildResult
    /// Diagnostics of the scenario file and of the choice of flow.
    public var diagnostics: [Diagnostic]
    /// The transcript; `nil` when something stopped the simulation.
    public var transcript: String?
    /// Sources of the flow and the scenario, for diagnostic snippets.
    public var sources: [SourceFile]

    public var hasInputFailure: Bool { build.hasInputFailure }
}

extension Compiler {
    /// Builds the flows of `path` in memory, reads them back as deployed (documents and manifest), and runs
    /// one call through the flow named `flow` (the only flow of the file when `nil`) with the events of the
    /// scenario file, or the happy path without one.
    public static func simulate(path: String, flow name: String?, scenario scenarioPath: String?) -> SimulationResult {
        let build = build(paths: [path])
        var result = SimulationResult(
            build: build, diagnostics: [], transcript: nil, sources: build.compilation.sources)
        guard !build.hasErrors(strict: false), let manifest = build.manifest else { return result }

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

        let names = manifest.flows.map(\.name)
        let chosen = name ?? (names.count == 1 ? names[0] : nil)
        guard let chosen, let entry = manifest.flows.first(where: { $0.name == chosen }),
            let model = build.compilation.program.flow(named: chosen)
        else {
            let message =
                name.map { "no flow named '\($0)' in '\(path)'" }
                ?? "'\(path)' holds \(names.count) flows; choose one with --flow"
            result.diagnostics.append(
                Diagnostic(
                    "FLOW603", .error, message, at: nil,
                    help: names.isEmpty ? nil : "flows: " + names.joined(separator: ", ")))
            return result
        }
        let deployed = DeployedFlow(entry: entry, documents: build.documents, model: model)
        result.transcript = Simulator.run(deployed, scenario: scenario)
        return result
    }
}
