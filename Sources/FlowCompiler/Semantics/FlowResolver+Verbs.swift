import FlowDiagnostics

/// Where a block of verbs runs, which decides the verbs it may contain (Grammar.md §6–§8,
/// Docs/Twilio.md#restricted-contexts) and what its step names resolve against.
enum VerbPlace {
    /// A step of a leg; `steps` are the leg's step names, which `then ->` and `go ->` may name.
    case step(leg: String, steps: StepNames)
    /// A wait, hold or whisper document. It has no steps, so it holds no step reference.
    case document(DocumentOwner, DocumentKind)
    /// The prompt nested in a `gather`.
    case prompt

    /// The verbs allowed here; `nil` allows all (a step, where only `leave` is refused, FLOW212).
    var allowedVerbs: [VerbKind]? {
        switch self {
        case .step: nil
        case .prompt: [.say, .play, .pause]
        case .document(.queue, .wait): [.say, .play, .pause, .hangup, .leave]
        case .document(.leg, _): [.say, .play, .hangup]
        case .document: [.say, .play, .pause]
        }
    }

    /// A noun phrase for messages.
    var description: String {
        switch self {
        case .step: "a step"
        case .prompt: "'gather'"
        case .document(let owner, let kind):
            switch owner {
            case .queue: "a queue's '\(kind.rawValue)' document"
            case .room: "a room's '\(kind.rawValue)' document"
            case .leg: "a dialed leg's '\(kind.rawValue)' document"
            }
        }
    }
}

/// The outcome of resolving a block of verbs.
struct ResolvedBlock {
    var verbs: [Verb] = []
    /// No line failed to parse and no verb was left out.
    var isComplete = true
    /// The first verb after which control cannot reach the next verb.
    var end: VerbSyntax?
    /// The last verb that was read.
    var last: VerbSyntax?
}

/// The `then` clause of a verb that may have one.
enum ResolvedContinuation {
    case absent
    case resolved(Spanned<Continuation>)
    /// Missing or undefined; already reported, or reported by the parser.
    case failed
}

extension FlowResolver {
    /// Resolves a block of verbs. Reports a verb after one that hands control away (FLOW211), once
    /// per block: every later verb is unreachable for the same reason.
    mutating func resolveBlock(
        _ items: [BlockItem<VerbSyntax>], place: VerbPlace, firstMayReject: Bool = false
    ) -> ResolvedBlock {
        var block = ResolvedBlock()
        var reportedUnreachable = false
        for (index, item) in items.enumerated() {
            guard let syntax = item.node else {
                block.isComplete = false
                continue
            }
            if let end = block.end, !reportedUnreachable {
                diagnostics.append(.unreachableVerb(syntax, after: end))
                reportedUnreachable = true
            }
            if let verb = resolveVerb(syntax, place: place, mayReject: firstMayReject && index == 0) {
                block.verbs.append(verb)
            } else {
                block.isComplete = false
            }
            if block.end == nil, Self.handsControlAway(syntax, in: place) { block.end = syntax }
            block.last = syntax
        }
        return block
    }

    /// Whether nothing after `verb` can run: `go`, `hangup`, `reject`, a `then` clause on anything but
    /// `gather` (whose no-input outcome goes on with the next verb), and `leave` where it is allowed
    /// (elsewhere it is reported as misplaced, and the verbs after it are not its consequence).
    static func handsControlAway(_ verb: VerbSyntax, in place: VerbPlace) -> Bool {
        switch verb.kind {
        case .leave: place.allowedVerbs?.contains(.leave) == true
        case .go, .hangup, .reject: true
        case .gather, .on: false
        // With cases, a dial or enqueue always has an action (its junction, Docs/Output.md#dispatch).
        case .dial, .enqueue: verb.continuation != nil || verb.body.contains { $0.node?.kind == .on }
        default: verb.continuation != nil
        }
    }

    // MARK: - One verb

    /// The resolved verb, or `nil` when it is not allowed here or a name in it did not resolve.
    mutating func resolveVerb(_ syntax: VerbSyntax, place: VerbPlace, mayReject: Bool) -> Verb? {
        if syntax.kind == .on {
            diagnostics.append(.caseMisplaced(syntax, under: nil))
            return nil
        }
        guard checkPlace(syntax, place: place, mayReject: mayReject) else { return nil }
        let isDialQueue = syntax.kind == .dial && syntax.arguments.first?.label?.name == "queue"
        let construct = OptionConstruct(rawValue: syntax.kind.rawValue) ?? .hangup
        let options = OptionChecker.check(syntax.options, of: construct, diagnostics: &diagnostics)
        let span = syntax.span
        switch syntax.kind {
        case .say:
            guard let text = stringArgument(of: syntax, expected: "the text to speak") else { return nil }
            return .say(
                SayVerb(
                    text: text, voice: options.string("voice"), language: options.string("language"),
                    loop: options.integer("loop"), span: span))
        case .play:
            guard let source = playSource(of: syntax) else { return nil }
            return .play(PlayVerb(source: source, loop: options.integer("loop"), digits: options.string("digits"), span: span))
        case .pause:
            guard let length = pauseLength(of: syntax) else { return nil }
            return .pause(PauseVerb(length: length, span: span))
        case .gather:
            let (caseLines, promptLines) = Self.splitCases(syntax.body)
            let prompt = resolveBlock(promptLines, place: .prompt)
            let input = options.word("input", as: GatherInput.self)
            let numDigits = options.integer("num_digits")
            let finishOnKey = options.string("finish_on_key")
            let source = CaseSource.gather(
                input: input?.value ?? .dtmf, numDigits: numDigits?.value,
                finishOnKey: finishOnKey?.value ?? CaseVocabulary.gatherDefaultFinishKey)
            let cases = resolveCases(caseLines, of: syntax, source: source, place: place)
            guard case .resolved(let continuation) = resolveContinuation(syntax, place: place), prompt.isComplete,
                let cases
            else { return nil }
            return .gather(
                GatherVerb(
                    input: input, timeout: options.integer("timeout"), numDigits: numDigits, finishOnKey: finishOnKey,
                    speechTimeout: speechTimeout(options), language: options.string("language"),
                    hints: options.string("hints"), prompt: prompt.verbs, continuation: continuation, cases: cases,
                    span: span))
        case .record:
            let finishOnKey = options.string("finish_on_key")
            let cases = resolveCases(
                syntax.body, of: syntax,
                source: .record(finishOnKey: finishOnKey?.value ?? CaseVocabulary.recordDefaultFinishKeys), place: place)
            guard case .resolved(let continuation) = resolveContinuation(syntax, place: place), let cases else {
                return nil
            }
            return .record(
                RecordVerb(
                    maxLength: options.integer("max_length"), timeout: options.integer("timeout"),
                    finishOnKey: finishOnKey, playBeep: options.flag("play_beep"),
                    transcribe: options.flag("transcribe"), continuation: continuation, cases: cases, span: span))
        case .dial where isDialQueue:
            let queue = queueArgument(of: syntax)
            let continuation = resolveContinuation(syntax, place: place)
            let cases = resolveCases(syntax.body, of: syntax, source: .dial, place: place)
            guard let queue, let then = continuation.optional, let cases else { return nil }
            return .dialQueue(
                DialQueueVerb(queue: queue, options: options.dialOptions, continuation: then, cases: cases, span: span))
        case .dial:
            let leg = dialedLeg(of: syntax)
            let targets = dialTargets(of: syntax)
            let continuation = resolveContinuation(syntax, place: place)
            let cases = resolveCases(syntax.body, of: syntax, source: .dial, place: place)
            guard let leg, let targets, let then = continuation.optional, let cases else { return nil }
            return .dial(
                DialVerb(
                    leg: leg, targets: targets, options: options.dialOptions, continuation: then, cases: cases,
                    span: span))
        case .join:
            reportMisplacedCases(under: syntax)
            let room = roomArgument(of: syntax, place: place)
            let continuation = resolveContinuation(syntax, place: place)
            guard let room, let then = continuation.optional else { return nil }
            return .join(
                JoinVerb(
                    room: room, startOnEnter: options.flag("start_on_enter"), endOnExit: options.flag("end_on_exit"),
                    muted: options.flag("muted"), beep: options.word("beep", as: JoinBeep.self),
                    label: options.string("label"), timeout: options.integer("timeout"),
                    timeLimit: options.integer("time_limit"), hangupOnStar: options.flag("hangup_on_star"),
                    continuation: then, span: span))
        case .enqueue:
            let queue = queueArgument(of: syntax)
            let continuation = resolveContinuation(syntax, place: place)
            let cases = resolveCases(syntax.body, of: syntax, source: .enqueue, place: place)
            guard let queue, let then = continuation.optional, let cases else { return nil }
            return .enqueue(EnqueueVerb(queue: queue, continuation: then, cases: cases, span: span))
        case .leave:
            return .leave(span)
        case .go:
            guard case .resolved(let target) = resolveContinuation(syntax, place: place),
                case .step(let id) = target.value,
                case .step(let name) = syntax.continuation?.target
            else { return nil }
            return .go(GoVerb(target: Spanned(id, at: name.span), span: span))
        case .hangup:
            return .hangup(span)
        case .reject:
            return .reject(RejectVerb(busy: options.flag("busy"), span: span))
        case .on:
            return nil
        }
    }

    /// A gather's nested lines, split into its case lines and its prompt (the rest, unreadable lines
    /// included), each in source order.
    static func splitCases(_ body: [BlockItem<VerbSyntax>]) -> (cases: [BlockItem<VerbSyntax>], rest: [BlockItem<VerbSyntax>]) {
        var cases: [BlockItem<VerbSyntax>] = []
        var rest: [BlockItem<VerbSyntax>] = []
        for item in body {
            if item.node?.kind == .on { cases.append(item) } else { rest.append(item) }
        }
        return (cases, rest)
    }

    /// Whether the verb may appear here; reports FLOW209, FLOW212 and FLOW213. A misplaced `reject`
    /// is still resolved: its meaning is clear, only its place is wrong.
    private mutating func checkPlace(_ syntax: VerbSyntax, place: VerbPlace, mayReject: Bool) -> Bool {
        if let allowed = place.allowedVerbs, !allowed.contains(syntax.kind) {
            if syntax.kind == .leave {
                diagnostics.append(.leaveOutsideWait(syntax))
            } else {
                let help: String? =
                    switch (place, syntax.kind) {
                    case (.document(.queue, .wait), .go):
                        "a document has no steps to go to; a queue's 'wait' document starts again by itself when it ends"
                    case (.document, .go), (.document, .gather):
                        "a document has no steps for its continuation to name; \(place.description) may contain only "
                            + OptionTable.wordList(allowed.map(\.rawValue), conjunction: "and")
                    default: nil
                    }
                let preposition = if case .prompt = place { "inside" } else { "in" }
                diagnostics.append(
                    .verbNotAllowed(syntax, preposition: preposition, place: place.description, allowed: allowed, help: help))
            }
            return false
        }
        guard case .step = place else { return true }
        if syntax.kind == .leave {
            diagnostics.append(.leaveOutsideWait(syntax))
            return false
        }
        if syntax.kind == .reject, !mayReject { diagnostics.append(.rejectNotFirst(syntax)) }
        return true
    }

    // MARK: - Arguments

    private mutating func stringArgument(of syntax: VerbSyntax, expected: String) -> Spanned<String>? {
        guard let value = syntax.arguments.first?.value else { return nil }
        guard case .string(let literal) = value else {
            diagnostics.append(.wrongArgument(after: syntax.kind.rawValue, expected: expected, found: value))
            return nil
        }
        guard !literal.sourceText.isEmpty else { return nil }
        return Spanned(literal.value, at: literal.span)
    }

    private mutating func playSource(of syntax: VerbSyntax) -> Spanned<PlaySource>? {
        guard let value = syntax.arguments.first?.value else { return nil }
        switch value {
        case .identifier(let name):
            return resolveAssetReference(name).map { Spanned($0, at: name.span) }
        case .string(let literal):
            guard !literal.sourceText.isEmpty else { return nil }
            let hasDigits = syntax.options.contains { $0.name.name == "digits" }
            if literal.value.isEmpty, hasDigits { return Spanned(.url(""), at: literal.span) }
            if let problem = URLCheck.problem(in: literal.value, isBase: false) {
                diagnostics.append(.invalidAudioURL(literal, problem: problem))
                return nil
            }
            return Spanned(.url(literal.value), at: literal.span)
        case .integer, .duration:
            diagnostics.append(
                .wrongArgument(after: "play", expected: "an audio name or a URL in quotes", found: value))
            return nil
        }
    }

    private mutating func pauseLength(of syntax: VerbSyntax) -> Spanned<Int>? {
        guard let value = syntax.arguments.first?.value else { return nil }
        let range = 1...(10 * OptionTable.minute)
        switch value {
        case .duration(let literal):
            guard range.contains(literal.seconds) else {
                diagnostics.append(.pauseOutOfRange(literal, range: range))
                return nil
            }
            return Spanned(literal.seconds, at: literal.span)
        case .integer(let literal):
            diagnostics.append(.durationWithoutUnit(literal))
            return nil
        case .string, .identifier:
            diagnostics.append(.wrongArgument(after: "pause", expected: "a duration", found: value))
            return nil
        }
    }

    private func speechTimeout(_ options: ResolvedOptions) -> Spanned<SpeechTimeout>? {
        guard let option = options.values["speech_timeout"] else { return nil }
        switch option.value {
        case .seconds(let seconds): return Spanned(.seconds(seconds), at: option.span)
        case .word: return Spanned(.auto, at: option.span)
        case .flag, .integer, .string: return nil
        }
    }

    /// The identifier argument of `join`, `enqueue`, `dial queue`, `dial`.
    private mutating func nameArgument(of syntax: VerbSyntax, expected: String, after keyword: String) -> Identifier? {
        guard let value = syntax.arguments.first?.value else { return nil }
        guard case .identifier(let name) = value else {
            diagnostics.append(.wrongArgument(after: keyword, expected: expected, found: value))
            return nil
        }
        return name.isMissing ? nil : name
    }

    private mutating func queueArgument(of syntax: VerbSyntax) -> Spanned<String>? {
        let keyword = syntax.kind == .dial ? "dial queue" : syntax.kind.rawValue
        guard let name = nameArgument(of: syntax, expected: "a queue name", after: keyword) else { return nil }
        guard queueDeclarations[name.name] != nil else {
            reportUndefined("queue", name, candidates: Array(queueDeclarations.keys))
            return nil
        }
        usedQueues.insert(name.name)
        return Spanned(name.name, at: name.span)
    }

    private mutating func roomArgument(of syntax: VerbSyntax, place: VerbPlace) -> Spanned<String>? {
        guard let name = nameArgument(of: syntax, expected: "a room name", after: "join") else { return nil }
        guard roomDeclarations[name.name] != nil else {
            reportUndefined("room", name, candidates: Array(roomDeclarations.keys))
            return nil
        }
        usedRooms.insert(name.name)
        if case .step(let leg, _) = place { joinedRooms[leg, default: []].insert(name.name) }
        return Spanned(name.name, at: name.span)
    }

    /// The leg `dial LEG` creates: declared (FLOW203), `dialed` (FLOW214); its dial site is recorded
    /// for FLOW215.
    private mutating func dialedLeg(of syntax: VerbSyntax) -> Spanned<String>? {
        guard let first = syntax.arguments.first else { return nil }
        guard first.label == nil, case .identifier(let name) = first.value else {
            diagnostics.append(
                .wrongArgument(
                    after: "dial", expected: "the name of the dialed leg", found: first.value,
                    help: "declare the call it creates with 'leg NAME dialed' and write 'dial NAME \"+15551230000\"'"))
            return nil
        }
        guard !name.isMissing else { return nil }
        guard let leg = legDeclarations[name.name] else {
            reportUndefined("leg", name, candidates: Array(legDeclarations.keys))
            return nil
        }
        guard let role = leg.role else { return nil }
        guard role == .dialed else {
            diagnostics.append(.dialOfNonDialedLeg(name, role: role, declaredAt: leg.name.span))
            return nil
        }
        dialSites[name.name, default: []].append(name)
        return Spanned(name.name, at: name.span)
    }

    private mutating func dialTargets(of syntax: VerbSyntax) -> [DialTarget]? {
        var targets: [DialTarget] = []
        var complete = true
        for argument in syntax.arguments.dropFirst() {
            let kind: DialTarget.Kind? =
                switch argument.label?.name {
                case nil: .number
                case "client": .client
                case "sip": .sip
                default: nil
                }
            guard let kind, case .string(let literal) = argument.value else {
                diagnostics.append(
                    .wrongArgument(
                        after: "dial", expected: "a phone number, 'client \"…\"' or 'sip \"…\"'", found: argument.value))
                complete = false
                continue
            }
            guard !literal.sourceText.isEmpty else {
                complete = false
                continue
            }
            targets.append(DialTarget(kind: kind, address: literal.value, span: argument.span))
        }
        return complete ? targets : nil
    }

    // MARK: - Continuations

    /// Resolves `then -> step`, `then hangup` and `go -> step` against the steps of the leg.
    mutating func resolveContinuation(_ syntax: VerbSyntax, place: VerbPlace) -> ResolvedContinuation {
        guard let continuation = syntax.continuation else { return .absent }
        switch continuation.target {
        case .missing:
            return .failed
        case .hangup:
            return .resolved(Spanned(.hangup, at: continuation.span))
        case .step(let name):
            guard case .step(let leg, let steps) = place, !name.isMissing else { return .failed }
            guard steps.contains(name.name) else {
                diagnostics.append(.undefined("step", name, in: "in leg '\(leg)'", candidates: steps.ordered))
                return .failed
            }
            return .resolved(Spanned(.step(StepID(leg: leg, step: name.name)), at: continuation.span))
        }
    }
}

extension ResolvedContinuation {
    /// `.some(nil)` when absent, `.some(continuation)` when resolved, `nil` when it failed.
    var optional: Spanned<Continuation>?? {
        switch self {
        case .absent: .some(nil)
        case .resolved(let continuation): .some(continuation)
        case .failed: nil
        }
    }
}

/// A leg's step names: in source order for suggestions, and as a set so that every `then -> step` looks its
/// target up in constant time (a leg of 10,000 steps must not resolve in quadratic time).
struct StepNames {
    private(set) var ordered: [String] = []
    private var members: Set<String> = []

    mutating func insert(_ name: String) {
        if members.insert(name).inserted { ordered.append(name) }
    }

    func contains(_ name: String) -> Bool { members.contains(name) }
}
