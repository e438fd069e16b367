import FlowCompiler
import FlowDiagnostics

/// What a name in a `.flow` file stands for: the unit that "go to definition" and "find references" work on.
///
/// Names are scoped as Grammar.md §2 says: each kind has its own namespace within one flow, and a step's
/// within its leg. A flow is written in one file and nothing in the language names another flow, so every
/// reference resolves within its own file; the flow's position in the file (`flowIndex`) keeps two flows of
/// the same name (FLOW201) apart.
public struct SymbolKey: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case flow, leg, step, queue, room, asset, operation
    }

    public var kind: Kind
    public var flowIndex: Int
    public var flow: String
    /// The leg of a step; `nil` for every other kind.
    public var leg: String?
    /// The name as written; an operation's is its manifest name (`hold-caller`).
    public var name: String

    public init(kind: Kind, flowIndex: Int, flow: String, leg: String? = nil, name: String) {
        self.kind = kind
        self.flowIndex = flowIndex
        self.flow = flow
        self.leg = leg
        self.name = name
    }
}

/// One place where a symbol is written.
public struct SymbolOccurrence: Sendable, Hashable {
    public var key: SymbolKey
    /// The name itself (for an operation, its kind and leg words), which a rename or a highlight covers.
    public var span: SourceSpan
    public var isDefinition: Bool
}

/// An option as written, with the construct it belongs to (for hover and completion).
public struct OptionOccurrence: Sendable, Hashable {
    public var option: OptionSyntax
    public var construct: OptionConstruct
}

/// The names of one parsed file, read from its syntax tree alone.
///
/// It is built from the parser's tree, not the resolver's model, so that it works on a file with errors
/// (the buffer being typed): what the parser kept (Grammar.md §13 keeps declarations with missing parts)
/// is indexed, missing names are not. A reference to an undefined name is still an occurrence of its key:
/// "find references" of a step lists every use even before the step is written.
public struct SymbolIndex: Sendable {
    public private(set) var occurrences: [SymbolOccurrence] = []
    public private(set) var options: [OptionOccurrence] = []
    /// The verb keywords, for hover.
    public private(set) var verbs: [VerbKeyword] = []

    public struct VerbKeyword: Sendable, Hashable {
        public var kind: VerbKind
        public var keyword: Identifier
    }
    /// The syntax of each definition's declaration, for hover and document symbols.
    public private(set) var declarations: [SymbolKey: Declaration] = [:]

    /// A declaration's node.
    public enum Declaration: Sendable, Hashable {
        case flow(FlowSyntax)
        case leg(LegSyntax)
        case step(StepSyntax, leg: LegSyntax)
        case resource(ResourceSyntax)
        case asset(AudioSyntax)
        case operation(OperationSyntax)
    }

    public init(_ syntax: FileSyntax) {
        for (flowIndex, item) in syntax.flows.enumerated() {
            guard let flow = item.node, !flow.name.isMissing else { continue }
            indexFlow(flow, flowIndex: flowIndex)
        }
    }

    /// The occurrence whose span contains `offset`; a span's end counts, so a cursor just after a name
    /// (where an editor leaves it after typing) still finds it.
    public func occurrence(at offset: Int) -> SymbolOccurrence? {
        occurrences
            .filter { $0.span.start.offset <= offset && offset <= $0.span.end.offset }
            .min { ($0.span.end.offset - $0.span.start.offset) < ($1.span.end.offset - $1.span.start.offset) }
    }

    public func verb(at offset: Int) -> VerbKeyword? {
        verbs.first { $0.keyword.span.start.offset <= offset && offset <= $0.keyword.span.end.offset }
    }

    public func option(at offset: Int) -> OptionOccurrence? {
        options.first { $0.option.name.span.start.offset <= offset && offset <= $0.option.name.span.end.offset }
    }

    public func definition(of key: SymbolKey) -> SymbolOccurrence? {
        occurrences.first { $0.key == key && $0.isDefinition }
    }

    public func references(to key: SymbolKey, includeDeclaration: Bool) -> [SymbolOccurrence] {
        occurrences.filter { $0.key == key && (includeDeclaration || !$0.isDefinition) }
    }

    /// The keys of one kind in one flow (and, for steps, one leg), in source order, each once.
    public func definitions(kind: SymbolKey.Kind, flowIndex: Int, leg: String? = nil) -> [SymbolKey] {
        var seen = Set<SymbolKey>()
        return occurrences.compactMap { occurrence in
            let key = occurrence.key
            guard occurrence.isDefinition, key.kind == kind, key.flowIndex == flowIndex,
                kind != .step || key.leg == leg, seen.insert(key).inserted
            else { return nil }
            return key
        }
    }

    // MARK: - Walking the tree

    private mutating func add(
        _ kind: SymbolKey.Kind, _ identifier: Identifier?, flow: FlowSyntax, flowIndex: Int, leg: String? = nil,
        definition: Bool = false
    ) {
        guard let identifier, !identifier.isMissing else { return }
        let key = SymbolKey(kind: kind, flowIndex: flowIndex, flow: flow.name.name, leg: leg, name: identifier.name)
        occurrences.append(SymbolOccurrence(key: key, span: identifier.span, isDefinition: definition))
    }

    private mutating func indexFlow(_ flow: FlowSyntax, flowIndex: Int) {
        add(.flow, flow.name, flow: flow, flowIndex: flowIndex, definition: true)
        declarations[SymbolKey(kind: .flow, flowIndex: flowIndex, flow: flow.name.name, name: flow.name.name)] =
            .flow(flow)
        for case .node(let member) in flow.members {
            switch member {
            case .setting:
                break
            case .audio(let audio):
                add(.asset, audio.name, flow: flow, flowIndex: flowIndex, definition: true)
                if !audio.name.isMissing {
                    declarations[key(.asset, audio.name.name, flow, flowIndex)] = .asset(audio)
                }
            case .resource(let resource):
                let kind: SymbolKey.Kind = resource.kind == .queue ? .queue : .room
                add(kind, resource.name, flow: flow, flowIndex: flowIndex, definition: true)
                if !resource.name.isMissing {
                    declarations[key(kind, resource.name.name, flow, flowIndex)] = .resource(resource)
                }
                addOptions(resource.options, construct: resource.kind == .queue ? .queue : .room)
                for case .node(let document) in resource.documents {
                    indexDocument(document, flow: flow, flowIndex: flowIndex)
                }
            case .leg(let leg):
                indexLeg(leg, flow: flow, flowIndex: flowIndex)
            case .operation(let operation):
                indexOperation(operation, flow: flow, flowIndex: flowIndex)
            }
        }
    }

    private func key(_ kind: SymbolKey.Kind, _ name: String, _ flow: FlowSyntax, _ flowIndex: Int, leg: String? = nil)
        -> SymbolKey
    {
        SymbolKey(kind: kind, flowIndex: flowIndex, flow: flow.name.name, leg: leg, name: name)
    }

    private mutating func indexDocument(_ document: DocumentSyntax, flow: FlowSyntax, flowIndex: Int) {
        add(.asset, document.asset, flow: flow, flowIndex: flowIndex)
        indexVerbs(document.verbs, flow: flow, flowIndex: flowIndex, leg: nil)
    }

    private mutating func indexLeg(_ leg: LegSyntax, flow: FlowSyntax, flowIndex: Int) {
        add(.leg, leg.name, flow: flow, flowIndex: flowIndex, definition: true)
        guard !leg.name.isMissing else { return }
        declarations[key(.leg, leg.name.name, flow, flowIndex)] = .leg(leg)
        for case .node(let member) in leg.members {
            switch member {
            case .step(let step):
                add(.step, step.name, flow: flow, flowIndex: flowIndex, leg: leg.name.name, definition: true)
                if !step.name.isMissing {
                    declarations[key(.step, step.name.name, flow, flowIndex, leg: leg.name.name)] =
                        .step(step, leg: leg)
                }
                indexVerbs(step.verbs, flow: flow, flowIndex: flowIndex, leg: leg.name.name)
            case .document(let document):
                indexDocument(document, flow: flow, flowIndex: flowIndex)
            case .entryCase(let line):
                indexVerbs([.node(line)], flow: flow, flowIndex: flowIndex, leg: leg.name.name)
            }
        }
    }

    /// Verbs of a step (`leg` set: continuations name its steps) or of a document (`leg` nil: Grammar.md §6
    /// allows no step names there, and the resolver reports any).
    private mutating func indexVerbs(
        _ verbs: [BlockItem<VerbSyntax>], flow: FlowSyntax, flowIndex: Int, leg: String?
    ) {
        for case .node(let verb) in verbs {
            self.verbs.append(VerbKeyword(kind: verb.kind, keyword: verb.keyword))
            if let construct = OptionConstruct(rawValue: verb.kind.rawValue) {
                addOptions(verb.options, construct: construct)
            }
            for argument in verb.arguments {
                guard case .identifier(let name) = argument.value else { continue }
                switch (verb.kind, argument.label?.name) {
                case (.play, nil): add(.asset, name, flow: flow, flowIndex: flowIndex)
                case (.dial, nil): add(.leg, name, flow: flow, flowIndex: flowIndex)
                case (.dial, "queue"), (.enqueue, nil): add(.queue, name, flow: flow, flowIndex: flowIndex)
                case (.join, nil): add(.room, name, flow: flow, flowIndex: flowIndex)
                default: break
                }
            }
            if let leg, case .step(let target)? = verb.continuation?.target {
                add(.step, target, flow: flow, flowIndex: flowIndex, leg: leg)
            }
            indexVerbs(verb.body, flow: flow, flowIndex: flowIndex, leg: leg)
        }
    }

    private mutating func indexOperation(_ operation: OperationSyntax, flow: FlowSyntax, flowIndex: Int) {
        let legName = operation.leg.isMissing ? nil : operation.leg.name
        if let kind = operation.kind, let legName {
            let name = "\(kind.rawValue)-\(legName)"
            let span = operation.kindKeyword.span.union(operation.leg.span)
            let key = key(.operation, name, flow, flowIndex)
            occurrences.append(SymbolOccurrence(key: key, span: span, isDefinition: true))
            declarations[key] = .operation(operation)
        }
        add(.leg, operation.leg, flow: flow, flowIndex: flowIndex)
        switch operation.target {
        case .room(_, let room): add(.room, room, flow: flow, flowIndex: flowIndex)
        case .step(let reference): addStepReference(reference, defaultLeg: legName, flow: flow, flowIndex: flowIndex)
        case .missing: break
        }
        for reference in operation.during {
            addStepReference(reference, defaultLeg: legName, flow: flow, flowIndex: flowIndex)
        }
    }

    /// `step` (a step of the operation's leg) or `leg.step` (Grammar.md §9).
    private mutating func addStepReference(
        _ reference: StepReference, defaultLeg: String?, flow: FlowSyntax, flowIndex: Int
    ) {
        add(.leg, reference.leg, flow: flow, flowIndex: flowIndex)
        let leg = reference.leg.flatMap { $0.isMissing ? nil : $0.name } ?? defaultLeg
        guard let leg else { return }
        add(.step, reference.step, flow: flow, flowIndex: flowIndex, leg: leg)
    }

    private mutating func addOptions(_ list: [OptionSyntax], construct: OptionConstruct) {
        for option in list where !option.name.isMissing {
            options.append(OptionOccurrence(option: option, construct: construct))
        }
    }
}
