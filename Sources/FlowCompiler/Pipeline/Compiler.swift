import FlowDiagnostics

/// The compiler's one library entry point: every command calls a function of `Compiler`, and nothing
/// else runs the stages. Each function runs `Pipeline`'s stages up to where its command stops:
///
/// - `check`: load, parse, resolve, lower, validate, plan, prove (what `flowc check`, `graph`, `simulate`
///   and an editor need; nothing is hashed, encoded or written);
/// - `build`: `check`, then render, manifest and the output-path check (`flowc build`, the plugin, the server).
///
/// Diagnostics come back sorted with `Diagnostic.presentationOrder`, so output never depends on stage or
/// file order. The stopping rule is `Pipeline`'s.
public enum Compiler {
    /// Loads `paths` (no path: `./flows`) and checks every file found.
    public static func check(paths: [String], urls: URLStyle = .relative) -> CompilationResult {
        check(SourceLoader.load(paths: paths), urls: urls)
    }

    /// Checks files already in memory (tests, editors); nothing is read from disk.
    public static func check(sources: [SourceFile], urls: URLStyle = .relative) -> CompilationResult {
        check(LoadedSources(files: sources), urls: urls)
    }

    /// Checks loaded files, keeping the loader's diagnostics in the result.
    public static func check(_ input: LoadedSources, urls: URLStyle = .relative) -> CompilationResult {
        var diagnostics = input.diagnostics
        let parsed = Pipeline.parse(input)
        diagnostics += parsed.flatMap(\.diagnostics)
        let syntax = parsed.map(\.syntax)
        let resolved = Pipeline.resolve(syntax)
        diagnostics += resolved.diagnostics
        var result = CompilationResult(
            sources: input.files, syntax: syntax, program: resolved.program, diagnostics: [],
            hasInputFailure: input.hasInputFailure)
        // Code generation needs a model without errors; a warning never stops analysis (`--strict` decides
        // only whether output is written).
        if !DiagnosticSummary(diagnostics).hasErrors {
            let lowered = Pipeline.lower(resolved.program, urls: urls)
            diagnostics += lowered.diagnostics + Pipeline.validate(lowered.documents)
            let planned = Pipeline.plan(resolved.program, documents: lowered.documents)
            diagnostics += planned.diagnostics
            let proof = Pipeline.prove(planned.plan)
            diagnostics += proof.diagnostics
            result.documents = lowered.documents
            result.deployment = planned.plan
            result.proof = proof
        }
        result.diagnostics = diagnostics.sorted(by: Diagnostic.presentationOrder)
        return result
    }
}

/// Everything analysis found: the inputs, what each stage built, and every diagnostic.
public struct CompilationResult: Sendable {
    /// The files read, in load order; the renderers need their text for snippets.
    public var sources: [SourceFile]
    /// One syntax tree per source, in the same order.
    public var syntax: [FileSyntax]
    /// The resolved model. Complete only when `diagnostics` holds no error; see `FlowProgram`.
    public var program: FlowProgram
    /// Every generated document, sorted by route; empty when the front end found errors.
    public var documents: [RoutedDocument] = []
    /// The deployment the documents make; `nil` when the front end found errors.
    public var deployment: DeploymentPlan?
    /// The continuation proof; `nil` when the front end found errors.
    public var proof: Proof?
    /// Every stage's diagnostics, in `Diagnostic.presentationOrder`.
    public var diagnostics: [Diagnostic]
    /// Whether some path could not be read (exit code 2 at the CLI), as opposed to a file with errors.
    public var hasInputFailure: Bool

    public init(
        sources: [SourceFile], syntax: [FileSyntax], program: FlowProgram, diagnostics: [Diagnostic],
        hasInputFailure: Bool
    ) {
        self.sources = sources
        self.syntax = syntax
        self.program = program
        self.diagnostics = diagnostics
        self.hasInputFailure = hasInputFailure
    }

    /// The diagnostics as the run's verdict sees them: under `strict`, warnings count as errors.
    public func diagnostics(strict: Bool) -> [Diagnostic] {
        strict ? diagnostics.promotingWarnings() : diagnostics
    }

    /// Whether the run failed: an error, or under `strict` a warning.
    public func hasErrors(strict: Bool) -> Bool {
        DiagnosticSummary(diagnostics(strict: strict)).hasErrors
    }
}
