import FlowDiagnostics

// Operations: what the application does to live calls through the REST API (Grammar.md §9).

extension Parser.State {
    /// `operation = "operation" operation-kind identifier operation-target
    ///              [ "during" step-ref { "," step-ref } ] newline ;`
    ///
    /// Diagnostics: FLOW113 (no kind, or an unknown one, with "did you mean"), FLOW105 (no leg, room or
    /// step name), FLOW107 (neither `in` nor `->`), FLOW108.
    mutating func parseOperation(trivia: Trivia) -> OperationSyntax {
        let keyword = takeIdentifier()
        let (kind, kindKeyword) = parseOperationKind()
        let leg = expectName("a leg name", after: words(keyword, kindKeyword))
        let target = parseOperationTarget(after: leg)
        var during: [StepReference] = []
        if !lineFailed, isKeyword(current, "during") {
            advance()
            during.append(parseStepReference(after: "during"))
            var progress = ProgressGuard()
            while !lineFailed, at(.comma), progress.advanced(position) {
                advance()
                during.append(parseStepReference(after: ","))
            }
        }
        let end = lastTokenEnd
        finishLine(after: keyword, expected: during.isEmpty ? "'during' or the end of the line" : "',' or the end of the line")
        return OperationSyntax(
            trivia: trivia, kind: kind, kindKeyword: kindKeyword, leg: leg, target: target, during: during,
            span: span(keyword.span.start, end))
    }

    /// `operation-kind = "hold" | "unhold" | "reconnect" | "move" ;` The kind is `nil` when the word is
    /// missing or unknown; `kindKeyword` is the word as written (missing if there is none).
    mutating func parseOperationKind() -> (OperationKind?, Identifier) {
        let word = readWord()
        if let word, let kind = OperationKind(rawValue: word.name) { return (kind, word) }
        if !lineFailed {
            fail(
                SyntaxMessage.unknownWord(
                    word?.name, code: .unknownOperationKind, what: "an operation kind", after: "operation", found: found,
                    choices: OperationKind.allCases.map(\.rawValue), at: word?.span ?? foundSpan))
        }
        return (nil, word ?? Identifier(name: "", span: missingSpan))
    }

    /// `operation-target = "in" identifier | "->" step-ref ;`
    ///
    /// Diagnostics: FLOW107 (neither), FLOW105 (no room or step name).
    mutating func parseOperationTarget(after leg: Identifier) -> OperationSyntax.Target {
        guard !lineFailed else { return .missing }
        if isKeyword(current, "in") {
            let inKeyword = takeIdentifier()
            return .room(inKeyword: inKeyword, room: expectName("a room name", after: "in"))
        }
        if at(.arrow) {
            advance()
            return .step(parseStepReference(after: "->"))
        }
        fail(
            SyntaxMessage.expected(
                "'in ROOM' or '-> STEP'", code: .expectedToken, after: leg.name, found: found, at: foundSpan,
                help: "'in ROOM' holds the leg in a conference room; '-> STEP' moves it to a step"))
        return .missing
    }
}
