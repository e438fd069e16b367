/// The one entry point for showing diagnostics: the CLI calls this and nothing else.
///
/// Every format shows diagnostics in `Diagnostic.presentationOrder`, so output never depends on the
/// order in which stages found things, and the same input gives the same bytes.
public enum DiagnosticRenderer {
    /// Renders `diagnostics` in `options.format`.
    ///
    /// - Parameter sources: the files the diagnostics point into, keyed by `SourceFile.path` (the same
    ///   string as `SourceSpan.path`). A span whose file is missing is still reported with its location;
    ///   only the snippet (text) and the UTF-16 columns (SARIF) need the text.
    /// - Returns: the complete output, ending with a newline unless it is empty.
    public static func render(
        _ diagnostics: [Diagnostic],
        sources: [String: SourceFile],
        options: DiagnosticRenderOptions
    ) -> String {
        switch options.format {
        case .text: TextRenderer(options: options).render(diagnostics, sources: sources)
        case .json: JSONRenderer().render(diagnostics)
        case .sarif: SARIFRenderer(options: options).render(diagnostics, sources: sources)
        case .github: GitHubRenderer().render(diagnostics)
        case .junit: JUnitRenderer().render(diagnostics, sources: sources)
        }
    }

    /// Indexes files by path for `render(_:sources:options:)`. Later files win on a repeated path.
    public static func sources(_ files: [SourceFile]) -> [String: SourceFile] {
        var table: [String: SourceFile] = [:]
        for file in files { table[file.path] = file }
        return table
    }
}
