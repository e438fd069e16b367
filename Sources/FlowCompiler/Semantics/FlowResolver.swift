import FlowDiagnostics

/// Resolves one `flow` block. Declarations are collected first (so references may come before the
/// declarations they name), then bodies are resolved, then the checks that need the whole flow run.
///
/// Of two declarations with one name the first is kept in the model and the second reported
/// (FLOW201); the second's body is still resolved so that its own mistakes are reported too.
struct FlowResolver {
    let syntax: FlowSyntax
    let path: String
    var diagnostics: [Diagnostic] = []

    // MARK: Symbols (first declarations)

    var assetDeclarations: [String: AudioSyntax] = [:]
    /// The URL of each asset whose URL could be read.
    var assetURLs: [String: String] = [:]
    var queueDeclarations: [String: ResourceSyntax] = [:]
    var roomDeclarations: [String: ResourceSyntax] = [:]
    var legDeclarations: [String: LegSyntax] = [:]
    /// The step names of each declared leg, first declarations, in source order.
    var legStepNames: [String: StepNames] = [:]

    // MARK: Facts gathered while resolving bodies

    var usedAssets: Set<String> = []
    var usedQueues: Set<String> = []
    var usedRooms: Set<String> = []
    /// Each dialed leg's `dial` sites, in source order.
    var dialSites: [String: [Identifier]] = [:]
    /// The rooms each leg joins.
    var joinedRooms: [String: Set<String>] = [:]
    /// `kind name` of each name suggested for an undefined reference.
    var suggestedNames: Set<String> = []

    init(syntax: FlowSyntax, path: String) {
        self.syntax = syntax
        self.path = path
    }

    var members: [FlowMember] { syntax.members.compactMap(\.node) }

    /// The flow, or `nil` when its name could not be read.
    mutating func resolve() -> Flow? {
        let settings = collectSettings()
        collectDeclarations()

        var flow = Flow(name: syntax.name.name, nameSpan: syntax.name.span, path: path)
        flow.baseURL = settings[.serve]
        flow.voice = settings[.voice]
        flow.language = settings[.language]
        for case .audio(let audio) in members where assetDeclarations[audio.name.name]?.span == audio.span {
            if let url = assetURLs[audio.name.name] {
                flow.assets.append(
                    Asset(
                        name: audio.name.name, nameSpan: audio.name.span, url: Spanned(url, at: audio.url?.span ?? audio.span),
                        span: audio.span))
            }
        }
        for case .resource(let resource) in members {
            switch resource.kind {
            case .queue:
                let queue = resolveQueue(resource)
                if let queue, queueDeclarations[queue.name]?.span == resource.span { flow.queues.append(queue) }
            case .room:
                let room = resolveRoom(resource)
                if let room, roomDeclarations[room.name]?.span == resource.span { flow.rooms.append(room) }
            }
        }
        for case .leg(let legSyntax) in members {
            let leg = resolveLeg(legSyntax)
            if let leg, legDeclarations[leg.name]?.span == legSyntax.span { flow.legs.append(leg) }
        }
        flow.operations = resolveOperations(legs: flow.legs)
        checkFlow(flow, hasServeSetting: settings.hasServe)
        return syntax.name.isMissing ? nil : flow
    }

    // MARK: - Settings and declarations

    struct Settings {
        var values: [SettingSyntax.Kind: Spanned<String>] = [:]
        var hasServe = false

        subscript(kind: SettingSyntax.Kind) -> Spanned<String>? { values[kind] }
    }

    private mutating func collectSettings() -> Settings {
        var settings = Settings()
        var firstSpans: [SettingSyntax.Kind: SourceSpan] = [:]
        for case .setting(let setting) in members {
            let keyword = setting.kind == .serve ? "serve at" : setting.kind.rawValue
            if let first = firstSpans[setting.kind] {
                diagnostics.append(.duplicateSetting(keyword, at: setting.keyword.span, firstAt: first))
                continue
            }
            firstSpans[setting.kind] = setting.keyword.span
            if setting.kind == .serve { settings.hasServe = true }
            guard let literal = setting.value, !literal.sourceText.isEmpty else { continue }
            if setting.kind == .serve, let problem = URLCheck.problem(in: literal.value, isBase: true) {
                diagnostics.append(.invalidBaseURL(literal, problem: problem))
                continue
            }
            settings.values[setting.kind] = Spanned(literal.value, at: literal.span)
        }
        return settings
    }

    private mutating func collectDeclarations() {
        for member in members {
            switch member {
            case .audio(let audio):
                guard !audio.name.isMissing else { continue }
                if let first = assetDeclarations[audio.name.name] {
                    diagnostics.append(.duplicateName("audio '\(audio.name.name)'", audio.name, firstAt: first.name.span))
                } else {
                    assetDeclarations[audio.name.name] = audio
                }
                guard let url = audio.url, !url.sourceText.isEmpty else { continue }
                if let problem = URLCheck.problem(in: url.value, isBase: false) {
                    diagnostics.append(.invalidAudioURL(url, problem: problem))
                } else if assetURLs[audio.name.name] == nil, assetDeclarations[audio.name.name]?.span == audio.span {
                    assetURLs[audio.name.name] = url.value
                }
            case .resource(let resource):
                guard !resource.name.isMissing else { continue }
                if resource.kind == .queue {
                    Self.declare(resource, in: &queueDeclarations, diagnostics: &diagnostics)
                } else {
                    Self.declare(resource, in: &roomDeclarations, diagnostics: &diagnostics)
                }
            case .leg(let leg):
                guard !leg.name.isMissing else { continue }
                if let first = legDeclarations[leg.name.name] {
                    diagnostics.append(.duplicateName("leg '\(leg.name.name)'", leg.name, firstAt: first.name.span))
                    continue
                }
                legDeclarations[leg.name.name] = leg
                legStepNames[leg.name.name] = Self.stepNames(of: leg)
            case .setting, .operation:
                continue
            }
        }
    }

    /// Records the first declaration of a queue or room name; reports later ones (FLOW201).
    private static func declare(
        _ resource: ResourceSyntax, in table: inout [String: ResourceSyntax], diagnostics: inout [Diagnostic]
    ) {
        if let first = table[resource.name.name] {
            diagnostics.append(
                .duplicateName("\(resource.kind.rawValue) '\(resource.name.name)'", resource.name, firstAt: first.name.span))
        } else {
            table[resource.name.name] = resource
        }
    }

    /// The distinct step names of `leg`, in source order.
    static func stepNames(of leg: LegSyntax) -> StepNames {
        var names = StepNames()
        for case .node(.step(let step)) in leg.members where !step.name.isMissing {
            names.insert(step.name.name)
        }
        return names
    }

    // MARK: - Queues and rooms

    private mutating func resolveQueue(_ syntax: ResourceSyntax) -> Queue? {
        let options = OptionChecker.check(syntax.options, of: .queue, diagnostics: &diagnostics)
        let documents = resolveDocuments(
            syntax.documents, owner: .queue, ownerName: "queue '\(syntax.name.name)'", allowed: [.wait, .whisper])
        guard !syntax.name.isMissing else { return nil }
        return Queue(
            name: syntax.name.name, nameSpan: syntax.name.span,
            twilioName: options.string("name") ?? Spanned(syntax.name.name, at: syntax.name.span),
            maxSize: options.integer("max_size"), wait: documents[.wait], whisper: documents[.whisper], span: syntax.span)
    }

    private mutating func resolveRoom(_ syntax: ResourceSyntax) -> Room? {
        let options = OptionChecker.check(syntax.options, of: .room, diagnostics: &diagnostics)
        let documents = resolveDocuments(
            syntax.documents, owner: .room, ownerName: "room '\(syntax.name.name)'", allowed: [.wait, .hold])
        guard !syntax.name.isMissing else { return nil }
        return Room(
            name: syntax.name.name, nameSpan: syntax.name.span,
            twilioName: options.string("name") ?? Spanned(syntax.name.name, at: syntax.name.span),
            shared: options.flag("shared"), maxParticipants: options.integer("max_participants"),
            wait: documents[.wait], hold: documents[.hold], span: syntax.span)
    }

    /// Resolves the documents of one queue, room or leg. A kind the owner cannot have is reported
    /// (FLOW225), a kind given twice too (FLOW201); the first of each kind is kept.
    mutating func resolveDocuments(
        _ items: [BlockItem<DocumentSyntax>], owner: DocumentOwner, ownerName: String, allowed: [DocumentKind]
    ) -> [DocumentKind: SpecialDocument] {
        var documents: [DocumentKind: SpecialDocument] = [:]
        var firstSpans: [DocumentKind: SourceSpan] = [:]
        for case .node(let syntax) in items {
            guard allowed.contains(syntax.kind) else {
                diagnostics.append(.documentNotAllowed(syntax, owner: ownerName, allowed: allowed))
                continue
            }
            let duplicate = firstSpans[syntax.kind]
            if let duplicate {
                diagnostics.append(
                    .duplicateName("'\(syntax.kind.rawValue)' document in \(ownerName)", syntax.keyword, firstAt: duplicate))
            } else {
                firstSpans[syntax.kind] = syntax.keyword.span
            }
            let document = resolveDocument(syntax, owner: owner)
            if duplicate == nil, let document { documents[syntax.kind] = document }
        }
        return documents
    }

    private mutating func resolveDocument(_ syntax: DocumentSyntax, owner: DocumentOwner) -> SpecialDocument? {
        if let asset = syntax.asset {
            guard let play = resolveAssetReference(asset) else { return nil }
            let verb = Verb.play(PlayVerb(source: Spanned(play, at: asset.span), span: asset.span))
            return SpecialDocument(
                kind: syntax.kind, verbs: [verb], asset: Spanned(asset.name, at: asset.span), span: syntax.span)
        }
        let block = resolveBlock(syntax.verbs, place: .document(owner, syntax.kind))
        return SpecialDocument(kind: syntax.kind, verbs: block.verbs, span: syntax.span)
    }

    /// `play NAME` and one-line documents: the asset, or `nil` (reported when undefined).
    mutating func resolveAssetReference(_ name: Identifier) -> PlaySource? {
        guard !name.isMissing else { return nil }
        guard assetDeclarations[name.name] != nil else {
            reportUndefined("audio", name, candidates: Array(assetDeclarations.keys))
            return nil
        }
        usedAssets.insert(name.name)
        return assetURLs[name.name].map { .asset(name: name.name, url: $0) }
    }

    // MARK: - Legs

    private mutating func resolveLeg(_ syntax: LegSyntax) -> Leg? {
        let name = syntax.name.name
        let stepNames = Self.stepNames(of: syntax)
        var steps: [Step] = []
        var firstStepSpans: [String: SourceSpan] = [:]
        var whisper: SpecialDocument?
        var documentItems: [BlockItem<DocumentSyntax>] = []
        var caseLines: [VerbSyntax] = []
        var isFirstStep = true
        for case .node(let member) in syntax.members {
            switch member {
            case .entryCase(let line):
                caseLines.append(line)
            case .document(let document):
                documentItems.append(.node(document))
            case .step(let stepSyntax):
                let mayReject = isFirstStep && syntax.role == .entry
                isFirstStep = false
                if !stepSyntax.name.isMissing {
                    if let first = firstStepSpans[stepSyntax.name.name] {
                        diagnostics.append(
                            .duplicateName(
                                "step '\(stepSyntax.name.name)' in leg '\(name)'", stepSyntax.name, firstAt: first))
                    } else {
                        firstStepSpans[stepSyntax.name.name] = stepSyntax.name.span
                    }
                }
                let step = resolveStep(stepSyntax, leg: name, stepNames: stepNames, mayReject: mayReject)
                if let step, firstStepSpans[step.name] == stepSyntax.name.span { steps.append(step) }
            }
        }
        let role = syntax.role
        let roleName = role.map { "\($0.rawValue) leg '\(name)'" } ?? "leg '\(name)'"
        let documents = resolveDocuments(
            documentItems, owner: .leg, ownerName: roleName, allowed: role == .dialed ? [.whisper] : [])
        whisper = documents[.whisper]

        let hasErrorLines = syntax.members.contains { $0.node == nil }
        let hasSteps = syntax.members.contains { if case .node(.step) = $0 { true } else { false } }
        if let role, role != .dialed, !syntax.name.isMissing, !hasSteps, !hasErrorLines {
            diagnostics.append(.legWithoutSteps(syntax.name, role: role))
        }
        let entryCases = resolveEntryCases(caseLines, role: role, place: .step(leg: name, steps: stepNames))
        guard let role, !syntax.name.isMissing, let entryCases else { return nil }
        return Leg(
            name: name, nameSpan: syntax.name.span, role: role, steps: steps, whisper: whisper, entryCases: entryCases,
            span: syntax.span)
    }

    private mutating func resolveStep(
        _ syntax: StepSyntax, leg: String, stepNames: StepNames, mayReject: Bool
    ) -> Step? {
        let block = resolveBlock(
            syntax.verbs, place: .step(leg: leg, steps: stepNames), firstMayReject: mayReject)
        let hasErrorLines = syntax.verbs.contains { $0.node == nil }
        // A misplaced `leave` last is already reported (FLOW212); running off after it is its consequence.
        if block.end == nil, block.last?.kind != .leave, !hasErrorLines, !syntax.name.isMissing {
            diagnostics.append(.runsOffEnd(step: syntax.name, last: block.last))
        }
        guard !syntax.name.isMissing, !leg.isEmpty else { return nil }
        return Step(
            id: StepID(leg: leg, step: syntax.name.name), nameSpan: syntax.name.span, verbs: block.verbs,
            isComplete: block.isComplete, span: syntax.span)
    }
}

/// Who owns a document; decides which verbs it may contain.
enum DocumentOwner {
    case queue, room, leg
}
