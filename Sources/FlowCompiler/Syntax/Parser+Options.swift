import FlowDiagnostics

// Options, values and step references: the parts that several constructs share (Grammar.md §5, §9).

extension Parser.State {
    /// `{ option }`, up to the first token that cannot start an option (the end of the line, `then`, or
    /// something the caller reports as unexpected).
    mutating func parseOptions() -> [OptionSyntax] {
        var options: [OptionSyntax] = []
        var progress = ProgressGuard()
        while !lineFailed, at(.identifier), !isKeyword(current, "then"), progress.advanced(position) {
            guard let option = parseOption() else { break }
            options.append(option)
        }
        return options
    }

    /// `option = identifier [ "=" value ] ;` A flag (no `=`) has no value. Which options a construct
    /// takes, and their types, the resolver checks (FLOW205–FLOW208).
    ///
    /// Diagnostics: FLOW109 (`=` without a value); the line fails and `nil` is returned.
    mutating func parseOption() -> OptionSyntax? {
        let name = takeIdentifier()
        guard at(.equals) else { return OptionSyntax(name: name, value: nil, span: name.span) }
        advance()
        guard let value = parseValue() else {
            fail(SyntaxMessage.expectedOptionValue(name.name, found: found, at: foundSpan))
            return nil
        }
        return OptionSyntax(name: name, value: value, span: span(name.span.start, value.span.end))
    }

    /// `value = string | integer | duration | identifier ;` Consumes and returns the value at the cursor,
    /// or returns `nil` (consuming nothing) if there is none, or it is malformed. The word `then` is never
    /// a value: in `timeout= then -> next` the value is missing, not `then`.
    mutating func parseValue() -> Value? {
        let token = current
        guard !lineFailed, !token.isMalformed else { return nil }
        let value: Value
        switch (token.kind, token.value) {
        case (.string, .string(let text)):
            value = .string(StringLiteral(value: text, sourceText: self.text(of: token), span: token.span))
        case (.integer, .integer(let number)):
            value = .integer(IntegerLiteral(value: number, sourceText: self.text(of: token), span: token.span))
        case (.duration, .duration(let seconds)):
            value = .duration(DurationLiteral(seconds: seconds, sourceText: self.text(of: token), span: token.span))
        case (.identifier, _) where !isKeyword(token, "then"):
            return .identifier(takeIdentifier())
        default:
            return nil
        }
        advance()
        return value
    }

    /// `step-ref = identifier [ "." identifier ] ;` (Grammar.md §9): a step, or `leg.step`.
    ///
    /// Diagnostics: FLOW105 (a name missing).
    mutating func parseStepReference(after previous: String) -> StepReference {
        let first = expectName("a step name", after: previous)
        guard !lineFailed, at(.dot) else { return StepReference(leg: nil, step: first, span: first.span) }
        advance()
        let step = expectName("a step name", after: "\(first.name).")
        return StepReference(leg: first, step: step, span: span(first.span.start, lastTokenEnd))
    }
}
