import FlowDiagnostics

// The syntax tree of a `.flow` file: what the parser produces, the formatter prints and the resolver reads.
//
// Invariants:
// - The parser always returns a tree, whatever the input. A construct it could not read becomes an
//   `ErrorLine` (with its diagnostic already reported) or a node whose missing parts are `nil` or
//   `Identifier.isMissing`. Later stages skip what is missing instead of reporting it again.
// - Every node carries the exact span of its source text. Names and literals keep their own spans, so
//   diagnostics underline precisely the word at fault.
// - Comments and blank lines are kept as `Trivia` on the line-level node they precede or end, which is
//   all the formatter needs to keep them at their lines.
// The grammar these nodes follow is Grammar.md; node names match its productions.

/// Comments and blank lines around one line of source.
public struct Trivia: Sendable, Hashable {
    /// Whole-line comments directly above the line, in order.
    public var leadingComments: [Comment] = []
    /// A comment at the end of the line itself.
    public var trailingComment: Comment?
    /// Whether at least one blank line separates this line from what precedes it (comments included).
    public var blankLineBefore: Bool = false

    public init(leadingComments: [Comment] = [], trailingComment: Comment? = nil, blankLineBefore: Bool = false) {
        self.leadingComments = leadingComments
        self.trailingComment = trailingComment
        self.blankLineBefore = blankLineBefore
    }
}

/// A `#` comment. `text` is everything after the `#`, as written (leading space included).
public struct Comment: Sendable, Hashable {
    public var text: String
    public var span: SourceSpan
    /// Whether a blank line separated this comment from what preceded it.
    public var blankLineBefore: Bool

    public init(text: String, span: SourceSpan, blankLineBefore: Bool = false) {
        self.text = text
        self.span = span
        self.blankLineBefore = blankLineBefore
    }
}

/// A name or keyword as written. A missing identifier has an empty name and an empty span where it was expected.
public struct Identifier: Sendable, Hashable {
    public var name: String
    public var span: SourceSpan

    public init(name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }

    public var isMissing: Bool { name.isEmpty }
}

/// A string literal: its decoded value and its exact source text (quotes and escapes), which the
/// formatter writes back unchanged so that formatting never changes a string's meaning or spelling.
public struct StringLiteral: Sendable, Hashable {
    public var value: String
    public var sourceText: String
    public var span: SourceSpan

    public init(value: String, sourceText: String, span: SourceSpan) {
        self.value = value
        self.sourceText = sourceText
        self.span = span
    }
}

/// A duration such as `20s`, converted to whole seconds; `sourceText` is kept for the formatter.
public struct DurationLiteral: Sendable, Hashable {
    public var seconds: Int
    public var sourceText: String
    public var span: SourceSpan

    public init(seconds: Int, sourceText: String, span: SourceSpan) {
        self.seconds = seconds
        self.sourceText = sourceText
        self.span = span
    }
}

/// An integer literal; `sourceText` is kept for the formatter (leading zeros stay as written).
public struct IntegerLiteral: Sendable, Hashable {
    public var value: Int
    public var sourceText: String
    public var span: SourceSpan

    public init(value: Int, sourceText: String, span: SourceSpan) {
        self.value = value
        self.sourceText = sourceText
        self.span = span
    }
}

/// The value of an option or a positional argument.
public enum Value: Sendable, Hashable {
    case string(StringLiteral)
    case integer(IntegerLiteral)
    case duration(DurationLiteral)
    case identifier(Identifier)

    public var span: SourceSpan {
        switch self {
        case .string(let literal): literal.span
        case .integer(let literal): literal.span
        case .duration(let literal): literal.span
        case .identifier(let identifier): identifier.span
        }
    }
}

/// `name` or `name=value` (Grammar.md §5). A flag (`value == nil`) means `true`.
public struct OptionSyntax: Sendable, Hashable {
    public var name: Identifier
    public var value: Value?
    public var span: SourceSpan

    public init(name: Identifier, value: Value?, span: SourceSpan) {
        self.name = name
        self.value = value
        self.span = span
    }
}

/// `step` or `leg.step` (Grammar.md §9).
public struct StepReference: Sendable, Hashable {
    public var leg: Identifier?
    public var step: Identifier
    public var span: SourceSpan

    public init(leg: Identifier?, step: Identifier, span: SourceSpan) {
        self.leg = leg
        self.step = step
        self.span = span
    }
}

/// `then -> step` or `then hangup`, and the `-> step` of `go` (which has no `then`).
public struct ContinuationSyntax: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case step(Identifier)
        /// `then hangup`: the leg ends when the verb is done.
        case hangup(Identifier)
        /// The target could not be read; the parser has reported it.
        case missing
    }

    /// The `then` keyword; `nil` for `go -> step`.
    public var thenKeyword: Identifier?
    public var target: Target
    public var span: SourceSpan

    public init(thenKeyword: Identifier?, target: Target, span: SourceSpan) {
        self.thenKeyword = thenKeyword
        self.target = target
        self.span = span
    }
}

/// One positional argument of a verb, with the keyword that introduces it, if any:
/// `client "alice"` has label `client`; the `agent` of `dial agent "+1…"` has none.
public struct ArgumentSyntax: Sendable, Hashable {
    public var label: Identifier?
    public var value: Value

    public init(label: Identifier?, value: Value) {
        self.label = label
        self.value = value
    }

    public var span: SourceSpan { label.map { $0.span.union(value.span) } ?? value.span }
}

/// The verbs of Grammar.md §8. `rawValue` is the keyword.
///
/// `on` is a case line (`on "1" -> sales`), not a verb: it is read wherever a verb is, so that one
/// written in the wrong block gets a precise diagnostic (FLOW226), and it belongs only under `gather`,
/// `record`, `dial` and `enqueue` (Grammar.md §8, "Branching on outcomes").
public enum VerbKind: String, Sendable, Hashable, CaseIterable {
    case say, play, pause, gather, record, dial, join, enqueue, leave, go, hangup, reject, on

    /// The keywords that start a verb line: every kind but `on`.
    public static let verbs: [VerbKind] = allCases.filter { $0 != .on }

    /// The verbs whose outcome a case line can branch on.
    public static let branching: [VerbKind] = [.gather, .record, .dial, .enqueue]
}

/// The word after `on` that names what a case compares, when it is not the verb's own outcome
/// (Grammar.md §7, §8): `case-label = "speech" | "from" | "to" | "answered_by" ;`.
public enum CaseLabel: String, Sendable, Hashable, CaseIterable {
    /// A gather's `SpeechResult`.
    case speech
    /// The caller's number (`From`) of a leg's first request.
    case from
    /// The number called (`To`) of a leg's first request.
    case to
    /// An outbound leg's answering machine detection (`AnsweredBy`).
    case answeredBy = "answered_by"
}

/// One verb line, and the lines nested under it: a `gather`'s prompt verbs and cases, the cases of a
/// `record`, `dial` or `enqueue`.
///
/// A case line (`kind == .on`) keeps its values as string arguments, each labelled `speech` when the
/// line says `on speech`, and its target as a `continuation` without `then`.
public struct VerbSyntax: Sendable, Hashable {
    public var trivia: Trivia
    public var kind: VerbKind
    public var keyword: Identifier
    public var arguments: [ArgumentSyntax]
    public var options: [OptionSyntax]
    public var continuation: ContinuationSyntax?
    public var body: [BlockItem<VerbSyntax>]
    /// The whole line, from the keyword to the end of its last token (the body excluded).
    public var span: SourceSpan

    public init(
        trivia: Trivia, kind: VerbKind, keyword: Identifier, arguments: [ArgumentSyntax], options: [OptionSyntax],
        continuation: ContinuationSyntax?, body: [BlockItem<VerbSyntax>], span: SourceSpan
    ) {
        self.trivia = trivia
        self.kind = kind
        self.keyword = keyword
        self.arguments = arguments
        self.options = options
        self.continuation = continuation
        self.body = body
        self.span = span
    }
}

/// A line the parser could not read. It is kept (with its comments) so that the formatter, which
/// refuses to format a file with syntax errors, and tools that walk the tree see every line.
public struct ErrorLine: Sendable, Hashable {
    public var trivia: Trivia
    public var span: SourceSpan

    public init(trivia: Trivia, span: SourceSpan) {
        self.trivia = trivia
        self.span = span
    }
}

/// An item of a block: a node that was read, or a line that was not.
public enum BlockItem<Node: Sendable & Hashable>: Sendable, Hashable {
    case node(Node)
    case error(ErrorLine)

    public var node: Node? {
        if case .node(let node) = self { return node }
        return nil
    }
}

/// The kinds of document a queue, room or dialed leg declares (Grammar.md §6, §7).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case wait, hold, whisper
}

/// `wait music` (an audio asset, looped) or `wait` with a block of verbs.
public struct DocumentSyntax: Sendable, Hashable {
    public var trivia: Trivia
    public var kind: DocumentKind
    public var keyword: Identifier
    /// The asset of the one-line form.
    public var asset: Identifier?
    public var verbs: [BlockItem<VerbSyntax>]
    public var span: SourceSpan

    public init(
        trivia: Trivia, kind: DocumentKind, keyword: Identifier, asset: Identifier?, verbs: [BlockItem<VerbSyntax>],
        span: SourceSpan
    ) {
        self.trivia = trivia
        self.kind = kind
        self.keyword = keyword
        self.asset = asset
        self.verbs = verbs
        self.span = span
    }
}

/// `serve at`, `voice`, `language` (Grammar.md §3).
public struct SettingSyntax: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case serve, voice, language
    }

    public var trivia: Trivia
    public var kind: Kind
    public var keyword: Identifier
    public var value: StringLiteral?
    public var span: SourceSpan

    public init(trivia: Trivia, kind: Kind, keyword: Identifier, value: StringLiteral?, span: SourceSpan) {
        self.trivia = trivia
        self.kind = kind
        self.keyword = keyword
        self.value = value
        self.span = span
    }
}

/// `audio name = "url"` (Grammar.md §4).
public struct AudioSyntax: Sendable, Hashable {
    public var trivia: Trivia
    public var name: Identifier
    public var url: StringLiteral?
    public var span: SourceSpan

    public init(trivia: Trivia, name: Identifier, url: StringLiteral?, span: SourceSpan) {
        self.trivia = trivia
        self.name = name
        self.url = url
        self.span = span
    }
}

/// `queue` and `room` declarations share a shape (Grammar.md §6).
public struct ResourceSyntax: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case queue, room
    }

    public var trivia: Trivia
    public var kind: Kind
    public var name: Identifier
    public var options: [OptionSyntax]
    public var documents: [BlockItem<DocumentSyntax>]
    /// The header line.
    public var span: SourceSpan

    public init(
        trivia: Trivia, kind: Kind, name: Identifier, options: [OptionSyntax], documents: [BlockItem<DocumentSyntax>],
        span: SourceSpan
    ) {
        self.trivia = trivia
        self.kind = kind
        self.name = name
        self.options = options
        self.documents = documents
        self.span = span
    }
}

/// `step name` and its verbs (Grammar.md §8).
public struct StepSyntax: Sendable, Hashable {
    public var trivia: Trivia
    public var name: Identifier
    public var verbs: [BlockItem<VerbSyntax>]
    /// The header line.
    public var span: SourceSpan

    public init(trivia: Trivia, name: Identifier, verbs: [BlockItem<VerbSyntax>], span: SourceSpan) {
        self.trivia = trivia
        self.name = name
        self.verbs = verbs
        self.span = span
    }
}

/// How a leg comes to exist (Grammar.md §7).
public enum LegRole: String, Sendable, Hashable, CaseIterable {
    case entry, outbound, dialed
}

/// A member of a leg block.
public enum LegMember: Sendable, Hashable {
    case step(StepSyntax)
    case document(DocumentSyntax)
    /// `on from|to|answered_by "VALUE", … -> STEP`: a case of the leg's first request (a `VerbSyntax` of
    /// kind `.on`), Grammar.md §7.
    case entryCase(VerbSyntax)
}

/// `leg name role` and its steps (Grammar.md §7).
public struct LegSyntax: Sendable, Hashable {
    public var trivia: Trivia
    public var name: Identifier
    /// `nil` when the role word is missing or unknown (reported by the parser).
    public var role: LegRole?
    public var roleKeyword: Identifier
    public var members: [BlockItem<LegMember>]
    /// The header line.
    public var span: SourceSpan

    public init(
        trivia: Trivia, name: Identifier, role: LegRole?, roleKeyword: Identifier, members: [BlockItem<LegMember>],
        span: SourceSpan
    ) {
        self.trivia = trivia
        self.name = name
        self.role = role
        self.roleKeyword = roleKeyword
        self.members = members
        self.span = span
    }
}

/// The kinds of operation (Grammar.md §9).
public enum OperationKind: String, Sendable, Hashable, CaseIterable {
    case hold, unhold, reconnect, move
}

/// `operation kind leg (in room | -> step) [during step, …]` (Grammar.md §9).
public struct OperationSyntax: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// `in ROOM`: the conference strategy.
        case room(inKeyword: Identifier, room: Identifier)
        /// `-> STEP`: a REST call update that moves the leg.
        case step(StepReference)
        case missing
    }

    public var trivia: Trivia
    public var kind: OperationKind?
    public var kindKeyword: Identifier
    public var leg: Identifier
    public var target: Target
    public var during: [StepReference]
    public var span: SourceSpan

    public init(
        trivia: Trivia, kind: OperationKind?, kindKeyword: Identifier, leg: Identifier, target: Target,
        during: [StepReference], span: SourceSpan
    ) {
        self.trivia = trivia
        self.kind = kind
        self.kindKeyword = kindKeyword
        self.leg = leg
        self.target = target
        self.during = during
        self.span = span
    }
}

/// A member of a flow block.
public enum FlowMember: Sendable, Hashable {
    case setting(SettingSyntax)
    case audio(AudioSyntax)
    case resource(ResourceSyntax)
    case leg(LegSyntax)
    case operation(OperationSyntax)
}

/// `flow name` and its members (Grammar.md §2).
public struct FlowSyntax: Sendable, Hashable {
    public var trivia: Trivia
    public var name: Identifier
    public var members: [BlockItem<FlowMember>]
    /// The header line.
    public var span: SourceSpan

    public init(trivia: Trivia, name: Identifier, members: [BlockItem<FlowMember>], span: SourceSpan) {
        self.trivia = trivia
        self.name = name
        self.members = members
        self.span = span
    }
}

/// The root: one parsed file.
public struct FileSyntax: Sendable, Hashable {
    public var path: String
    public var flows: [BlockItem<FlowSyntax>]
    /// Comments after the last line of code.
    public var trailingComments: [Comment]

    public init(path: String, flows: [BlockItem<FlowSyntax>], trailingComments: [Comment]) {
        self.path = path
        self.flows = flows
        self.trailingComments = trailingComments
    }
}
