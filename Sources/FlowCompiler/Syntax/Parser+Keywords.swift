import FlowDiagnostics

/// The kinds of block of Grammar.md, by the keywords a line in them may start with.
enum LineContext {
    case file
    case flow
    case resource(ResourceSyntax.Kind)
    case leg
    case step
    /// The verbs of a `wait`, `hold` or `whisper` document.
    case document
    /// The verbs nested in a `gather`. Syntactically any verb; the resolver allows only `say`, `play`,
    /// `pause` and case lines (FLOW209), as it checks which verbs each document may hold.
    case gather
    /// The block under a `record`, `dial` or `enqueue`: case lines. Other verbs are read, and reported by
    /// the resolver (FLOW209).
    case cases

    /// The keywords that may start a line here, in the order "did you mean" prefers them.
    var keywords: [String] {
        switch self {
        case .file: ["flow"]
        case .flow: LineContext.flowMemberKeywords
        case .resource: LineContext.documentKeywords
        case .leg: ["step"] + LineContext.documentKeywords
        case .step, .document: LineContext.verbKeywords
        case .gather: LineContext.verbKeywords + ["on"]
        case .cases: ["on"]
        }
    }

    /// Where a line is, as a message says it.
    var place: String {
        switch self {
        case .file: "at the top level of a file"
        case .flow: "in a flow"
        case .resource(let kind): "in a \(kind.rawValue)"
        case .leg: "in a leg"
        case .step: "in a step"
        case .document: "in a document"
        case .gather: "in a 'gather'"
        case .cases: "under a verb's cases"
        }
    }

    /// What a line here may start with, as a message says it.
    var expectation: String {
        switch self {
        case .file: "'flow'"
        case .flow: "a flow member (\(LineContext.list(LineContext.flowMemberKeywords)))"
        case .resource: "a document (\(LineContext.list(LineContext.documentKeywords)))"
        case .leg: "'step' or a document (\(LineContext.list(LineContext.documentKeywords)))"
        case .step, .document: "a verb"
        case .gather: "a verb or a case ('on \"1\" -> step')"
        case .cases: "a case ('on \"busy\" -> step')"
        }
    }

    static let flowMemberKeywords = ["serve", "voice", "language", "audio", "queue", "room", "leg", "operation"]
    static let documentKeywords = DocumentKind.allCases.map(\.rawValue)
    static let verbKeywords = VerbKind.verbs.map(\.rawValue)

    /// Where a keyword that is not allowed in this block belongs, as help says it; `nil` for a word that
    /// starts a line nowhere.
    func home(of word: String) -> String? {
        if word == "flow" { return "'flow' starts a line of its own, not indented: flows are not nested" }
        if LineContext.flowMemberKeywords.contains(word) { return "'\(word)' belongs directly in a flow" }
        if word == "step" { return "a step belongs in a leg" }
        switch word {
        case "wait": return "a 'wait' document belongs in a queue or a room"
        case "hold": return "a 'hold' document belongs in a room; an operation is written 'operation hold LEG …'"
        case "whisper": return "a 'whisper' document belongs in a queue or a dialed leg"
        default: break
        }
        if LineContext.verbKeywords.contains(word) { return "'\(word)' is a verb: it belongs in a step or a document" }
        return nil
    }

    /// `'a', 'b' or 'c'`.
    static func list(_ words: [String]) -> String {
        let quoted = words.map { "'\($0)'" }
        guard let last = quoted.last, quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The keyword among `candidates` that `word` is most likely a misspelling of.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        guard word.count <= 32 else { return nil }
        let allowed = min(2, (word.count + 1) / 2)
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let distance = CodeExplanation.editDistance(word, candidate)
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.word
    }
}

extension Parser.State {
    /// Reads a line that does not start with a keyword `context` allows: reports it (FLOW103 for an unknown
    /// word, with "did you mean", FLOW104 for a keyword of another block) and returns its `ErrorLine`. An
    /// indented block under it becomes part of the `ErrorLine` (see `parseItems`).
    mutating func parseUnreadableLine<Node>(in context: LineContext, trivia: Trivia) -> BlockItem<Node> {
        let start = current.span.start
        if at(.identifier) {
            let word = text(of: current)
            if let home = context.home(of: word) {
                fail(SyntaxMessage.misplacedKeyword(word, place: context.place, home: home, at: current.span))
            } else {
                let suggestion = LineContext.suggestion(for: word, among: context.keywords)
                fail(
                    SyntaxMessage.unknownKeyword(
                        word, context: context, suggestion: suggestion, at: current.span))
            }
        } else {
            fail(SyntaxMessage.expectedKeyword(context, found: found ?? "", at: current.span))
        }
        return .error(errorLine(from: start, trivia: trivia))
    }
}
