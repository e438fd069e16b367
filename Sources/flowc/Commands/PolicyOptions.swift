import ArgumentParser
import FlowCompiler
import FlowDiagnostics

/// The options of `check` and `build` that decide which findings a run reports: the configuration file,
/// strict mode and the baseline (Docs/Configuration.md). `resolve` turns them, and the `.flowc.json`
/// found by walking up from the first input, into one `DiagnosticPolicy`, the stage every command that
/// reports findings goes through.
struct PolicyOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Treat warnings as errors (default: the configuration's 'strict', else off).")
    var strict: Bool?

    @Option(
        help: ArgumentHelp(
            "The configuration file (default: the nearest .flowc.json in the first input's folder or above).",
            valueName: "file"),
        completion: .file(extensions: ["json"]))
    var config: String?

    @Flag(help: "Read no configuration file.")
    var noConfig = false

    @Option(
        help: ArgumentHelp("Report only the warnings this baseline does not record.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(
        help: ArgumentHelp(
            "Record today's warnings in this file (then pass it to --baseline) and exit 0 unless there is an error.",
            valueName: "file"),
        completion: .file(extensions: ["json"]))
    var writeBaseline: String?

    func validate() throws {
        if noConfig && config != nil { throw ValidationError("give either '--config' or '--no-config', not both") }
    }

    /// What a run needs from its options and configuration file.
    struct Resolved {
        var policy: DiagnosticPolicy
        /// The inputs: the command line's, else the configuration's `paths`, else `flows`.
        var paths: [String]
        var configuration: FlowConfiguration
    }

    /// Reads the configuration and the baseline. Their problems are printed with `output` and end the
    /// command with exit code 2 (`nil` is returned after printing).
    func resolve(paths: [String], output: DiagnosticOutputOptions) throws -> Resolved {
        var configuration = FlowConfiguration()
        if !noConfig, let file = config ?? FlowConfiguration.find(from: paths) {
            let loaded = FlowConfiguration.load(path: file)
            if !loaded.diagnostics.isEmpty {
                output.show(loaded.diagnostics, sources: loaded.source.map { [$0] } ?? [])
            }
            if loaded.hasErrors { try ExitStatus.usageOrInput.finish() }
            configuration = loaded.configuration
        }
        var baseline: Baseline?
        if writeBaseline == nil, let path = self.baseline ?? configuration.baseline {
            switch Baseline.load(path: path) {
            case .success(let loaded): baseline = loaded
            case .failure(let problem):
                output.show([problem.diagnostic], sources: FlowRun.sources(of: problem.diagnostic))
                try ExitStatus.usageOrInput.finish()
            }
        }
        let strict = writeBaseline == nil && (self.strict ?? configuration.strict ?? false)
        return Resolved(
            policy: DiagnosticPolicy(configuration: configuration, strict: strict, baseline: baseline),
            paths: paths.isEmpty ? configuration.paths ?? [] : paths, configuration: configuration)
    }
}

/// The part of `check` and `build` after the compiler: the policy, the optional baseline file, the output.
enum FlowRun {
    /// Applies the policy, writes the baseline when asked, prints, and returns whether the run failed.
    static func report(
        _ diagnostics: [Diagnostic], sources: [SourceFile], resolved: PolicyOptions.Resolved, options: PolicyOptions,
        output: DiagnosticOutputOptions
    ) throws -> DiagnosticPolicy.Outcome {
        let outcome = resolved.policy.apply(diagnostics, sources: sources)
        if let path = options.writeBaseline {
            let baseline = Baseline.record(outcome.diagnostics, at: path)
            do {
                try AtomicFileWriter.replaceContents(of: path, with: baseline.json)
            } catch {
                output.show(
                    [Diagnostic(.outputNotWritten, .error, "cannot write the baseline '\(path)': \(error)", at: nil)], sources: [])
                try ExitStatus.usageOrInput.finish()
            }
            let recorded = baseline.findings.count
            StandardStream.error.write("recorded \(recorded) warning\(recorded == 1 ? "" : "s") in \(path)\n")
        }
        output.show(
            outcome.diagnostics, sources: sources,
            leftOut: LeftOut(suppressed: outcome.suppressed, turnedOff: outcome.turnedOff, baselined: outcome.baselined,
                stale: outcome.staleBaselineEntries))
        return outcome
    }

    /// The file a configuration or baseline problem points into, read again for its snippet.
    static func sources(of diagnostic: Diagnostic) -> [SourceFile] {
        guard let path = diagnostic.span?.path else { return [] }
        return SourceLoader.load(paths: [path]).files
    }
}
