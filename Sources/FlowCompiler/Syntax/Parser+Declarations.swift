import FlowDiagnostics

// The declarations of a flow: settings, audio assets, queues and rooms with their documents, legs and
// steps (Grammar.md §3, §4, §6, §7, §8). A declaration whose keyword was read is always a node, with
// what it could not read missing, so that its name is still declared.

extension Parser.State {
    // MARK: - Settings (Grammar.md §3)

    /// `setting = serve | voice | language ;`
    mutating func parseSetting(trivia: Trivia) -> SettingSyntax {
        switch text(of: current) {
        case "serve": parseServe(trivia: trivia)
        case "voice": parseVoice(trivia: trivia)
        default: parseLanguage(trivia: trivia)
        }
    }

    /// `serve = "serve" "at" string newline ;`
    ///
    /// Diagnostics: FLOW107 (no `at`, with a fix-it), FLOW106 (no URL string), FLOW108.
    mutating func parseServe(trivia: Trivia) -> SettingSyntax {
        let keyword = takeIdentifier()
        var value: StringLiteral?
        if expectKeyword("at", after: "serve") {
            value = expectString(
                "a URL string", after: "serve at", help: "for example: serve at \"https://twiml.example.com/hello\"")
        }
        let end = lastTokenEnd
        finishLine(after: keyword)
        return SettingSyntax(trivia: trivia, kind: .serve, keyword: keyword, value: value, span: span(keyword.span.start, end))
    }

    /// `voice = "voice" string newline ;`
    ///
    /// Diagnostics: FLOW106 (no string), FLOW108.
    mutating func parseVoice(trivia: Trivia) -> SettingSyntax {
        parseStringSetting(.voice, trivia: trivia, example: "voice \"Polly.Joanna\"")
    }

    /// `language = "language" string newline ;`
    ///
    /// Diagnostics: FLOW106 (no string), FLOW108.
    mutating func parseLanguage(trivia: Trivia) -> SettingSyntax {
        parseStringSetting(.language, trivia: trivia, example: "language \"en-US\"")
    }

    private mutating func parseStringSetting(
        _ kind: SettingSyntax.Kind, trivia: Trivia, example: String
    ) -> SettingSyntax {
        let keyword = takeIdentifier()
        let value = expectString("a string", after: keyword.name, help: "for example: \(example)")
        let end = lastTokenEnd
        finishLine(after: keyword)
        return SettingSyntax(trivia: trivia, kind: kind, keyword: keyword, value: value, span: span(keyword.span.start, end))
    }

    // MARK: - Audio assets (Grammar.md §4)

    /// `audio = "audio" identifier "=" string newline ;`
    ///
    /// Diagnostics: FLOW105 (no name), FLOW107 (no `=`, with a fix-it), FLOW106 (no URL string), FLOW108.
    mutating func parseAudio(trivia: Trivia) -> AudioSyntax {
        let keyword = takeIdentifier()
        let name = expectName("an audio name", after: "audio")
        var url: StringLiteral?
        if expectToken(.equals, "'='", after: words(keyword, name), fixIt: insertion("= ", ifCurrentIs: .string)) {
            url = expectString("a URL string", after: "=")
        }
        let end = lastTokenEnd
        finishLine(after: keyword)
        return AudioSyntax(trivia: trivia, name: name, url: url, span: span(keyword.span.start, end))
    }

    // MARK: - Queues and rooms (Grammar.md §6)

    /// `queue = "queue" identifier { option } newline [ indent { document } dedent ] ;`
    ///
    /// Diagnostics: FLOW105 (no name), FLOW108 and FLOW109 (options); in the block, FLOW103 and FLOW104
    /// for a line that is not a document.
    mutating func parseQueue(trivia: Trivia) -> ResourceSyntax {
        parseResource(.queue, trivia: trivia)
    }

    /// `room = "room" identifier { option } newline [ indent { document } dedent ] ;`
    ///
    /// Diagnostics: as `parseQueue`.
    mutating func parseRoom(trivia: Trivia) -> ResourceSyntax {
        parseResource(.room, trivia: trivia)
    }

    private mutating func parseResource(_ kind: ResourceSyntax.Kind, trivia: Trivia) -> ResourceSyntax {
        let keyword = takeIdentifier()
        let name = expectName("a \(kind.rawValue) name", after: kind.rawValue)
        let options = parseOptions()
        let end = lastTokenEnd
        finishLine(after: keyword, expected: "an option or the end of the line")
        var documents: [BlockItem<DocumentSyntax>] = []
        if current.kind == .indent {
            documents = parseBlock { state, trivia in
                guard state.atDocumentKind else { return state.parseUnreadableLine(in: .resource(kind), trivia: trivia) }
                return .node(state.parseDocument(trivia: trivia))
            }
        }
        return ResourceSyntax(
            trivia: trivia, kind: kind, name: name, options: options, documents: documents,
            span: span(keyword.span.start, end))
    }

    /// `document = document-kind ( identifier newline | newline indent { verb } dedent ) ;` The cursor is
    /// at a document kind (`atDocumentKind`).
    ///
    /// Which kinds a queue, a room or a leg may declare, and which verbs a document may hold, is checked
    /// by the resolver: syntactically every document is a list of verbs.
    ///
    /// Diagnostics: FLOW105 (neither a name nor the end of the line), FLOW102 (no name and no block);
    /// FLOW101 (reported by the enclosing block) for a block under a document that names its audio.
    mutating func parseDocument(trivia: Trivia) -> DocumentSyntax {
        let (kind, keyword) = parseDocumentKind()
        var asset: Identifier?
        if at(.identifier) {
            asset = takeIdentifier()
        } else if !atEndOfLine, !lineFailed {
            fail(
                SyntaxMessage.expected(
                    "an audio name", code: .expectedName, after: keyword.name, found: found, at: foundSpan,
                    help: "a document is either one audio name ('\(keyword.name) music') or an indented block of verbs"))
        }
        let end = lastTokenEnd
        finishLine(after: keyword)
        var verbs: [BlockItem<VerbSyntax>] = []
        if asset == nil {
            if current.kind == .indent {
                verbs = parseBlock { state, trivia in state.parseVerb(in: .document, trivia: trivia) }
            } else {
                verbs = missingBlock(
                    SyntaxMessage.missingBlock(
                        "verbs", after: keyword.name, at: span(keyword.span.start, end),
                        help: "or name an audio asset to play, looped: '\(keyword.name) music'"))
            }
        }
        return DocumentSyntax(
            trivia: trivia, kind: kind, keyword: keyword, asset: asset, verbs: verbs, span: span(keyword.span.start, end))
    }

    /// `document-kind = "wait" | "hold" | "whisper" ;`
    mutating func parseDocumentKind() -> (DocumentKind, Identifier) {
        let kind = DocumentKind(rawValue: text(of: current)) ?? .wait
        return (kind, takeIdentifier())
    }

    /// Whether the cursor is at a document kind, which starts a document line.
    var atDocumentKind: Bool { at(.identifier) && DocumentKind(rawValue: text(of: current)) != nil }

    // MARK: - Legs and steps (Grammar.md §7, §8)

    /// `leg = "leg" identifier leg-role newline [ indent { leg-member } dedent ] ;`
    ///
    /// Diagnostics: FLOW105 (no name), FLOW112 (no role, or an unknown one, with "did you mean"), FLOW108.
    mutating func parseLeg(trivia: Trivia) -> LegSyntax {
        let keyword = takeIdentifier()
        let name = expectName("a leg name", after: "leg")
        let (role, roleKeyword) = parseLegRole(after: words(keyword, name))
        let end = lastTokenEnd
        finishLine(after: keyword)
        var members: [BlockItem<LegMember>] = []
        if current.kind == .indent {
            members = parseBlock { state, trivia in state.parseLegMember(trivia: trivia) }
        }
        return LegSyntax(
            trivia: trivia, name: name, role: role, roleKeyword: roleKeyword, members: members,
            span: span(keyword.span.start, end))
    }

    /// `leg-role = "entry" | "outbound" | "dialed" ;` The role is `nil` when the word is missing or
    /// unknown; `roleKeyword` is the word as written (missing if there is none).
    mutating func parseLegRole(after previous: String) -> (LegRole?, Identifier) {
        let word = readWord()
        if let word, let role = LegRole(rawValue: word.name) { return (role, word) }
        if !lineFailed {
            fail(
                SyntaxMessage.unknownWord(
                    word?.name, code: .unknownLegRole, what: "a leg role", after: previous, found: found,
                    choices: LegRole.allCases.map(\.rawValue), at: word?.span ?? foundSpan))
        }
        return (nil, word ?? Identifier(name: "", span: missingSpan))
    }

    /// `leg-member = step | document | case ;` Only `whisper` documents, on dialed legs, are allowed, and
    /// only `from`, `to` and `answered_by` cases: the resolver checks that.
    ///
    /// Diagnostics: FLOW103, FLOW104 for a line that is neither.
    mutating func parseLegMember(trivia: Trivia) -> BlockItem<LegMember> {
        guard at(.identifier) else { return parseUnreadableLine(in: .leg, trivia: trivia) }
        if isKeyword(current, "step") { return .node(.step(parseStep(trivia: trivia))) }
        if atDocumentKind { return .node(.document(parseDocument(trivia: trivia))) }
        if isKeyword(current, "on") {
            switch parseCase(trivia: trivia) {
            case .node(let line): return .node(.entryCase(line))
            case .error(let line): return .error(line)
            }
        }
        return parseUnreadableLine(in: .leg, trivia: trivia)
    }

    /// `step = "step" identifier newline indent { verb } dedent ;`
    ///
    /// Diagnostics: FLOW105 (no name), FLOW108, FLOW102 (no verbs).
    mutating func parseStep(trivia: Trivia) -> StepSyntax {
        let keyword = takeIdentifier()
        let name = expectName("a step name", after: "step")
        let end = lastTokenEnd
        finishLine(after: keyword)
        let header = span(keyword.span.start, end)
        let verbs: [BlockItem<VerbSyntax>]
        if current.kind == .indent {
            verbs = parseBlock { state, trivia in state.parseVerb(in: .step, trivia: trivia) }
        } else {
            verbs = missingBlock(
                SyntaxMessage.missingBlock(
                    "verbs", after: words(keyword, name), at: header,
                    help: "a step is one TwiML document: indent its verbs under it, ending in 'go', 'hangup', "
                        + "'reject' or a continuation"))
        }
        return StepSyntax(trivia: trivia, name: name, verbs: verbs, span: header)
    }
}
