import FlowDiagnostics

/// The compiler's stages, in order, each a function from one typed value to the next:
///
/// ```
/// paths ─load→ LoadedSources ─parse→ [ParseResult] ─resolve→ FlowProgram
///       ─lower→ [RoutedDocument] ─validate→ (diagnostics) ─plan→ DeploymentPlan ─prove→ Proof
///       ─render→ RenderedDocuments ─manifest→ RouteManifest ─(OutputWriter)→ files on disk
/// ```
///
/// `Compiler` strings them together; every command runs the same stages up to where it needs to stop, so
/// `check`, `build`, `graph`, `simulate`, the server and the plugin agree on every diagnostic. Docs/Architecture.md
/// draws the same picture and says where each kind of change goes.
///
/// ## The stopping rule
///
/// *Analysis* (parse through prove) reports everything it can see: parse and resolve always run, and
/// lowering, validation, planning and the proof run whenever the front end found no error, whatever
/// `--strict` says, so a promoted warning never hides a real finding behind it. *Output* (render and
/// manifest: hashing and encoding) runs only when analysis found no error, under `strict` also no warning,
/// because output from a broken model would be wrong. The proof never depends on hashing or writing.
///
/// Nothing here throws or traps on bad input: every problem is a `Diagnostic`.
public enum Pipeline {
    /// One file at a time, each independent of the others; always a tree, with error nodes for what the
    /// parser could not read.
    public static func parse(_ input: LoadedSources) -> [ParseResult] {
        input.files.map { Parser.parse($0, firstInvalidByte: input.firstInvalidBytes[$0.path]) }
    }

    /// All files together, because flow names are unique across a compilation. Skips error nodes and
    /// unresolved references, so one mistake is reported once.
    public static func resolve(_ syntax: [FileSyntax]) -> ResolveResult {
        Resolver.resolve(syntax)
    }

    /// Code generation: one document per step and per special document, with its route and source origins.
    public static func lower(_ program: FlowProgram, urls: URLStyle) -> LoweringResult {
        Lowering.lower(program, urls: urls)
    }

    /// Twilio's rules for each document in its context, reported at the `.flow` spans behind it.
    public static func validate(_ documents: [RoutedDocument]) -> [Diagnostic] {
        TwiMLDiagnostics.validate(documents)
    }

    /// The typed deployment model: legs, routes, documents in their contexts, operations with their requests.
    public static func plan(_ program: FlowProgram, documents: [RoutedDocument]) -> (
        plan: DeploymentPlan, diagnostics: [Diagnostic]
    ) {
        DeploymentPlanner.plan(program, documents: documents)
    }

    /// The continuation proof of every flow, and what each operation does to the other legs.
    public static func prove(_ plan: DeploymentPlan) -> Proof {
        ContinuationChecker.check(plan)
    }

    /// The bytes and digest of every document; `nil` (with FLOW900) when no digest can be computed: a
    /// manifest with wrong hashes must never be written.
    public static func render(_ plan: DeploymentPlan) -> (rendered: RenderedDocuments?, diagnostics: [Diagnostic]) {
        let renderer = TwiMLRenderer()
        var rendered = RenderedDocuments()
        for flow in plan.flows {
            for document in flow.documents {
                let bytes = renderer.renderBytes(document.document)
                guard let digest = ContentDigest.sha256(bytes) else {
                    return (
                        nil,
                        [
                            Diagnostic(
                                .internalError, .error, "no SHA-256 implementation is available for the route manifest",
                                at: nil,
                                help: "on Linux, flowc needs OpenSSL's libcrypto.so.3, which Foundation's networking uses")
                        ]
                    )
                }
                rendered.digests[document.route] = digest
                rendered.files.append(OutputFile(path: document.file, bytes: bytes))
            }
        }
        rendered.files.sort { $0.path < $1.path }
        return (rendered, [])
    }

    /// The route manifest and its bytes (`routes.json`), assembled once from the plan, the proof and the digests.
    public static func manifest(_ plan: DeploymentPlan, proof: Proof, rendered: RenderedDocuments) -> (
        manifest: RouteManifest, file: OutputFile?, diagnostics: [Diagnostic]
    ) {
        let manifest = ManifestBuilder.build(plan, effects: proof.effects, digests: rendered.digests)
        guard let bytes = ManifestRenderer().renderBytes(manifest) else {
            return (manifest, nil, [Diagnostic(.internalError, .error, "the route manifest could not be encoded", at: nil)])
        }
        return (manifest, OutputFile(path: RouteLayout.manifestFile, bytes: bytes), [])
    }

    /// Output paths a host or file system would refuse or misread (FLOW900: code generation made them).
    public static func checkPaths(_ files: [OutputFile]) -> [Diagnostic] {
        OutputWriter.problems(in: files).map {
            Diagnostic(.internalError, .error, "generated an unsafe output path: \($0.message)", at: nil)
        }
    }
}

/// What the prover found: its diagnostics, and by operation what every leg other than the operated one
/// does when the operation is applied (one entry per distinct outcome, sorted), for the manifest.
public struct Proof: Sendable {
    public var diagnostics: [Diagnostic]
    public var effects: [OperationID: [RouteManifest.Effect]]

    public init(diagnostics: [Diagnostic] = [], effects: [OperationID: [RouteManifest.Effect]] = [:]) {
        self.diagnostics = diagnostics
        self.effects = effects
    }
}

/// Every document's bytes, by file, and their digests, by route.
public struct RenderedDocuments: Sendable {
    public var files: [OutputFile] = []
    public var digests: [String: String] = [:]
}

/// An operation of one flow; keys are unique only within a flow.
public struct OperationID: Hashable, Sendable {
    public var flow: String
    public var key: String

    public init(flow: String, key: String) {
        self.flow = flow
        self.key = key
    }
}
