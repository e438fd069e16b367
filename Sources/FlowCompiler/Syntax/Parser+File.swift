import FlowDiagnostics

extension Parser.State {
    /// `file = { flow } ;` (Grammar.md §2). Comments after the last line of code are the file's
    /// `trailingComments`.
    mutating func parseFile() -> FileSyntax {
        var flows: [BlockItem<FlowSyntax>] = []
        var progress = ProgressGuard()
        while current.kind != .endOfFile, progress.advanced(position) {
            flows += parseItems { state, trivia in
                state.isKeyword(state.current, "flow")
                    ? state.parseFlow(trivia: trivia) : state.parseUnreadableLine(in: .file, trivia: trivia)
            }
            // The lexer balances blocks, so no `dedent` closes the top level; consume one all the same.
            if current.kind == .dedent { advance() }
        }
        return FileSyntax(path: file.path, flows: flows, trailingComments: line.trivia.leadingComments)
    }

    /// `flow = "flow" identifier newline indent { flow-member } dedent ;` (Grammar.md §2).
    ///
    /// Diagnostics: FLOW105 (no name), FLOW108 (more after the name), FLOW102 (no indented block).
    mutating func parseFlow(trivia: Trivia) -> BlockItem<FlowSyntax> {
        let keyword = takeIdentifier()
        let name = expectName("a flow name", after: "flow")
        let header = span(keyword.span.start, lastTokenEnd)
        finishLine(after: keyword)
        let members: [BlockItem<FlowMember>]
        if current.kind == .indent {
            members = parseBlock { state, trivia in state.parseFlowMember(trivia: trivia) }
        } else {
            members = missingBlock(
                SyntaxMessage.missingBlock(
                    "flow members", after: words(keyword, name), at: header,
                    help: "a flow holds its legs, steps and settings, indented under it"))
        }
        return .node(FlowSyntax(trivia: trivia, name: name, members: members, span: header))
    }

    /// `flow-member = setting | audio | queue | room | leg | operation ;` (Grammar.md §2).
    ///
    /// Diagnostics: FLOW103 (not a flow member, with "did you mean"), FLOW104 (a keyword of another block).
    mutating func parseFlowMember(trivia: Trivia) -> BlockItem<FlowMember> {
        guard at(.identifier) else { return parseUnreadableLine(in: .flow, trivia: trivia) }
        switch text(of: current) {
        case "serve", "voice", "language": return .node(.setting(parseSetting(trivia: trivia)))
        case "audio": return .node(.audio(parseAudio(trivia: trivia)))
        case "queue": return .node(.resource(parseQueue(trivia: trivia)))
        case "room": return .node(.resource(parseRoom(trivia: trivia)))
        case "leg": return .node(.leg(parseLeg(trivia: trivia)))
        case "operation": return .node(.operation(parseOperation(trivia: trivia)))
        default: return parseUnreadableLine(in: .flow, trivia: trivia)
        }
    }
}
