import FlowDiagnostics

/// How `Compiler.build` runs.
public struct BuildOptions: Sendable {
    /// Relative URLs between documents (the default: the tree works on any host) or absolute ones from
    /// each flow's `serve at`.
    public var urls: URLStyle
    /// Warnings count as errors, so a build with a warning writes nothing (every stage still reports).
    public var strict: Bool

    public init(urls: URLStyle = .relative, strict: Bool = false) {
        self.urls = urls
        self.strict = strict
    }
}

/// What `Compiler.build` produced.
public struct BuildResult: Sendable {
    /// The analysis: the sources (for diagnostic snippets), the program, the documents, the plan, the proof.
    public var compilation: CompilationResult
    /// The route manifest; `nil` when analysis failed or a digest could not be computed.
    public var manifest: RouteManifest?
    /// Every file to write (documents and `routes.json`); empty whenever the build has an error (under
    /// `strict`, also a warning), so a failed build writes nothing.
    public var files: [OutputFile]
    /// Every stage's diagnostics, in presentation order.
    public var diagnostics: [Diagnostic]

    /// Every generated document, sorted by route; empty when the front end found errors.
    public var documents: [RoutedDocument] { compilation.documents }

    /// Whether some path could not be read (exit code 2 at the CLI).
    public var hasInputFailure: Bool { compilation.hasInputFailure }

    /// The diagnostics as the verdict sees them: under `strict`, warnings count as errors.
    public func diagnostics(strict: Bool) -> [Diagnostic] {
        strict ? diagnostics.promotingWarnings() : diagnostics
    }

    public func hasErrors(strict: Bool) -> Bool {
        DiagnosticSummary(diagnostics(strict: strict)).hasErrors
    }

    /// The number of flows built.
    public var flowCount: Int { compilation.program.flows.count }
}

extension Compiler {
    /// Loads `paths` (no path: `./flows`) and builds every flow found.
    public static func build(paths: [String], options: BuildOptions = BuildOptions()) -> BuildResult {
        build(SourceLoader.load(paths: paths), options: options)
    }

    /// Builds files already in memory (tests, the fixture runner).
    public static func build(sources: [SourceFile], options: BuildOptions = BuildOptions()) -> BuildResult {
        build(LoadedSources(files: sources), options: options)
    }

    /// `check`, then the output stages: render, manifest, output paths. Output runs only when analysis
    /// found no error (under `strict`, no warning); any error among the output stages leaves `files` empty.
    public static func build(_ input: LoadedSources, options: BuildOptions = BuildOptions()) -> BuildResult {
        let compilation = check(input, urls: options.urls)
        var result = BuildResult(compilation: compilation, manifest: nil, files: [], diagnostics: compilation.diagnostics)
        guard !compilation.hasErrors(strict: options.strict), let plan = compilation.deployment,
            let proof = compilation.proof
        else { return result }

        var diagnostics: [Diagnostic] = []
        let render = Pipeline.render(plan)
        diagnostics += render.diagnostics
        if let rendered = render.rendered {
            let manifest = Pipeline.manifest(plan, proof: proof, rendered: rendered)
            result.manifest = manifest.manifest
            diagnostics += manifest.diagnostics
            if let file = manifest.file {
                let files = rendered.files + [file]
                diagnostics += Pipeline.checkPaths(files)
                if diagnostics.isEmpty { result.files = files }
            }
        }
        result.diagnostics = (compilation.diagnostics + diagnostics).sorted(by: Diagnostic.presentationOrder)
        return result
    }
}
