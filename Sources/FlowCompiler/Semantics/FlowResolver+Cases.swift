import FlowDiagnostics

/// What a branching verb reports, which decides the parameter its case lines compare and the values
/// they may name (Docs/Twilio.md#request-parameters).
enum CaseSource {
    /// A gather: `Digits` (the keys, never the finishing key, at most `numDigits`), or with `on speech`
    /// `SpeechResult`, depending on what it listens for.
    case gather(input: GatherInput, numDigits: Int?, finishOnKey: String)
    /// A record: `Digits`, the one key of `finishOnKey` that ended it, or `hangup`.
    case record(finishOnKey: String)
    /// A dial of numbers, clients, SIP addresses or a queue: `DialCallStatus`.
    case dial
    /// An enqueue: `QueueResult`.
    case enqueue

    /// The vocabulary of the parameter, for parameters with a fixed set of words.
    var vocabulary: CaseVocabulary? {
        switch self {
        case .dial: .dialCallStatus
        case .enqueue: .queueResult
        case .gather, .record: nil
        }
    }

    var keyword: String {
        switch self {
        case .gather: "gather"
        case .record: "record"
        case .dial: "dial"
        case .enqueue: "enqueue"
        }
    }
}

extension FlowResolver {
    /// The case lines among `items`, resolved against what `source` reports. Values Twilio never sends
    /// (FLOW227) and repeated values (FLOW228) are reported and left out of their case; values nobody
    /// hears (FLOW229) are kept, with a warning. A dial or enqueue without `then` must name every value
    /// sent while the leg listens (FLOW230). Lines that are not cases are reported (FLOW209).
    ///
    /// Returns `nil` when a case cannot be resolved (its step is undefined, or a line did not parse), so
    /// the verb is left out like any verb with an unresolved name.
    mutating func resolveCases(
        _ items: [BlockItem<VerbSyntax>], of verb: VerbSyntax, source: CaseSource, place: VerbPlace
    ) -> [BranchCase]? {
        var cases: [BranchCase] = []
        var complete = true
        var seen: [BranchParameter: [String: SourceSpan]] = [:]
        for item in items {
            guard let line = item.node else {
                complete = false
                continue
            }
            guard line.kind == .on else {
                diagnostics.append(
                    .verbNotAllowed(
                        line, preposition: "under", place: "'\(source.keyword)'", allowed: [.on],
                        help: "only case lines ('on \"VALUE\" -> step') may be indented under '\(source.keyword)'"))
                complete = false
                continue
            }
            guard let target = caseTarget(of: line, place: place) else {
                complete = false
                continue
            }
            let label = line.arguments.first?.label.flatMap { CaseLabel(rawValue: $0.name) }
            if let label, label != .speech {
                diagnostics.append(
                    .caseMisplaced(
                        line, reason: "'on \(label.rawValue)' names the leg's first request, so it belongs directly under the leg"))
                complete = false
                continue
            }
            let speech = label == .speech
            let parameter = Self.parameter(of: source, speech: speech)
            var values: [Spanned<String>] = []
            var matched: [String] = []
            for argument in line.arguments {
                guard case .string(let literal) = argument.value, !literal.sourceText.isEmpty else { continue }
                let value = Spanned(literal.value, at: literal.span)
                guard checkValue(value, speech: speech, source: source, line: line) else { continue }
                let key = parameter == .speechResult ? RouteDispatch.normalizedWords(value.value) : value.value
                if let first = seen[parameter]?[key] {
                    diagnostics.append(.duplicateCase(value, firstAt: first))
                    continue
                }
                seen[parameter, default: [:]][key] = value.span
                values.append(value)
                matched.append(key)
            }
            guard !values.isEmpty else { continue }
            cases.append(
                BranchCase(
                    parameter: parameter, values: values, matchedValues: matched,
                    target: target, span: line.span))
        }
        if let vocabulary = source.vocabulary, verb.continuation == nil, !cases.isEmpty, complete {
            let named = Set(cases.flatMap(\.matchedValues))
            let missing = vocabulary.listening.filter { !named.contains($0) }
            if !missing.isEmpty { diagnostics.append(.missingCases(missing, of: verb)) }
        }
        return complete ? cases : nil
    }

    /// Reports the case lines under a verb that takes none (`join`: a conference dial always ends
    /// `answered`), or a case line outside any verb (FLOW226).
    mutating func reportMisplacedCases(under verb: VerbSyntax) {
        for line in verb.body.compactMap(\.node) {
            if line.kind == .on {
                diagnostics.append(.caseMisplaced(line, under: verb.kind))
            } else {
                diagnostics.append(
                    .verbNotAllowed(
                        line, preposition: "under", place: "'\(verb.kind.rawValue)'", allowed: [],
                        help: "nothing may be indented under '\(verb.kind.rawValue)'"))
            }
        }
    }

    /// The case lines directly under a leg: `on from`, `on to` (entry and outbound legs) and
    /// `on answered_by` (outbound legs, with answering machine detection), each naming a step of the leg.
    /// Reports FLOW226 for a case the leg cannot have, FLOW227 for a value Twilio never sends, FLOW228 for
    /// a repeated one. `nil` when a case could not be resolved.
    mutating func resolveEntryCases(_ lines: [VerbSyntax], role: LegRole?, place: VerbPlace) -> [BranchCase]? {
        var cases: [BranchCase] = []
        var complete = true
        var seen: [BranchParameter: [String: SourceSpan]] = [:]
        var answered: [String] = []
        for line in lines where line.arguments.first?.label?.name == CaseLabel.answeredBy.rawValue {
            for argument in line.arguments { if case .string(let literal) = argument.value { answered.append(literal.value) } }
        }
        let waitsForGreetingEnd = answered.contains { $0.hasPrefix("machine_end_") }
        for line in lines {
            let label = line.arguments.first?.label.flatMap { CaseLabel(rawValue: $0.name) }
            let parameter: BranchParameter
            switch (label, role) {
            case (.from?, .entry?), (.from?, .outbound?): parameter = .from
            case (.to?, .entry?), (.to?, .outbound?): parameter = .to
            case (.answeredBy?, .outbound?): parameter = .answeredBy
            case (.answeredBy?, _):
                diagnostics.append(
                    .caseMisplaced(
                        line, reason: "answering machine detection is requested when the application creates a call, so only an outbound leg has it"))
                complete = false
                continue
            case (.from?, _), (.to?, _):
                diagnostics.append(
                    .caseMisplaced(line, reason: "a dialed leg runs no request of its own that a router could branch"))
                complete = false
                continue
            default:
                diagnostics.append(
                    .caseMisplaced(
                        line, reason: "a case directly under a leg names 'from', 'to' or 'answered_by'; a verb's outcomes are cased under the verb"))
                complete = false
                continue
            }
            guard let target = caseTarget(of: line, place: place) else {
                complete = false
                continue
            }
            var values: [Spanned<String>] = []
            for argument in line.arguments {
                guard case .string(let literal) = argument.value, !literal.sourceText.isEmpty else { continue }
                let value = Spanned(literal.value, at: literal.span)
                guard checkEntryValue(value, parameter: parameter, waitsForGreetingEnd: waitsForGreetingEnd) else {
                    continue
                }
                if let first = seen[parameter]?[value.value] {
                    diagnostics.append(.duplicateCase(value, firstAt: first))
                    continue
                }
                seen[parameter, default: [:]][value.value] = value.span
                values.append(value)
            }
            guard !values.isEmpty else { continue }
            cases.append(
                BranchCase(
                    parameter: parameter, values: values, matchedValues: values.map(\.value),
                    target: target, span: line.span))
        }
        return complete ? cases : nil
    }

    /// Whether a `From`, `To` or `AnsweredBy` value can be sent; reports FLOW227 when it cannot.
    private mutating func checkEntryValue(
        _ value: Spanned<String>, parameter: BranchParameter, waitsForGreetingEnd: Bool
    ) -> Bool {
        let text = value.value
        if parameter == .answeredBy {
            let vocabulary = CaseVocabulary.answeredBy
            guard vocabulary.values.contains(text) else {
                diagnostics.append(
                    .impossibleCase(
                        value, "Twilio's AnsweredBy is one of \(OptionTable.wordList(vocabulary.values, conjunction: "or"))",
                        help: NameSuggestion.help(for: text, among: vocabulary.values)))
                return false
            }
            if text == "machine_start", waitsForGreetingEnd {
                diagnostics.append(
                    .impossibleCase(
                        value, "with a machine_end_… case flowc asks Twilio to wait for the end of the greeting (DetectMessageEnd), and Twilio then reports machine_end_beep, machine_end_silence or machine_end_other, never machine_start"))
                return false
            }
            return true
        }
        if CaseVocabulary.isAddress(text) { return true }
        diagnostics.append(
            .impossibleCase(
                value, "\(parameter.rawValue) is a phone number in E.164 (\"+15551230000\"), \"client:NAME\" or a \"sip:\" address"))
        return false
    }

    /// The step a case line goes to, spanned at its name; `nil` when it is missing or undefined (reported).
    private mutating func caseTarget(of line: VerbSyntax, place: VerbPlace) -> Spanned<StepID>? {
        guard case .resolved(let target) = resolveContinuation(line, place: place), case .step(let id) = target.value,
            case .step(let name)? = line.continuation?.target
        else { return nil }
        return Spanned(id, at: name.span)
    }

    private static func parameter(of source: CaseSource, speech: Bool) -> BranchParameter {
        switch source {
        case .gather: speech ? .speechResult : .digits
        case .record: .digits
        case .dial: .dialCallStatus
        case .enqueue: .queueResult
        }
    }

    /// Whether `value` can be sent for `source`; reports FLOW227 when it cannot, FLOW229 when nobody
    /// hears it (kept: it is harmless, only pointless).
    private mutating func checkValue(
        _ value: Spanned<String>, speech: Bool, source: CaseSource, line: VerbSyntax
    ) -> Bool {
        let text = value.value
        switch source {
        case .gather(let input, let numDigits, let finishOnKey):
            if speech {
                guard !RouteDispatch.normalizedWords(text).isEmpty else {
                    diagnostics.append(.impossibleCase(value, "a speech value needs at least one letter or digit"))
                    return false
                }
                if input == .dtmf {
                    diagnostics.append(
                        .unreachableCase(
                            value, "this gather listens for keys only, so Twilio never sends SpeechResult",
                            help: "add input=dtmf_speech (or input=speech) to the gather"))
                }
                return true
            }
            guard !text.isEmpty, text.allSatisfy(CaseVocabulary.keys.contains) else {
                diagnostics.append(
                    .impossibleCase(
                        value, "Digits holds only the keys 0-9, * and #",
                        help: "for words the caller says, write 'on speech \"\(text)\" -> …'"))
                return false
            }
            if let key = finishOnKey.first, text.contains(key) {
                // Twilio documents the finishing key as what submits the digits before it; that it is never
                // among them is an inference, so this is a warning, not FLOW227 (Docs/Twilio.md#request-parameters).
                diagnostics.append(
                    .unreachableCase(
                        value, "'\(key)' is the gather's finishing key: it submits the digits before it",
                        help: "set finish_on_key=\"\" to collect '\(key)' as a digit"))
                return true
            }
            if let numDigits, text.count > numDigits {
                diagnostics.append(
                    .impossibleCase(
                        value, "the gather stops after num_digits=\(numDigits), so Digits is never \(text.count) keys long"))
                return false
            }
            if input == .speech {
                diagnostics.append(
                    .unreachableCase(
                        value, "this gather listens for speech only, so Twilio never sends Digits",
                        help: "add input=dtmf_speech to the gather, or write 'on speech \"…\"'"))
            }
            return true
        case .record(let finishOnKey):
            if speech {
                diagnostics.append(.impossibleCase(value, "a record does not recognise speech; only a gather does"))
                return false
            }
            if text == CaseVocabulary.recordHangup {
                diagnostics.append(
                    .unreachableCase(value, "a record reports Digits=hangup after the caller hung up: nobody hears what follows"))
                return true
            }
            guard text.count == 1, let key = text.first, finishOnKey.contains(key) else {
                diagnostics.append(
                    .impossibleCase(
                        value, "a record reports the one key that ended it, one of finish_on_key \"\(finishOnKey)\""))
                return false
            }
            return true
        case .dial, .enqueue:
            let vocabulary = source.vocabulary ?? .dialCallStatus
            let parameter = source.keyword == "dial" ? "DialCallStatus" : "QueueResult"
            if speech {
                diagnostics.append(.impossibleCase(value, "only a gather recognises speech; a \(source.keyword) reports \(parameter)"))
                return false
            }
            guard vocabulary.values.contains(text) else {
                diagnostics.append(
                    .impossibleCase(
                        value, "Twilio's \(parameter) is one of \(OptionTable.wordList(vocabulary.values, conjunction: "or"))",
                        help: NameSuggestion.help(for: text, among: vocabulary.values)))
                return false
            }
            if let reason = vocabulary.unheard[text] { diagnostics.append(.unreachableCase(value, reason)) }
            return true
        }
    }
}

extension Diagnostic {
    // MARK: - Case lines (FLOW226–FLOW230)

    static func caseMisplaced(_ line: VerbSyntax, reason: String) -> Diagnostic {
        Diagnostic(
            .caseMisplaced, nil, "this case cannot stand here: \(reason)", at: line.span,
            help: "Grammar.md §7 and §8 say where each kind of case goes")
    }

    static func caseMisplaced(_ line: VerbSyntax, under kind: VerbKind?) -> Diagnostic {
        let place = kind.map { "under '\($0.rawValue)'" } ?? "here"
        let reason =
            kind == .join
            ? ": a conference dial always ends with DialCallStatus 'answered', so there is nothing to branch on"
            : ""
        return Diagnostic(
            .caseMisplaced, nil, "a case line cannot stand \(place)\(reason)", at: line.span,
            help: "indent 'on \"VALUE\" -> step' under the gather, record, dial or enqueue whose outcome it names")
    }

    static func impossibleCase(_ value: Spanned<String>, _ reason: String, help: String? = nil) -> Diagnostic {
        Diagnostic(
            .impossibleCaseValue, nil, "Twilio never sends \"\(value.value)\" here: \(reason)", at: value.span, help: help)
    }

    static func duplicateCase(_ value: Spanned<String>, firstAt first: SourceSpan) -> Diagnostic {
        Diagnostic(
            .duplicateCase, nil, "\"\(value.value)\" is already named by an earlier case, which wins", at: value.span,
            notes: [Note("first named here", at: first)], help: "remove one of the two")
    }

    static func unreachableCase(_ value: Spanned<String>, _ reason: String, help: String? = nil) -> Diagnostic {
        Diagnostic(.unreachableCase, nil, "the case \"\(value.value)\" never steers a live call: \(reason)", at: value.span, help: help)
    }

    static func missingCases(_ missing: [String], of verb: VerbSyntax) -> Diagnostic {
        let list = OptionTable.wordList(missing, conjunction: "and")
        return Diagnostic(
            .missingCase, nil,
            "'\(verb.kind.rawValue)' has cases but no 'then', and no case names \(list)", at: verb.keyword.span,
            help: "add 'then -> step' for the outcomes no case names, or name them in a case")
    }
}
