import FlowDiagnostics

/// How `Compiler.build` runs.
public struct BuildOptions: Sendable {
    /// Relative URLs between documents (the default: the tree works on any host) or absolute ones from
    /// each flow's `serve at`.
    public var urls: URLStyle
    /// Warnings count as errors, so a build with a warning writes nothing.
    public var strict: Bool

    public init(urls: URLStyle = .relative, strict: Bool = false) {
        self.urls = urls
        self.strict = strict
    }
}

/// What `Compiler.build` produced.
public struct BuildResult: Sendable {
    /// The front end's result: the sources (for diagnostic snippets), the program and its diagnostics.
    public var compilation: CompilationResult
    /// Every generated document, sorted by route; empty when the front end found errors.
    public var documents: [RoutedDocument]
    /// The route manifest; `nil` when no documents were generated or a digest could not be computed.
    public var manifest: RouteManifest?
    /// Every file to write (documents and `routes.json`); empty whenever the build has an error (under
    /// `strict`, also a warning), so a failed build writes nothing.
    public var files: [OutputFile]
    /// Every stage's diagnostics, in presentation order.
    public var diagnostics: [Diagnostic]

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

    /// parse → resolve → lower → validate → render → prove (the continuation checker) → manifest.
    ///
    /// Code generation produces output, so it runs only when the front end (`check`) found no error (the
    /// stopping rule of `Compiler`). Lowering, TwiML validation and the continuation checker then all run
    /// and report everything; any error among them, or under `strict` any warning, leaves `files` empty.
    /// The checker reads the documents and the manifest exactly as they would be deployed (issue #4), and
    /// what it predicts for each operation becomes the manifest's `effects`.
    public static func build(_ input: LoadedSources, options: BuildOptions = BuildOptions()) -> BuildResult {
        let compilation = check(input)
        var result = BuildResult(
            compilation: compilation, documents: [], manifest: nil, files: [], diagnostics: compilation.diagnostics)
        guard !compilation.hasErrors(strict: options.strict) else { return result }

        let lowered = Lowering.lower(compilation.program, urls: options.urls)
        result.documents = lowered.documents
        var diagnostics = lowered.diagnostics + TwiMLDiagnostics.validate(lowered.documents)
        let rendered = render(lowered.documents, program: compilation.program, diagnostics: &diagnostics)
        if let rendered {
            result.manifest = rendered.manifest
            diagnostics += rendered.proof
            diagnostics += OutputWriter.problems(in: rendered.files).map {
                Diagnostic("FLOW900", .error, "generated an unsafe output path: \($0.message)", at: nil)
            }
        }
        result.diagnostics = (compilation.diagnostics + diagnostics).sorted(by: Diagnostic.presentationOrder)
        if let rendered, !result.hasErrors(strict: options.strict) { result.files = rendered.files }
        return result
    }

    /// The bytes of every document, their digests, the manifest and its bytes. `nil` (with FLOW900) when
    /// a digest or the manifest cannot be computed: a manifest with wrong hashes must never be written.
    private static func render(
        _ documents: [RoutedDocument], program: FlowProgram, diagnostics: inout [Diagnostic]
    ) -> (files: [OutputFile], manifest: RouteManifest, proof: [Diagnostic])? {
        let renderer = TwiMLRenderer()
        var files: [OutputFile] = []
        var digests: [String: String] = [:]
        for document in documents {
            let bytes = renderer.renderBytes(document.document)
            guard let digest = ContentDigest.sha256(bytes) else {
                diagnostics.append(
                    Diagnostic(
                        "FLOW900", .error, "no SHA-256 implementation is available for the route manifest", at: nil,
                        help: "on Linux, flowc needs OpenSSL's libcrypto.so.3, which Foundation's networking uses"))
                return nil
            }
            digests[document.route] = digest
            files.append(OutputFile(path: document.file, bytes: bytes))
        }
        var manifest = ManifestBuilder.build(program: program, documents: documents, digests: digests)
        let proof = ContinuationChecker.check(program: program, documents: documents, manifest: manifest)
        manifest.addEffects(proof.effects)
        guard let manifestBytes = ManifestRenderer().renderBytes(manifest) else {
            diagnostics.append(Diagnostic("FLOW900", .error, "the route manifest could not be encoded", at: nil))
            return nil
        }
        files.append(OutputFile(path: RouteLayout.manifestFile, bytes: manifestBytes))
        return (files, manifest, proof.diagnostics)
    }
}
