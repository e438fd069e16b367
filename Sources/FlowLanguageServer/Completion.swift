import FlowCompiler
import FlowDiagnostics

/// Completion of keywords, names and options from the line being typed and the buffer's symbol index.
///
/// The language is line-oriented (Grammar.md §1), so the context is the words before the cursor on its
/// line and the headers of the blocks the line is indented under, read from the text: that works while
/// the line is half written and the parser cannot read it.
struct CompletionContext {
    /// The complete words before the cursor on its line.
    var words: [String]
    /// The word being typed (possibly empty).
    var partial: String
    /// The first words of the block headers the line is indented under, innermost first, with their
    /// second word (`leg caller entry` → ("leg", "caller")).
    var ancestors: [(keyword: String, name: String?)]
    /// The index of the flow the line belongs to.
    var flowIndex: Int?

    init(source: SourceFile, syntax: FileSyntax, offset: Int) {
        let line = source.line(ofOffset: offset)
        let lineStart = source.lineStarts[line - 1]
        let prefix = String(decoding: source.utf8[lineStart..<max(lineStart, offset)], as: UTF8.self)
        let code = prefix.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var tokens = code.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if code.last.map({ $0 == " " || $0 == "\t" }) ?? true || tokens.isEmpty {
            partial = ""
        } else {
            partial = tokens.removeLast()
        }
        // `go ->x` and `then ->x` (no space after the arrow) still complete a step.
        if partial.hasPrefix("->") {
            tokens.append("->")
            partial.removeFirst(2)
        }
        words = tokens
        let indentation = Outline.indentation(of: prefix)
        var ancestors: [(String, String?)] = []
        var limit = tokens.isEmpty && partial.isEmpty ? Outline.indentation(of: source.lineText(line)) : indentation
        var scan = line - 1
        while scan >= 1 && limit > 0 {
            let text = source.lineText(scan)
            let trimmed = text.drop { $0 == " " }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                let depth = Outline.indentation(of: text)
                if depth < limit {
                    let parts = trimmed.split(separator: " ").map(String.init)
                    ancestors.append((parts[0], parts.count > 1 ? parts[1] : nil))
                    limit = depth
                }
            }
            scan -= 1
        }
        self.ancestors = ancestors
        flowIndex = syntax.flows.enumerated().last { _, item in
            guard let flow = item.node else { return false }
            return flow.span.start.line <= line
        }?.offset
    }

    var leg: String? { ancestors.first { $0.keyword == "leg" }?.name }
    var block: String? { ancestors.first?.keyword }
}

struct CompletionItem {
    var label: String
    var kind: Int
    var detail: String?
    var insertText: String?

    var json: JSON {
        var result: [String: JSON] = ["label": .string(label), "kind": .int(kind)]
        if let detail { result["detail"] = .string(detail) }
        if let insertText { result["insertText"] = .string(insertText) }
        return .object(result)
    }

    // CompletionItemKind values of the protocol.
    static let keyword = 14, step = 3, leg = 7, resource = 9, asset = 21, option = 10, value = 12, operation = 2
}

enum Completion {
    static let flowMembers = ["serve", "voice", "language", "audio", "queue", "room", "leg", "operation"]
    static let documentVerbs = ["say", "play", "pause", "hangup", "leave"]
    /// Verbs whose line may end in a continuation (`then …`).
    static let verbsWithContinuation: Set<String> = ["gather", "record", "dial", "join", "enqueue"]

    static func items(index: SymbolIndex, context: CompletionContext) -> [CompletionItem] {
        let words = context.words
        let flow = context.flowIndex ?? 0
        func names(_ kind: SymbolKey.Kind, leg: String? = nil, detail: String, itemKind: Int) -> [CompletionItem] {
            index.definitions(kind: kind, flowIndex: flow, leg: leg).map {
                CompletionItem(label: $0.name, kind: itemKind, detail: detail)
            }
        }
        func keywords(_ list: [String], detail: String = "keyword") -> [CompletionItem] {
            list.map { CompletionItem(label: $0, kind: CompletionItem.keyword, detail: detail) }
        }
        func steps(of leg: String?) -> [CompletionItem] {
            names(.step, leg: leg, detail: "step of \(leg ?? "?")", itemKind: CompletionItem.step)
        }

        // `name=` : the values of that option.
        if let equals = context.partial.firstIndex(of: "="), let first = words.first {
            let name = String(context.partial[..<equals])
            let construct = words.count >= 2 && words[0] == "dial" && words[1] == "queue" ? "dial" : first
            guard let construct = OptionConstruct(rawValue: construct),
                let spec = OptionTable.spec(name, of: construct)
            else { return [] }
            return values(of: spec.type).map {
                CompletionItem(label: name + "=" + $0, kind: CompletionItem.value, detail: spec.name, insertText: nil)
            }
        }

        guard let first = words.first else {
            // The first word of a line: what its block allows.
            switch context.block {
            case nil: return keywords(["flow"])
            case "flow": return keywords(flowMembers)
            case "leg": return keywords(["step", "whisper"])
            case "queue": return keywords(["wait", "whisper"])
            case "room": return keywords(["wait", "hold"])
            case "wait", "hold", "whisper": return keywords(documentVerbs, detail: "verb")
            case "gather": return keywords(["say", "play", "pause", "on"], detail: "verb")
            case "record", "dial", "enqueue": return keywords(["on"], detail: "case")
            default: return keywords(VerbKind.verbs.map(\.rawValue), detail: "verb")
            }
        }

        if first == "operation" {
            return operationItems(words: words, names: names, keywords: keywords, steps: steps, index: index, flow: flow)
        }
        if words.last == "->" { return steps(of: context.leg) }
        if words.last == "then" { return keywords(["->", "hangup"]) }
        switch (first, words.count) {
        case ("leg", 2): return keywords(LegRole.allCases.map(\.rawValue), detail: "leg role")
        case ("go", 1): return keywords(["->"])
        case ("play", 1): return names(.asset, detail: "audio", itemKind: CompletionItem.asset)
        case ("wait", 1), ("hold", 1):
            return names(.asset, detail: "audio", itemKind: CompletionItem.asset)
        case ("dial", 1):
            let dialed = index.definitions(kind: .leg, flowIndex: flow).filter { key in
                if case .leg(let leg)? = index.declarations[key] { return leg.role == .dialed }
                return false
            }
            return keywords(["queue"]) + dialed.map { CompletionItem(label: $0.name, kind: CompletionItem.leg, detail: "dialed leg") }
        case ("dial", 2) where words[1] == "queue", ("enqueue", 1):
            return names(.queue, detail: "queue", itemKind: CompletionItem.resource)
        case ("join", 1): return names(.room, detail: "room", itemKind: CompletionItem.resource)
        default: break
        }
        // After the positional words: the construct's options not yet written, and `then`.
        let construct = OptionConstruct(rawValue: first)
        guard let construct else { return [] }
        let written = Set(words.map { String($0.prefix { $0 != "=" }) })
        var items = OptionTable.options(of: construct).filter { !written.contains($0.name) }.map {
            CompletionItem(label: $0.name, kind: CompletionItem.option, detail: SymbolText.typeText($0.type))
        }
        if verbsWithContinuation.contains(first), !words.contains("then") { items += keywords(["then"]) }
        return items
    }

    private static func operationItems(
        words: [String], names: (SymbolKey.Kind, String?, String, Int) -> [CompletionItem],
        keywords: ([String], String) -> [CompletionItem], steps: (String?) -> [CompletionItem], index: SymbolIndex,
        flow: Int
    ) -> [CompletionItem] {
        let leg = words.count >= 3 ? words[2] : nil
        switch words.count {
        case 1: return keywords(OperationKind.allCases.map(\.rawValue), "operation kind")
        case 2: return names(.leg, nil, "leg", CompletionItem.leg)
        case 3: return keywords(words[1] == "hold" || words[1] == "unhold" ? ["in", "->"] : ["->"], "keyword")
        default: break
        }
        let last = words.last ?? ""
        if last == "in" { return names(.room, nil, "room", CompletionItem.resource) }
        switch last {
        case _ where last == "->" || last == "during" || last.hasSuffix(","):
            // A bare name is a step of the operation's leg; `other.step` names another leg's.
            let others = index.definitions(kind: .leg, flowIndex: flow).filter { $0.name != leg }.flatMap { other in
                index.definitions(kind: .step, flowIndex: flow, leg: other.name).map {
                    CompletionItem(label: "\(other.name).\($0.name)", kind: CompletionItem.step, detail: "step of \(other.name)")
                }
            }
            return steps(leg) + others
        default:
            return words.contains("during") ? [] : keywords(["during"], "keyword")
        }
    }

    /// The values an option's type allows, as written after `=`.
    static func values(of type: OptionType) -> [String] {
        switch type {
        case .flag: ["true", "false"]
        case .word(let words): words
        case .durationOrWord(_, let words): words
        case .stringChoice(let values): values.map { "\"\($0)\"" }
        case .integer, .duration, .string: []
        }
    }
}

extension LanguageServer {
    func completion(_ params: JSON) throws -> JSON {
        let (document, offset) = try documentAndOffset(in: params)
        let context = CompletionContext(source: document.source, syntax: document.syntax, offset: offset)
        let items = Completion.items(index: document.index, context: context).filter {
            context.partial.isEmpty || $0.label.hasPrefix(context.partial)
        }
        return ["isIncomplete": false, "items": .array(items.map(\.json))]
    }
}
