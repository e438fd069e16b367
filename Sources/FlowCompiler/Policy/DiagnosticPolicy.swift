import FlowDiagnostics

/// The one stage between the compiler's findings and what a run reports: `flowc check`, `flowc build`
/// (and with it the SwiftPM plugin, which runs it), and an editor's language server all pass their
/// diagnostics through `apply`, so a finding silenced or promoted in one is the same in all.
///
/// In order: suppression comments (`Suppression`), the configuration's `severity` table, the baseline,
/// then strict promotion (`--strict` or the file's `strict`). Each step changes warnings only; errors always
/// reach the output. A promoted warning keeps the reason in `Diagnostic.promotedBy`, which every format shows.
public struct DiagnosticPolicy: Sendable {
    public var configuration: FlowConfiguration
    public var strict: Bool
    public var baseline: Baseline?

    public init(configuration: FlowConfiguration = FlowConfiguration(), strict: Bool = false, baseline: Baseline? = nil) {
        self.configuration = configuration
        self.strict = strict
        self.baseline = baseline
    }

    /// What was reported, and what was left out and why (for the summary line).
    public struct Outcome: Sendable {
        /// What the run reports, in presentation order; the verdict is computed from these alone.
        public var diagnostics: [Diagnostic]
        /// Warnings silenced by a `# flowc: ignore` comment.
        public var suppressed: Int
        /// Warnings turned off by the configuration's severity table.
        public var turnedOff: Int
        /// Warnings found in the baseline.
        public var baselined: Int
        /// Findings the baseline records that did not occur (fixed since it was written).
        public var staleBaselineEntries: Int

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Applies the policy to a run's diagnostics. `sources` are the `.flow` files read (their suppression
    /// comments are scanned); `complete` is whether every stage ran, which unused-suppression reports need.
    public func apply(_ diagnostics: [Diagnostic], sources: [SourceFile]) -> Outcome {
        let complete = !diagnostics.contains { $0.severity == .error }
        var outcome = Outcome(diagnostics: [], suppressed: 0, turnedOff: 0, baselined: 0, staleBaselineEntries: 0)

        // 1. Suppression comments.
        var byLine: [String: [Int: [Int]]] = [:]  // path → line → indices into `suppressions`
        var suppressions: [Suppression] = []
        var used: Set<Int> = []
        var extra: [Diagnostic] = []
        for file in sources {
            let scanned = Suppression.scan(file)
            extra += scanned.diagnostics
            for suppression in scanned.suppressions {
                byLine[file.path, default: [:]][suppression.line, default: []].append(suppressions.count)
                suppressions.append(suppression)
            }
        }
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            if diagnostic.severity == .warning, let span = diagnostic.span,
                let match = byLine[span.path]?[span.start.line]?.first(where: { suppressions[$0].code == diagnostic.code })
            {
                used.insert(match)
                outcome.suppressed += 1
                continue
            }
            kept.append(diagnostic)
        }
        if complete {
            for (index, suppression) in suppressions.enumerated() where !used.contains(index) {
                extra.append(
                    Diagnostic(
                        .unusedSuppression, .warning, "'flowc: ignore \(suppression.code)' suppresses nothing: no \(suppression.code) is reported on its line",
                        at: suppression.span,
                        notes: [Note("it applies to line \(suppression.line)")],
                        help: "remove the comment, or move it to the line where \(suppression.code) is reported"))
            }
        }
        kept += extra

        // 2. The severity table.
        var reported: [Diagnostic] = []
        for var diagnostic in kept {
            if diagnostic.severity == .warning {
                switch configuration.severity[diagnostic.code] {
                case .off?:
                    outcome.turnedOff += 1
                    continue
                case .error?:
                    diagnostic.severity = .error
                    diagnostic.promotedBy = configuration.path.map { "severity in \($0)" } ?? "the configuration"
                case .warning?, nil:
                    break
                }
            }
            reported.append(diagnostic)
        }

        // 3. The baseline, before promotion so that strict mode reports only new warnings; 4. strict.
        if let baseline {
            var remaining: [Baseline.Finding: Int] = [:]
            for finding in baseline.findings { remaining[finding, default: 0] += 1 }
            reported = reported.filter { diagnostic in
                guard diagnostic.severity == .warning else { return true }
                let key = Baseline.finding(for: diagnostic, relativeTo: baseline.folder)
                guard let count = remaining[key], count > 0 else { return true }
                remaining[key] = count - 1
                outcome.baselined += 1
                return false
            }
            outcome.staleBaselineEntries = remaining.values.reduce(0, +)
        }
        if strict { reported = reported.map { $0.promotingWarning() } }
        outcome.diagnostics = reported.sorted(by: Diagnostic.presentationOrder)
        return outcome
    }
}

extension DiagnosticPolicy {
    /// The policy of the `.flowc.json` that governs `paths` (found as `flowc check` finds it) with its
    /// baseline, for a caller without a command line: the language server. A configuration or baseline
    /// with problems gives the default policy instead, with those problems in `diagnostics`, so an editor
    /// keeps showing the flows' own findings while the file is being fixed.
    public static func configured(for paths: [String]) -> (policy: DiagnosticPolicy, diagnostics: [Diagnostic]) {
        guard let file = FlowConfiguration.find(from: paths) else { return (DiagnosticPolicy(), []) }
        let loaded = FlowConfiguration.load(path: file)
        guard !loaded.hasErrors else { return (DiagnosticPolicy(), loaded.diagnostics) }
        var policy = DiagnosticPolicy(
            configuration: loaded.configuration, strict: loaded.configuration.strict ?? false)
        var problems = loaded.diagnostics
        if let path = loaded.configuration.baseline {
            switch Baseline.load(path: path) {
            case .success(let baseline): policy.baseline = baseline
            case .failure(let problem): problems.append(problem.diagnostic)
            }
        }
        return (policy, problems)
    }
}
