import FlowDiagnostics

// The resolver's messages (FLOW2xx), one factory per finding, next to each other so their wording can
// be reviewed together. Style: lowercase start, no final period, user names in single quotes, what
// was expected and what was found; "did you mean" goes in `help`.

extension Diagnostic {
    // MARK: - Names

    static func duplicateName(_ what: String, _ name: Identifier, firstAt first: SourceSpan) -> Diagnostic {
        Diagnostic(
            .duplicateName, nil, "duplicate \(what)", at: name.span, notes: [Note("first declared here", at: first)])
    }

    static func duplicateSetting(_ keyword: String, at span: SourceSpan, firstAt first: SourceSpan) -> Diagnostic {
        Diagnostic(
            .duplicateSetting, nil, "duplicate setting '\(keyword)': each setting appears at most once per flow", at: span,
            notes: [Note("first set here", at: first)], help: "remove one of the two lines")
    }

    /// `what` is the kind of name and its scope, `where` an optional place ("in leg 'caller'").
    static func undefined(
        _ what: String, _ name: Identifier, in scope: String? = nil, candidates: [String]
    ) -> Diagnostic {
        let place = scope.map { " \($0)" } ?? ""
        return Diagnostic(
            .undefinedReference, nil, "undefined \(what) '\(name.name)'\(place)", at: name.span,
            help: NameSuggestion.help(for: name.name, among: candidates))
    }

    // MARK: - Options and values

    static func durationWithoutUnit(_ literal: IntegerLiteral) -> Diagnostic {
        let end = SourceSpan(path: literal.span.path, start: literal.span.end, end: literal.span.end)
        return Diagnostic(
            .durationWithoutUnit, nil, "expected a duration with a unit, found '\(literal.sourceText)'", at: literal.span,
            help: "durations are written with a unit: \(literal.sourceText)s, 2m, 1h",
            fixIts: [FixIt("add the unit 's'", edits: [TextEdit(span: end, replacement: "s")])])
    }

    static func unknownOption(_ name: Identifier, of construct: OptionConstruct) -> Diagnostic {
        let known = OptionTable.options(of: construct).map(\.name)
        let help =
            NameSuggestion.help(for: name.name, among: known)
            ?? (known.isEmpty
                ? "'\(construct.rawValue)' takes no options"
                : "'\(construct.rawValue)' takes \(OptionTable.wordList(known, conjunction: "and"))")
        return Diagnostic(
            .unknownOption, nil, "unknown option '\(name.name)' for '\(construct.rawValue)'", at: name.span, help: help)
    }

    static func wrongOptionType(_ option: OptionSyntax, expected: String, help: String?) -> Diagnostic {
        Diagnostic(
            .wrongValueType, nil, "expected \(expected) for '\(option.name.name)', found \(describeKind(option.value))",
            at: option.value?.span ?? option.span, help: help)
    }

    static func wrongArgument(after keyword: String, expected: String, found value: Value, help: String? = nil)
        -> Diagnostic
    {
        Diagnostic(
            .wrongValueType, nil, "expected \(expected) after '\(keyword)', found \(describeKind(value))", at: value.span,
            help: help)
    }

    static func optionOutOfRange(_ option: OptionSyntax, expectation: String, help: String?) -> Diagnostic {
        Diagnostic(
            .valueOutOfRange, nil, "expected \(expectation), found \(describeValue(option.value))",
            at: option.value?.span ?? option.span, help: help)
    }

    static func pauseOutOfRange(_ literal: DurationLiteral, range: ClosedRange<Int>) -> Diagnostic {
        Diagnostic(
            .valueOutOfRange, nil,
            "expected a pause between \(OptionTable.durationText(range.lowerBound)) and "
                + "\(OptionTable.durationText(range.upperBound)), found \(literal.sourceText)",
            at: literal.span)
    }

    static func duplicateOption(_ name: Identifier, firstAt first: SourceSpan) -> Diagnostic {
        Diagnostic(
            .duplicateOption, nil, "duplicate option '\(name.name)'", at: name.span, notes: [Note("first given here", at: first)],
            help: "an option may appear once per line")
    }

    // MARK: - Verbs and steps

    /// `place` is a noun phrase ("a queue's 'wait' document"); `preposition` joins it to the message.
    static func verbNotAllowed(
        _ verb: VerbSyntax, preposition: String = "in", place: String, allowed: [VerbKind], help: String? = nil
    ) -> Diagnostic {
        let list = OptionTable.wordList(allowed.map(\.rawValue), conjunction: "and")
        return Diagnostic(
            .verbNotAllowedHere, nil, "'\(verb.kind.rawValue)' is not allowed \(preposition) \(place)", at: verb.keyword.span,
            help: help ?? "\(place) may contain only \(list)")
    }

    static func runsOffEnd(step: Identifier, last: VerbSyntax?) -> Diagnostic {
        guard let last else {
            return Diagnostic(
                .stepRunsOffEnd, nil, "step '\(step.name)' has no verbs, so the leg would hang up on arriving there",
                at: step.span, help: "end it with 'hangup' if that is what it means")
        }
        let help =
            last.kind == .gather
            ? "with no input the leg goes on after 'gather': add what happens then, ending with 'go', 'hangup' or a 'then' clause"
            : "end the step with 'hangup', 'go -> STEP', or a 'then' clause on its last verb"
        return Diagnostic(
            .stepRunsOffEnd, nil, "step '\(step.name)' can run off its end after '\(last.kind.rawValue)', which hangs up the leg",
            at: last.span, help: help)
    }

    static func unreachableVerb(_ verb: VerbSyntax, after end: VerbSyntax) -> Diagnostic {
        let ending =
            switch end.kind {
            case .go, .hangup, .reject, .leave: "'\(end.kind.rawValue)'"
            case _ where end.continuation == nil: "the cases of '\(end.kind.rawValue)', which name every outcome"
            default: "the 'then' clause of '\(end.kind.rawValue)'"
            }
        return Diagnostic(
            .unreachableVerb, nil, "'\(verb.kind.rawValue)' can never run after \(ending)", at: verb.keyword.span,
            notes: [Note("control leaves here", at: end.continuation?.span ?? end.span)])
    }

    static func leaveOutsideWait(_ verb: VerbSyntax) -> Diagnostic {
        Diagnostic(
            .leaveOutsideWait, nil, "'leave' is only allowed in a queue's 'wait' document", at: verb.keyword.span,
            help: "'leave' takes a waiting leg out of its queue; elsewhere there is no queue to leave")
    }

    static func rejectNotFirst(_ verb: VerbSyntax) -> Diagnostic {
        Diagnostic(
            .rejectNotFirst, nil, "'reject' can only be the first verb of the entry leg's first step", at: verb.keyword.span,
            help: "Twilio can refuse a call only before answering it; use 'hangup' to end an answered call")
    }

    // MARK: - Legs

    static func dialOfNonDialedLeg(_ name: Identifier, role: LegRole, declaredAt declaration: SourceSpan) -> Diagnostic {
        Diagnostic(
            .dialOfUndialedLeg, nil, "expected a leg declared 'dialed' after 'dial', found \(role.rawValue) leg '\(name.name)'",
            at: name.span, notes: [Note("'\(name.name)' declared here", at: declaration)],
            help: "a 'dial' creates its leg; declare a new leg with 'leg NAME dialed'")
    }

    static func legDialedTwice(_ name: Identifier, firstAt first: SourceSpan) -> Diagnostic {
        Diagnostic(
            .legDialedTwice, nil, "dialed leg '\(name.name)' is already dialed elsewhere", at: name.span,
            notes: [Note("first dialed here", at: first)],
            help: "each 'dial' creates its own call; declare one dialed leg per 'dial'")
    }

    static func extraEntryLeg(_ role: Identifier, leg: String, firstAt first: SourceSpan) -> Diagnostic {
        Diagnostic(
            .severalEntryLegs, nil, "expected at most one entry leg, found a second one: '\(leg)'", at: role.span,
            notes: [Note("first entry leg declared here", at: first)],
            help: "a phone number calls one URL; make the other leg 'outbound' if the application starts it")
    }

    static func legWithoutSteps(_ name: Identifier, role: LegRole) -> Diagnostic {
        Diagnostic(
            .legWithoutSteps, nil, "expected a step in \(role.rawValue) leg '\(name.name)', found none", at: name.span,
            help: "its first step is where the call starts")
    }

    // MARK: - Operations

    static func operationRoomMismatch(_ message: String, at span: SourceSpan, notes: [Note] = [], help: String?)
        -> Diagnostic
    {
        Diagnostic(.roomOperationMismatch, nil, message, at: span, notes: notes, help: help)
    }

    static func operationStepMismatch(_ message: String, at span: SourceSpan, help: String) -> Diagnostic {
        Diagnostic(.operationTargetMismatch, nil, message, at: span, help: help)
    }

    // MARK: - URLs

    static func invalidBaseURL(_ literal: StringLiteral, problem: String) -> Diagnostic {
        Diagnostic(
            .invalidBaseURL, nil, "invalid 'serve at' URL: \(problem)", at: literal.span,
            help: "REST requests and phone numbers need an absolute URL, such as \"https://twiml.example.com/flow\"")
    }

    static func missingBaseURL(_ flow: Identifier, reason: String) -> Diagnostic {
        Diagnostic(
            .missingBaseURL, nil, "expected 'serve at' in flow '\(flow.name)', which \(reason)", at: flow.span,
            help: "add 'serve at \"https://…\"': REST requests need the absolute URL of a step")
    }

    static func invalidAudioURL(_ literal: StringLiteral, problem: String) -> Diagnostic {
        Diagnostic(
            .invalidAudioURL, nil, "invalid audio URL: \(problem)", at: literal.span,
            help: "audio is fetched by Twilio from an absolute URL, such as \"https://cdn.example.com/music.mp3\"")
    }

    // MARK: - Warnings

    static func roomNotShared(_ name: Identifier) -> Diagnostic {
        Diagnostic(
            .roomNotShared, nil, "room '\(name.name)' is not marked 'shared': every call would meet in this one conference",
            at: name.span,
            help: "mark it 'shared' if all calls meet there; otherwise the application must create one room per call")
    }

    static func unused(_ what: String, _ name: Identifier, _ detail: String = "is never used") -> Diagnostic {
        Diagnostic(.unusedDeclaration, nil, "\(what) '\(name.name)' \(detail)", at: name.span)
    }

    // MARK: - Documents

    static func documentNotAllowed(_ document: DocumentSyntax, owner: String, allowed: [DocumentKind]) -> Diagnostic {
        let expected = allowed.isEmpty ? "no document" : OptionTable.wordList(allowed.map(\.rawValue), conjunction: "or")
        return Diagnostic(
            .documentNotAllowedHere, nil, "expected \(expected) in \(owner), found '\(document.kind.rawValue)'", at: document.keyword.span)
    }

    // MARK: - Describing values

    /// A value with its kind, for type mismatches: `the string "3"`.
    static func describeKind(_ value: Value?) -> String {
        switch value {
        case nil: "no value"
        case .string(let literal): "the string \(shortText(literal))"
        case .integer(let literal): "the integer \(literal.sourceText)"
        case .duration(let literal): "the duration \(literal.sourceText)"
        case .identifier(let word): "the word '\(word.name)'"
        }
    }

    /// A value as written, for range checks: `2000`, `"abc"`.
    static func describeValue(_ value: Value?) -> String {
        switch value {
        case nil: "no value"
        case .string(let literal): shortText(literal)
        case .integer(let literal): literal.sourceText
        case .duration(let literal): literal.sourceText
        case .identifier(let word): "'\(word.name)'"
        }
    }

    private static func shortText(_ literal: StringLiteral) -> String {
        let count = literal.value.count
        return count > 40 ? "a string of \(count) characters" : literal.sourceText
    }
}
