import FlowDiagnostics

/// What `Resolver.resolve` returns: the model, and every FLOW2xx finding.
public struct ResolveResult: Sendable {
    public var program: FlowProgram
    /// In presentation order (`Diagnostic.presentationOrder`).
    public var diagnostics: [Diagnostic]

    public init(program: FlowProgram, diagnostics: [Diagnostic]) {
        self.program = program
        self.diagnostics = diagnostics
    }
}

/// Turns syntax trees into the semantic model (`FlowProgram`), resolving every name and checking
/// every option.
///
/// Contract:
/// - Reports everything it finds, in one pass over all files; never stops at the first error.
/// - Never reports a consequence of a syntax error: `ErrorLine`s and missing identifiers were
///   reported by the parser, so they are skipped silently and whatever refers to them too.
/// - Deterministic: files are read in path order, so the model and the diagnostics are the same
///   whatever order the files come in. Of two flows with one name, the one first in path order is
///   kept and the other reported (FLOW201).
/// - Never traps on input: every lookup of a user name is optional.
public enum Resolver {
    public static func resolve(_ files: [FileSyntax]) -> ResolveResult {
        var diagnostics: [Diagnostic] = []
        var flows: [Flow] = []
        var firstFlowSpans: [String: SourceSpan] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) {
            for case .node(let syntax) in file.flows {
                var resolver = FlowResolver(syntax: syntax, path: file.path)
                let flow = resolver.resolve()
                diagnostics += resolver.diagnostics
                guard let flow else { continue }
                if let first = firstFlowSpans[flow.name] {
                    diagnostics.append(.duplicateName("flow '\(flow.name)'", syntax.name, firstAt: first))
                    continue
                }
                firstFlowSpans[flow.name] = flow.nameSpan
                flows.append(flow)
            }
        }
        flows.sort { $0.name < $1.name }
        diagnostics.sort(by: Diagnostic.presentationOrder)
        return ResolveResult(program: FlowProgram(flows: flows), diagnostics: diagnostics)
    }
}
