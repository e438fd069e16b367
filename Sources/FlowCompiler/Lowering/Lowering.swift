import FlowDiagnostics

/// What lowering a program produced.
public struct LoweringResult: Sendable {
    /// Every document of every flow, sorted by route.
    public var documents: [RoutedDocument]
    /// Route clashes (FLOW411) and flows that `--urls absolute` cannot serve (FLOW412).
    public var diagnostics: [Diagnostic]

    public init(documents: [RoutedDocument], diagnostics: [Diagnostic]) {
        self.documents = documents
        self.diagnostics = diagnostics
    }
}

/// Code generation: the resolved model → one `TwiMLDocument` per step and per special document, each with
/// its route and its source origins (Docs/Output.md).
///
/// Contract:
/// - Runs on a model without errors; on one with errors it still never traps (unresolved names fall back
///   to the name as written), but the pipeline does not call it then.
/// - Deterministic: documents are sorted by route, and nothing depends on the order of the input files.
/// - Emits TwiML without judging it: `TwiMLDiagnostics` validates each document against Twilio's rules
///   and reports violations at the `.flow` spans recorded here.
public enum Lowering {
    public static func lower(_ program: FlowProgram, urls: URLStyle = .relative) -> LoweringResult {
        var documents: [RoutedDocument] = []
        var diagnostics: [Diagnostic] = []
        for flow in program.flows {
            if urls == .absolute, flow.baseURL == nil {
                diagnostics.append(.absoluteURLsNeedBaseURL(flow))
            }
            var lowering = FlowLowering(flow: flow, urls: urls)
            documents += lowering.lower()
        }
        documents.sort { $0.route < $1.route }
        diagnostics += RouteClash.find(in: documents, program: program)
        return LoweringResult(documents: documents, diagnostics: diagnostics.sorted(by: Diagnostic.presentationOrder))
    }
}

/// Routes that differ only by letter case (FLOW411): they are one file on a case-insensitive file system
/// (macOS, Windows) or host (S3 behind some CDNs), so one document would silently replace the other.
enum RouteClash {
    static func find(in documents: [RoutedDocument], program: FlowProgram) -> [Diagnostic] {
        var groups: [String: [RoutedDocument]] = [:]
        for document in documents { groups[document.route.lowercased(), default: []].append(document) }
        var reported: Set<[SourceSpan]> = []
        var diagnostics: [Diagnostic] = []
        for key in groups.keys.sorted() {
            guard let group = groups[key], let first = group.first else { continue }
            for other in group.dropFirst() {
                guard let clash = declarations(clashingIn: first, other, program: program),
                    reported.insert([clash.later.span, clash.earlier.span]).inserted
                else { continue }
                diagnostics.append(.routeCaseClash(clash.later, earlier: clash.earlier))
            }
        }
        return diagnostics
    }

    /// A named declaration: "leg 'Agent'" at the span of its name.
    struct Declaration {
        var description: String
        var span: SourceSpan
    }

    /// The two declarations whose names make the routes clash (the first path segment that differs),
    /// the later one in source order first.
    static func declarations(clashingIn lhs: RoutedDocument, _ rhs: RoutedDocument, program: FlowProgram)
        -> (later: Declaration, earlier: Declaration)?
    {
        let left = lhs.file.split(separator: "/")
        let right = rhs.file.split(separator: "/")
        guard left.count == right.count, let segment = left.indices.first(where: { left[$0] != right[$0] }),
            let a = declaration(of: lhs, segment: segment, program: program),
            let b = declaration(of: rhs, segment: segment, program: program)
        else { return nil }
        let aFirst = (a.span.path, a.span.start.offset) < (b.span.path, b.span.start.offset)
        return aFirst ? (b, a) : (a, b)
    }

    /// The declaration behind path segment `segment` of `document`'s file (`FLOW/legs/LEG/STEP.xml`, …).
    private static func declaration(of document: RoutedDocument, segment: Int, program: FlowProgram) -> Declaration? {
        guard let flow = program.flow(named: document.flow) else { return nil }
        if segment == 0 { return Declaration(description: "flow '\(flow.name)'", span: flow.nameSpan) }
        switch document.origin {
        case .step(let id), .junction(let id, _):
            if segment == 2, let leg = flow.leg(named: id.leg) {
                return Declaration(description: "leg '\(leg.name)'", span: leg.nameSpan)
            }
            if segment == 3, let step = flow.step(id) {
                return Declaration(description: "step '\(step.name)' of leg '\(id.leg)'", span: step.nameSpan)
            }
        case .legWhisper(let name):
            if let leg = flow.leg(named: name) { return Declaration(description: "leg '\(name)'", span: leg.nameSpan) }
        case .queue(let name, _):
            if let queue = flow.queue(named: name) {
                return Declaration(description: "queue '\(name)'", span: queue.nameSpan)
            }
        case .room(let name, _):
            if let room = flow.room(named: name) {
                return Declaration(description: "room '\(name)'", span: room.nameSpan)
            }
        case .flowHangup:
            break
        }
        return nil
    }
}

extension Diagnostic {
    static func routeCaseClash(_ later: RouteClash.Declaration, earlier: RouteClash.Declaration) -> Diagnostic {
        Diagnostic(
            .routeCaseClash, .error,
            "\(later.description) differs from \(earlier.description) only by letter case, so their documents "
                + "would be one file on a case-insensitive file system",
            at: later.span, notes: [Note("\(earlier.description) is declared here", at: earlier.span)],
            help: "rename one of them so that the names differ by more than case")
    }

    static func absoluteURLsNeedBaseURL(_ flow: Flow) -> Diagnostic {
        Diagnostic(
            .absoluteURLsNeedBaseURL, .error,
            "flow '\(flow.name)' has no 'serve at', which '--urls absolute' needs to write absolute URLs",
            at: flow.nameSpan,
            help: "add 'serve at \"https://…/\(flow.name)\"' to the flow, or build with '--urls relative'")
    }
}
