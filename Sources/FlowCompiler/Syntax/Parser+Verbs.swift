import FlowDiagnostics

// The verbs of a step or a document (Grammar.md §8).
//
// Each verb's positional arguments, in `VerbSyntax.arguments`:
// - `say TEXT`: one string. `play ASSET` or `play "URL"`: one identifier or one string.
// - `pause DURATION`: one duration, or an integer, which the resolver reports as FLOW204 (fix-it: add `s`).
// - `dial LEG TARGET…`: the leg (an identifier, no label), then each target: a string with no label, or
//   a string labelled `client` or `sip`. `dial queue QUEUE`: one identifier labelled `queue`.
// - `join ROOM`, `enqueue QUEUE`: one identifier.
// - `gather`, `record`, `leave`, `hangup`, `reject`: none. `go -> STEP`: none; the target is its
//   `continuation`, with no `then` keyword.
// - `on VALUE, … -> STEP` (a case line): each value a string, labelled `speech` after `on speech`; the
//   target is its `continuation`, with no `then` keyword.
// A verb line with an error is an `ErrorLine`, except `gather`, which stays a node so that the verbs
// nested in it are read. The case lines under a `record`, `dial` or `enqueue` are its `body`.

extension Parser.State {
    /// `verb = say | play | pause | gather | record | dial | join | enqueue | leave | go | hangup | reject ;`
    /// Which verbs a document or a `gather` may hold is the resolver's to check (FLOW209): syntactically
    /// every block of verbs is a list of verbs.
    ///
    /// Diagnostics: FLOW103 (not a verb, with "did you mean"), FLOW104 (a keyword of another block).
    mutating func parseVerb(in context: LineContext, trivia: Trivia) -> BlockItem<VerbSyntax> {
        guard at(.identifier), let kind = VerbKind(rawValue: text(of: current)) else {
            return parseUnreadableLine(in: context, trivia: trivia)
        }
        switch kind {
        case .say: return parseSay(trivia: trivia)
        case .play: return parsePlay(trivia: trivia)
        case .pause: return parsePause(trivia: trivia)
        case .gather: return parseGather(trivia: trivia)
        case .record: return parseRecord(trivia: trivia)
        case .dial: return parseDial(trivia: trivia)
        case .join: return parseJoin(trivia: trivia)
        case .enqueue: return parseEnqueue(trivia: trivia)
        case .leave: return parseLeave(trivia: trivia)
        case .go: return parseGo(trivia: trivia)
        case .hangup: return parseHangup(trivia: trivia)
        case .reject: return parseReject(trivia: trivia)
        case .on: return parseCase(trivia: trivia)
        }
    }

    /// `say = "say" string { option } newline ;`
    ///
    /// Diagnostics: FLOW106 (no string), FLOW109, FLOW108, FLOW114.
    mutating func parseSay(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        let text = expectString("a string", after: "say", help: "the text to say is a string: say \"Hello.\"")
        let options = parseOptions()
        return finishVerb(.say, keyword, trivia: trivia, arguments: unlabelled(text.map(Value.string)), options: options)
    }

    /// `play = "play" ( identifier | string ) { option } newline ;`
    ///
    /// Diagnostics: FLOW106 (neither), FLOW109, FLOW108, FLOW114.
    mutating func parsePlay(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        var audio: Value?
        if let asset = readWord() {
            audio = .identifier(asset)
        } else if let url = expectString("an audio name or a URL string", after: "play") {
            audio = .string(url)
        }
        let options = parseOptions()
        return finishVerb(.play, keyword, trivia: trivia, arguments: unlabelled(audio), options: options)
    }

    /// `pause = "pause" duration newline ;` A bare integer is read too: the resolver reports it (FLOW204)
    /// with a fix-it, as it does wherever a duration is expected.
    ///
    /// Diagnostics: FLOW106 (no duration), FLOW108.
    mutating func parsePause(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        var length: Value?
        if at(.duration) || at(.integer) {
            length = parseValue()
        } else if !lineFailed {
            fail(
                SyntaxMessage.expected(
                    "a duration", code: .expectedValue, after: "pause", found: found, at: foundSpan,
                    help: "for example: pause 5s"))
        }
        return finishVerb(.pause, keyword, trivia: trivia, arguments: unlabelled(length), expected: "the end of the line")
    }

    /// `gather = "gather" { option } continuation newline [ indent { verb | case } dedent ] ;` Only `say`,
    /// `play`, `pause` and case lines may be nested (the resolver reports others, FLOW209).
    ///
    /// Diagnostics: FLOW109, FLOW108, FLOW110 (no continuation), FLOW111. The node is kept whatever the
    /// header's errors, so that its nested verbs are read.
    mutating func parseGather(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        let options = parseOptions()
        let continuation = parseRequiredContinuation(of: keyword)
        let end = lastTokenEnd
        finishLine(after: keyword)
        var body: [BlockItem<VerbSyntax>] = []
        if current.kind == .indent {
            body = parseBlock { state, trivia in state.parseVerb(in: .gather, trivia: trivia) }
        }
        return .node(
            VerbSyntax(
                trivia: trivia, kind: .gather, keyword: keyword, arguments: [], options: options,
                continuation: continuation, body: body, span: span(keyword.span.start, end)))
    }

    /// `record = "record" { option } continuation newline [ indent { case } dedent ] ;`
    ///
    /// Diagnostics: FLOW109, FLOW108, FLOW110 (no continuation), FLOW111.
    mutating func parseRecord(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        let options = parseOptions()
        let continuation = parseRequiredContinuation(of: keyword)
        return finishVerb(
            .record, keyword, trivia: trivia, options: options, continuation: continuation, expected: "the end of the line",
            cases: true)
    }

    /// `dial = "dial" ( "queue" identifier | identifier dial-target { dial-target } ) { option }
    /// [ continuation ] newline [ indent { case } dedent ] ;` The first word is the dialed leg, unless it
    /// is `queue`.
    ///
    /// Diagnostics: FLOW105 (no leg or queue name), FLOW106 (no target, or `client`/`sip` without a
    /// string), FLOW109, FLOW108, FLOW111.
    mutating func parseDial(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        var arguments: [ArgumentSyntax] = []
        if isKeyword(current, "queue") {
            let label = takeIdentifier()
            let queue = expectName("a queue name", after: "dial queue")
            arguments.append(ArgumentSyntax(label: label, value: .identifier(queue)))
        } else {
            let leg = expectName(
                "the name of the dialed leg", after: "dial",
                help: "write 'dial LEG \"+15551230000\"', where LEG is declared 'leg LEG dialed'")
            arguments.append(ArgumentSyntax(label: nil, value: .identifier(leg)))
            var progress = ProgressGuard()
            while progress.advanced(position), let target = parseDialTarget() { arguments.append(target) }
            if arguments.count == 1, !lineFailed {
                fail(
                    SyntaxMessage.expected(
                        "a dial target", code: .expectedValue, after: "dial \(leg.name)", found: found, at: foundSpan,
                        help: "a target is a phone number string (\"+15551230000\"), client \"identity\" or "
                            + "sip \"sip:agent@example.com\""))
            }
        }
        let options = parseOptions()
        let continuation = parseOptionalContinuation()
        return finishVerb(
            .dial, keyword, trivia: trivia, arguments: arguments, options: options, continuation: continuation,
            expected: continuation == nil ? "an option, 'then' or the end of the line" : "the end of the line",
            cases: true)
    }

    /// `dial-target = string | "client" string | "sip" string ;` Returns `nil` (consuming nothing) when the
    /// cursor is not at a target.
    ///
    /// Diagnostics: FLOW106 (`client` or `sip` without a string).
    mutating func parseDialTarget() -> ArgumentSyntax? {
        guard !lineFailed else { return nil }
        if at(.string), let number = stringLiteral(current) {
            advance()
            return ArgumentSyntax(label: nil, value: .string(number))
        }
        guard isKeyword(current, "client") || isKeyword(current, "sip") else { return nil }
        let label = takeIdentifier()
        let expected = label.name == "client" ? "a client identity string" : "a SIP URI string"
        guard let address = expectString(expected, after: label.name) else { return nil }
        return ArgumentSyntax(label: label, value: .string(address))
    }

    /// `join = "join" identifier { option } [ continuation ] newline ;` An indented block under it is read
    /// all the same, so that the resolver can say why case lines do not belong there (FLOW226).
    ///
    /// Diagnostics: FLOW105 (no room), FLOW109, FLOW108, FLOW111.
    mutating func parseJoin(trivia: Trivia) -> BlockItem<VerbSyntax> {
        parseNamedVerb(.join, trivia: trivia, expected: "a room name")
    }

    /// `enqueue = "enqueue" identifier { option } [ continuation ] newline [ indent { case } dedent ] ;`
    ///
    /// Diagnostics: FLOW105 (no queue), FLOW109, FLOW108, FLOW111.
    mutating func parseEnqueue(trivia: Trivia) -> BlockItem<VerbSyntax> {
        parseNamedVerb(.enqueue, trivia: trivia, expected: "a queue name")
    }

    private mutating func parseNamedVerb(_ kind: VerbKind, trivia: Trivia, expected: String) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        let name = expectName(expected, after: keyword.name)
        let options = parseOptions()
        let continuation = parseOptionalContinuation()
        return finishVerb(
            kind, keyword, trivia: trivia, arguments: unlabelled(.identifier(name)), options: options,
            continuation: continuation,
            expected: continuation == nil ? "an option, 'then' or the end of the line" : "the end of the line",
            cases: true)
    }

    /// `leave = "leave" newline ;`
    ///
    /// Diagnostics: FLOW108, FLOW114.
    mutating func parseLeave(trivia: Trivia) -> BlockItem<VerbSyntax> {
        finishVerb(.leave, takeIdentifier(), trivia: trivia, expected: "the end of the line")
    }

    /// `go = "go" "->" identifier newline ;`
    ///
    /// Diagnostics: FLOW107 (no `->`, with a fix-it), FLOW105 (no step name), FLOW108.
    mutating func parseGo(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        var continuation: ContinuationSyntax?
        let arrowStart = current.span.start
        if expectToken(.arrow, "'->'", after: "go", fixIt: insertion("-> ", ifCurrentIs: .identifier)) {
            let step = expectName("a step name", after: "go ->")
            continuation = ContinuationSyntax(
                thenKeyword: nil, target: step.isMissing ? .missing : .step(step), span: span(arrowStart, lastTokenEnd))
        }
        return finishVerb(.go, keyword, trivia: trivia, continuation: continuation, expected: "the end of the line")
    }

    /// `hangup = "hangup" newline ;`
    ///
    /// Diagnostics: FLOW108, FLOW114.
    mutating func parseHangup(trivia: Trivia) -> BlockItem<VerbSyntax> {
        finishVerb(.hangup, takeIdentifier(), trivia: trivia, expected: "the end of the line")
    }

    /// `reject = "reject" { option } newline ;`
    ///
    /// Diagnostics: FLOW109, FLOW108, FLOW114.
    mutating func parseReject(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        let options = parseOptions()
        return finishVerb(.reject, keyword, trivia: trivia, options: options)
    }

    /// `case = "on" [ case-label ] string { "," string } "->" identifier newline ;` Which verb a case may
    /// stand under, and which values it may name, is the resolver's to check (FLOW226–FLOW230).
    ///
    /// Diagnostics: FLOW106 (no value string), FLOW107 (no `->`, with a fix-it), FLOW105 (no step name),
    /// FLOW108.
    mutating func parseCase(trivia: Trivia) -> BlockItem<VerbSyntax> {
        let keyword = takeIdentifier()
        let label = parseCaseLabel()
        let help = "a case is written 'on \"1\" -> step', 'on \"busy\", \"no-answer\" -> step' or 'on speech \"sales\" -> step'"
        var arguments: [ArgumentSyntax] = []
        var previous = label.map { "on \($0.name)" } ?? "on"
        var progress = ProgressGuard()
        repeat {
            guard progress.advanced(position), let value = expectString("a value in quotes", after: previous, help: help)
            else { break }
            arguments.append(ArgumentSyntax(label: label, value: .string(value)))
            previous = ","
            guard !lineFailed, at(.comma) else { break }
            advance()
        } while true
        var continuation: ContinuationSyntax?
        let arrowStart = current.span.start
        if !arguments.isEmpty,
            expectToken(.arrow, "'->'", after: "the case's values", fixIt: insertion("-> ", ifCurrentIs: .identifier))
        {
            let step = expectName("a step name", after: "->")
            continuation = ContinuationSyntax(
                thenKeyword: nil, target: step.isMissing ? .missing : .step(step), span: span(arrowStart, lastTokenEnd))
        }
        return finishVerb(
            .on, keyword, trivia: trivia, arguments: arguments, continuation: continuation,
            expected: "the end of the line")
    }

    /// `case-label = "speech" | "from" | "to" | "answered_by" ;` Optional: `nil` (consuming nothing) when
    /// the case compares its verb's own outcome.
    mutating func parseCaseLabel() -> Identifier? {
        CaseLabel.allCases.contains { isKeyword(current, $0.rawValue) } ? takeIdentifier() : nil
    }

    // MARK: - Continuations

    /// `continuation = "then" ( "->" identifier | "hangup" ) ;` The cursor is at `then`.
    ///
    /// Diagnostics: FLOW111 (neither `->` nor `hangup`; a fix-it inserts `->` before a name), FLOW105 (no
    /// step name after `->`).
    mutating func parseContinuation() -> ContinuationSyntax {
        let then = takeIdentifier()
        let target: ContinuationSyntax.Target
        if at(.arrow) {
            advance()
            let step = expectName("a step name", after: "then ->")
            target = step.isMissing ? .missing : .step(step)
        } else if isKeyword(current, "hangup") {
            target = .hangup(takeIdentifier())
        } else {
            let fixIt = insertion("-> ", ifCurrentIs: .identifier)
            fail(SyntaxMessage.invalidContinuation(found: found, at: foundSpan, fixIts: fixIt.map { [$0] } ?? []))
            target = .missing
        }
        return ContinuationSyntax(thenKeyword: then, target: target, span: span(then.span.start, lastTokenEnd))
    }

    /// The continuation of `gather` and `record`, which must have one. A missing one is reported
    /// (FLOW110) and stands as a `.missing` target without `then`.
    private mutating func parseRequiredContinuation(of keyword: Identifier) -> ContinuationSyntax {
        if !lineFailed, isKeyword(current, "then") { return parseContinuation() }
        if !lineFailed {
            if atEndOfLine {
                fail(SyntaxMessage.missingContinuation(keyword.name, at: keyword.span))
            } else {
                fail(SyntaxMessage.unexpected(found ?? "", expected: "an option or 'then'", at: current.span))
            }
        }
        return ContinuationSyntax(thenKeyword: nil, target: .missing, span: missingSpan)
    }

    /// The continuation of `dial`, `join` and `enqueue`, if the line has one.
    private mutating func parseOptionalContinuation() -> ContinuationSyntax? {
        !lineFailed && isKeyword(current, "then") ? parseContinuation() : nil
    }

    // MARK: - Ending a verb line

    /// Ends a verb line and makes its item: the node, or an `ErrorLine` if the line had an error. With
    /// `cases`, an indented block under a line without errors is read as its case lines (any verb is read
    /// there, so the resolver can say where it belongs); otherwise such a block is unexpected (FLOW101).
    private mutating func finishVerb(
        _ kind: VerbKind, _ keyword: Identifier, trivia: Trivia, arguments: [ArgumentSyntax] = [],
        options: [OptionSyntax] = [], continuation: ContinuationSyntax? = nil,
        expected: String = "an option or the end of the line", cases: Bool = false
    ) -> BlockItem<VerbSyntax> {
        let end = lastTokenEnd
        if finishLine(after: keyword, expected: expected) {
            return .error(ErrorLine(trivia: trivia, span: span(keyword.span.start, lastTokenEnd)))
        }
        var body: [BlockItem<VerbSyntax>] = []
        if cases, current.kind == .indent {
            body = parseBlock { state, trivia in state.parseVerb(in: .cases, trivia: trivia) }
        }
        return .node(
            VerbSyntax(
                trivia: trivia, kind: kind, keyword: keyword, arguments: arguments, options: options,
                continuation: continuation, body: body, span: span(keyword.span.start, end)))
    }

    private func unlabelled(_ value: Value?) -> [ArgumentSyntax] {
        value.map { [ArgumentSyntax(label: nil, value: $0)] } ?? []
    }
}
