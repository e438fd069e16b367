import FlowDiagnostics

/// A value that passed `OptionTable`'s checks.
enum OptionValue: Sendable, Hashable {
    case flag(Bool)
    case integer(Int)
    /// A duration, in whole seconds.
    case seconds(Int)
    case string(String)
    case word(String)
}

/// The checked options of one construct, by name, each with the span of the option as written.
/// Only options that passed every check are here, so typed accessors never see a bad value.
struct ResolvedOptions {
    var values: [String: Spanned<OptionValue>] = [:]

    func flag(_ name: String) -> Spanned<Bool>? {
        guard let option = values[name], case .flag(let value) = option.value else { return nil }
        return Spanned(value, at: option.span)
    }

    /// An integer or a duration's seconds.
    func integer(_ name: String) -> Spanned<Int>? {
        guard let option = values[name] else { return nil }
        switch option.value {
        case .integer(let value), .seconds(let value): return Spanned(value, at: option.span)
        case .flag, .string, .word: return nil
        }
    }

    /// A string, or a word of a word set.
    func string(_ name: String) -> Spanned<String>? {
        guard let option = values[name] else { return nil }
        switch option.value {
        case .string(let value), .word(let value): return Spanned(value, at: option.span)
        case .flag, .integer, .seconds: return nil
        }
    }

    func word<Word: RawRepresentable<String> & Sendable & Hashable>(_ name: String, as _: Word.Type) -> Spanned<Word>? {
        guard let text = string(name), let word = Word(rawValue: text.value) else { return nil }
        return Spanned(word, at: text.span)
    }

    var dialOptions: DialOptions {
        DialOptions(
            timeout: integer("timeout"), timeLimit: integer("time_limit"), callerID: string("caller_id"),
            hangupOnStar: flag("hangup_on_star"), answerOnBridge: flag("answer_on_bridge"), record: string("record"),
            ringTone: string("ring_tone"))
    }
}

/// Checks options against `OptionTable`: unknown names (FLOW205), repeats (FLOW208), value types
/// (FLOW206), durations without a unit (FLOW204), ranges and word sets (FLOW207).
enum OptionChecker {
    static func check(
        _ options: [OptionSyntax], of construct: OptionConstruct, diagnostics: inout [Diagnostic]
    ) -> ResolvedOptions {
        var resolved = ResolvedOptions()
        var firstSpans: [String: SourceSpan] = [:]
        for option in options where !option.name.isMissing {
            let name = option.name.name
            guard let spec = OptionTable.spec(name, of: construct) else {
                diagnostics.append(.unknownOption(option.name, of: construct))
                continue
            }
            if let first = firstSpans[name] {
                diagnostics.append(.duplicateOption(option.name, firstAt: first))
                continue
            }
            firstSpans[name] = option.name.span
            if let value = checkValue(option, spec: spec, diagnostics: &diagnostics) {
                resolved.values[name] = Spanned(value, at: option.span)
            }
        }
        return resolved
    }

    private static func checkValue(
        _ option: OptionSyntax, spec: OptionSpec, diagnostics: inout [Diagnostic]
    ) -> OptionValue? {
        let name = spec.name
        func wrongType(help: String? = nil) -> OptionValue? {
            diagnostics.append(.wrongOptionType(option, expected: spec.type.article, help: help))
            return nil
        }
        func outOfRange(_ expectation: String, help: String? = nil) -> OptionValue? {
            diagnostics.append(.optionOutOfRange(option, expectation: expectation, help: help))
            return nil
        }
        switch (spec.type, option.value) {
        case (.flag, nil):
            return .flag(true)
        case (.flag, .identifier(let word)) where word.name == "true" || word.name == "false":
            return .flag(word.name == "true")
        case (.integer(let range), .integer(let literal)):
            guard range.contains(literal.value) else {
                return outOfRange("'\(name)' between \(range.lowerBound) and \(range.upperBound)")
            }
            return .integer(literal.value)
        case (.integer, .duration):
            return wrongType(help: "'\(name)' is a count, written without a unit")
        case (.duration(let range), .duration(let literal)), (.durationOrWord(let range, _), .duration(let literal)):
            guard range.contains(literal.seconds) else {
                return outOfRange(
                    "'\(name)' between \(OptionTable.durationText(range.lowerBound)) and "
                        + OptionTable.durationText(range.upperBound))
            }
            return .seconds(literal.seconds)
        case (.duration, .integer(let literal)), (.durationOrWord, .integer(let literal)):
            diagnostics.append(.durationWithoutUnit(literal))
            return nil
        case (.durationOrWord(_, let words), .identifier(let word)), (.word(let words), .identifier(let word)):
            guard words.contains(word.name) else {
                return outOfRange(
                    "'\(name)' to be \(OptionTable.wordList(words, conjunction: "or"))",
                    help: NameSuggestion.help(for: word.name, among: words))
            }
            return .word(word.name)
        case (.word(let words), .string(let literal)) where words.contains(literal.value):
            return wrongType(help: "write it without quotes: \(name)=\(literal.value)")
        case (.string(let rule), .string(let literal)):
            if let problem = stringProblem(literal.value, rule: rule, name: name) { return outOfRange(problem) }
            return .string(literal.value)
        case (.string, .identifier(let word)):
            return wrongType(help: "put the text in quotes: \(name)=\"\(word.name)\"")
        case (.stringChoice(let values), .string(let literal)):
            guard values.contains(literal.value) else {
                return outOfRange(
                    "'\(name)' to be one of Twilio's values", help: NameSuggestion.help(for: literal.value, among: values)
                        ?? "one of \(OptionTable.wordList(values, conjunction: "or"))")
            }
            return .string(literal.value)
        default:
            return wrongType()
        }
    }

    /// The range expectation a string breaks ("'label' of at most 128 characters"), or `nil`.
    static func stringProblem(_ text: String, rule: StringRule, name: String) -> String? {
        if text.count < rule.minLength { return "a non-empty '\(name)'" }
        if let maximum = rule.maxLength, text.count > maximum {
            return "'\(name)' of at most \(maximum) character\(maximum == 1 ? "" : "s")"
        }
        if let allowed = rule.allowedCharacters, !text.allSatisfy(allowed.contains) {
            return "'\(name)' made of \(rule.allowedDescription ?? allowed)"
        }
        if let forbidden = text.first(where: rule.forbiddenCharacters.contains) {
            return "'\(name)' without '\(forbidden)'"
        }
        return nil
    }
}
