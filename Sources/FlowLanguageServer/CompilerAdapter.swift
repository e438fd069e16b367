import FlowCompiler
import FlowDiagnostics

/// The server's only calls into the compiler's pipeline. The pipeline's entry points are being reshaped
/// (`Compiler.check` and `Compiler.build` may become one); keeping every call here makes that change one
/// line for the server.
enum CompilerAdapter {
    /// Every diagnostic `flowc check` reports for these files: syntax, names, options, TwiML and the
    /// continuation proof (the pipeline's analysis, without the output stages), through the same
    /// `DiagnosticPolicy` as `flowc check`: the `.flowc.json` above the files, `# flowc: ignore` comments
    /// and the configuration's baseline. Only the findings in the flows are returned: a problem of the
    /// configuration file itself is `flowc check`'s to report.
    static func diagnostics(of input: LoadedSources) -> [Diagnostic] {
        let result = Compiler.check(input)
        let policy = DiagnosticPolicy.configured(for: input.files.first.map { [$0.path] } ?? []).policy
        return policy.apply(result.diagnostics, sources: result.sources).diagnostics
    }

    /// The canonical text of one file, or `nil` when `flowc fmt` would refuse it (a syntax error).
    static func formatted(_ source: SourceFile) -> String? {
        Compiler.format(LoadedSources(files: [source])).files.first?.formatted
    }

    /// The syntax tree of one buffer, for the symbol index; the parser always returns a tree.
    static func syntax(of source: SourceFile) -> FileSyntax {
        Parser.parse(source).syntax
    }

    /// The `flowc explain` text of a code, if the catalog has it.
    static func explanation(of code: String) -> String? {
        if case .found(let entry) = CodeExplanation.lookup(code) { return CodeExplanation.text(for: entry) }
        return nil
    }

    /// Reads paths as `flowc check PATHS` does (folders recursively, hidden folders skipped).
    static func load(paths: [String]) -> LoadedSources {
        SourceLoader.load(paths: paths)
    }
}
