import FlowDiagnostics

/// Lowers one flow: every step, every special document, and `hangup.xml` when a gather or record needs it.
struct FlowLowering {
    let flow: Flow
    let urls: URLStyle
    /// The first `then hangup` of a gather or record, in source order: it makes `hangup.xml` needed.
    private(set) var hangupNeededAt: SourceSpan?

    init(flow: Flow, urls: URLStyle) {
        self.flow = flow
        self.urls = urls
    }

    /// Every document of the flow, in declaration order.
    mutating func lower() -> [RoutedDocument] {
        var documents: [RoutedDocument] = []
        for leg in flow.legs {
            if let start = leg.startStep, let first = leg.entryCases.first {
                // The leg's first request is its junction: the entry point, whose default is the first step.
                let file = RouteLayout.junctionFile(flow: flow.name, step: start.id, ordinal: 0)
                let fallback = Spanned(Continuation.step(start.id), at: first.span)
                documents.append(
                    junction(
                        cases: leg.entryCases, default: fallback, file: file, origin: .junction(start.id, ordinal: 0),
                        span: leg.span))
            }
            for step in leg.steps {
                let file = RouteLayout.stepFile(flow: flow.name, step: step.id)
                var builder = DocumentBuilder(file: file)
                builder.element([], from: step.span)
                var junctions: [RoutedDocument] = []
                for verb in step.verbs {
                    guard !verb.cases.isEmpty else {
                        lowerTopLevel(verb, into: &builder)
                        continue
                    }
                    let ordinal = junctions.count + 1
                    let junctionFile = RouteLayout.junctionFile(flow: flow.name, step: step.id, ordinal: ordinal)
                    lowerTopLevel(verb, into: &builder, junction: junctionFile)
                    junctions.append(junction(of: verb, file: junctionFile, origin: .junction(step.id, ordinal: ordinal)))
                }
                documents.append(routed(builder, origin: .step(step.id), context: .normal, span: step.span))
                documents += junctions
            }
            if let whisper = leg.whisper {
                let file = RouteLayout.legWhisperFile(flow: flow.name, leg: leg.name)
                documents.append(special(whisper, file: file, origin: .legWhisper(leg: leg.name), context: .whisper))
            }
        }
        for queue in flow.queues {
            for (document, context) in [(queue.wait, TwiMLContext.enqueueWait), (queue.whisper, .queueWhisper)] {
                guard let document else { continue }
                let file = RouteLayout.queueFile(flow: flow.name, queue: queue.name, kind: document.kind)
                documents.append(
                    special(document, file: file, origin: .queue(queue.name, document.kind), context: context))
            }
        }
        for room in flow.rooms {
            for (document, context) in [(room.wait, TwiMLContext.conferenceWait), (room.hold, .hold)] {
                guard let document else { continue }
                let file = RouteLayout.roomFile(flow: flow.name, room: room.name, kind: document.kind)
                documents.append(
                    special(
                        document, file: file, origin: .room(room.name, document.kind), context: context, loops: true))
            }
        }
        if let span = hangupNeededAt {
            var builder = DocumentBuilder(file: RouteLayout.flowHangupFile(flow: flow.name))
            builder.element([], from: span)
            builder.element([0], from: span)
            builder.append(.hangup)
            documents.append(routed(builder, origin: .flowHangup, context: .normal, span: span))
        }
        return documents
    }

    /// A wait, hold or whisper document. Room documents (`loops`) end with a `<Redirect>` to themselves:
    /// Twilio plays silence after a Conference `waitUrl` document and does not document what follows a
    /// `HoldUrl` document (Docs/Twilio.md#end-of-document, Docs/Twilio.md#restricted-contexts). Enqueue wait documents need no loop: Twilio requests
    /// them again when they end (Docs/Twilio.md#end-of-document); whisper documents end by bridging the call.
    private mutating func special(
        _ document: SpecialDocument, file: String, origin: RoutedDocument.Origin, context: TwiMLContext,
        loops: Bool = false
    ) -> RoutedDocument {
        var builder = DocumentBuilder(file: file)
        builder.element([], from: document.span)
        for verb in document.verbs { lowerTopLevel(verb, into: &builder) }
        if loops {
            builder.element([builder.nextIndex], from: document.span)
            builder.append(.redirect(url(of: file, from: file), method: .get))
        }
        return routed(builder, origin: origin, context: context, span: document.span)
    }

    /// The junction of a verb with cases (Docs/Output.md#dispatch): the verb's action. Its document is the
    /// default branch, so a host without a router serves that branch; its route's dispatch names the
    /// step each case goes to. Cases are kept in source order, the order a router tries them.
    private mutating func junction(of verb: Verb, file: String, origin: RoutedDocument.Origin) -> RoutedDocument {
        junction(cases: verb.cases, default: verb.defaultBranch, file: file, origin: origin, span: verb.span)
    }

    private mutating func junction(
        cases: [BranchCase], default fallback: Spanned<Continuation>?, file: String, origin: RoutedDocument.Origin,
        span: SourceSpan
    ) -> RoutedDocument {
        var builder = DocumentBuilder(file: file)
        builder.element([], from: span)
        if let fallback {
            builder.element([0], from: fallback.span)
            switch fallback.value {
            case .step(let id):
                builder.text(of: [0], from: fallback.span)
                builder.append(.redirect(url(of: stepFile(id), from: file), method: .get))
            case .hangup:
                builder.append(.hangup)
            }
        }
        let parameter = cases.first?.parameter ?? .digits
        let dispatch = RouteDispatch(
            parameter: parameter.rawValue, match: Self.match(of: parameter),
            cases: cases.map { branch in
                let target = stepFile(branch.target.value)
                return RouteDispatch.Case(
                    parameter: branch.parameter == parameter ? nil : branch.parameter.rawValue,
                    match: Self.match(of: branch.parameter) == Self.match(of: parameter) ? nil : Self.match(of: branch.parameter),
                    values: branch.matchedValues, file: target, path: RouteLayout.route(ofFile: target))
            },
            default: RouteDispatch.Target(file: file, path: RouteLayout.route(ofFile: file)))
        var document = routed(builder, origin: origin, context: .normal, span: span)
        document.dispatch = dispatch
        return document
    }

    /// Speech is compared as normalised words, every other parameter exactly.
    private static func match(of parameter: BranchParameter) -> RouteDispatch.Match {
        parameter == .speechResult ? .words : .exact
    }

    private func routed(
        _ builder: DocumentBuilder, origin: RoutedDocument.Origin, context: TwiMLContext, span: SourceSpan
    ) -> RoutedDocument {
        RoutedDocument(
            route: RouteLayout.route(ofFile: builder.file), file: builder.file, flow: flow.name, origin: origin,
            context: context, document: builder.document(context: context), span: span, origins: builder.origins,
            dialedLegs: builder.dialedLegs)
    }

    // MARK: - URLs

    func stepFile(_ id: StepID) -> String { RouteLayout.stepFile(flow: flow.name, step: id) }

    /// The URL of `target` as written in the document `source`: relative, or absolute under `serve at`.
    /// A flow without `serve at` gets relative URLs even under `.absolute`; `Lowering` reports FLOW412 for
    /// it, so such a build writes nothing.
    func url(of target: String, from source: String) -> String {
        if urls == .absolute, let base = flow.baseURL?.value {
            return RouteLayout.absoluteURL(of: target, flow: flow.name, baseURL: base)
        }
        return RouteLayout.relativeReference(from: source, to: target)
    }

    /// The URL of a special document's `file` when the document exists; a missing wait, hold or whisper
    /// document leaves its URL attribute out, so Twilio's default applies.
    func url(ofDocument document: SpecialDocument?, file: String, from source: String) -> String? {
        document.map { _ in url(of: file, from: source) }
    }

    /// Remembers the earliest `then hangup` that needs `hangup.xml`.
    mutating func noteHangupDocument(neededAt span: SourceSpan) {
        if let current = hangupNeededAt, current.start.offset <= span.start.offset { return }
        hangupNeededAt = span
    }
}
