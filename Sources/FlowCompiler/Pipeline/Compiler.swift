import FlowDiagnostics

/// The compiler's one library entry point: every `flowc` command calls a function of `Compiler`, and
/// nothing else runs the stages.
///
/// ## The pipeline
///
/// ```
/// paths ─load→ [SourceFile] ─parse→ [FileSyntax] ─resolve→ FlowProgram ─(further stages)→ …
/// ```
///
/// - **load** (`SourceLoader`): reads the paths. FLOW0xx input diagnostics; a path that cannot be read
///   sets `hasInputFailure`, which the CLI turns into exit code 2.
/// - **parse** (`Parser`): one file at a time, each independent of the others. Always returns a tree;
///   what it cannot read becomes an error node with its diagnostic.
/// - **resolve** (`Resolver`): all files together, because flow names are unique across a compilation.
///   Skips error nodes and unresolved references, so one mistake is reported once.
///
/// Not wired yet: lowering to TwiML and the continuation checker (which reads the lowered documents) become
/// further steps of `check(_:)` after `resolve`, and `build` a function here that runs `check(_:)` and then
/// the output stages. Each step is one call to its stage's type; no stage's logic lives in this file.
///
/// ## The stopping rule
///
/// The *analysis* stages (parse, resolve, and the checks after them) always all run, even when an
/// earlier stage found errors: each reports every problem it can see, and skips what an earlier stage
/// already reported as broken. So a syntax error in one file never hides a naming error in another.
/// Stages that *produce output* (code generation) run only when the analysis found no error, because
/// output from a broken model would be wrong.
///
/// Nothing here throws or traps on bad input: every problem is a `Diagnostic` in the result, sorted with
/// `Diagnostic.presentationOrder` so that the output never depends on stage or file order.
public enum Compiler {
    /// Loads `paths` (no path: `./flows`) and checks every file found.
    public static func check(paths: [String]) -> CompilationResult {
        check(SourceLoader.load(paths: paths))
    }

    /// Checks files already in memory (tests, editors); nothing is read from disk.
    public static func check(sources: [SourceFile]) -> CompilationResult {
        check(LoadedSources(files: sources))
    }

    /// Checks loaded files, keeping the loader's diagnostics in the result.
    public static func check(_ input: LoadedSources) -> CompilationResult {
        var diagnostics = input.diagnostics
        let parsed = input.files.map { Parser.parse($0, firstInvalidByte: input.firstInvalidBytes[$0.path]) }
        diagnostics += parsed.flatMap(\.diagnostics)
        let syntax = parsed.map(\.syntax)
        let resolved = Resolver.resolve(syntax)
        diagnostics += resolved.diagnostics
        return CompilationResult(
            sources: input.files, syntax: syntax, program: resolved.program,
            diagnostics: diagnostics.sorted(by: Diagnostic.presentationOrder),
            hasInputFailure: input.hasInputFailure)
    }
}

/// Everything one compilation found: the inputs, what each stage built, and every diagnostic.
public struct CompilationResult: Sendable {
    /// The files read, in load order; the renderers need their text for snippets.
    public var sources: [SourceFile]
    /// One syntax tree per source, in the same order.
    public var syntax: [FileSyntax]
    /// The resolved model. Complete only when `diagnostics` holds no error; see `FlowProgram`.
    public var program: FlowProgram
    /// Every stage's diagnostics, in `Diagnostic.presentationOrder`.
    public var diagnostics: [Diagnostic]
    /// Whether some path could not be read (exit code 2 at the CLI), as opposed to a file with errors.
    public var hasInputFailure: Bool

    /// The diagnostics as the run's verdict sees them: under `strict`, warnings count as errors.
    public func diagnostics(strict: Bool) -> [Diagnostic] {
        strict ? diagnostics.promotingWarnings() : diagnostics
    }

    /// Whether the run failed: an error, or under `strict` a warning.
    public func hasErrors(strict: Bool) -> Bool {
        DiagnosticSummary(diagnostics(strict: strict)).hasErrors
    }
}
