import FlowCompiler
import FlowDiagnostics
import Testing

/// Each production of Grammar.md read from valid input: the tree it builds, and its spans.
@Suite struct ParserTests {
    /// Parses `text`, requiring that it has no diagnostic.
    private func parse(_ text: String) throws -> FileSyntax {
        let result = SyntaxTesting.parse(text)
        #expect(result.diagnostics.isEmpty, "\(SyntaxTesting.summary(result.diagnostics)) \(result.diagnostics.map(\.message))")
        return result.syntax
    }

    /// The members of the only flow of `text`, which is indented under `flow f`.
    private func members(_ text: String) throws -> [FlowMember] {
        let syntax = try parse("flow f\n" + text)
        let flow = try #require(syntax.flows.first?.node)
        return flow.members.compactMap(\.node)
    }

    /// The verbs of step `s` of leg `l`, written one per line in `lines`.
    private func verbs(_ lines: String...) throws -> [VerbSyntax] {
        let text = "flow f\n  leg l entry\n    step s\n" + lines.map { "      \($0)\n" }.joined()
        let syntax = try parse(text)
        guard case .leg(let leg)? = syntax.flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node
        else {
            Issue.record("no step in \(text)")
            return []
        }
        return step.verbs.compactMap(\.node)
    }

    private func source(_ span: SourceSpan, _ text: String) -> String { SyntaxTesting.text(span, in: text) }

    // MARK: - Files and flows

    @Test func emptyFile() throws {
        let syntax = try parse("")
        #expect(syntax.flows.isEmpty && syntax.trailingComments.isEmpty)
        #expect(syntax.path == "test.flow")
    }

    @Test func fileOfOnlyACommentKeepsIt() throws {
        let syntax = try parse("# nothing here yet\n")
        #expect(syntax.flows.isEmpty)
        #expect(syntax.trailingComments.map(\.text) == [" nothing here yet"])
    }

    @Test func severalFlows() throws {
        let text = "flow a\n  voice \"x\"\nflow b\n  language \"fr-FR\"\n"
        let syntax = try parse(text)
        let names = syntax.flows.compactMap(\.node).map(\.name.name)
        #expect(names == ["a", "b"])
        let b = try #require(syntax.flows.last?.node)
        #expect(source(b.span, text) == "flow b")
        #expect(source(b.name.span, text) == "b")
    }

    // MARK: - Trivia

    @Test func commentsAndBlankLinesAreKeptAtTheirLines() throws {
        let text = """
            # file header

            flow f   # the flow

              # about the voice
              voice "x"

              # one
            
              # two
              language "en"
            # at the end

            """
        let syntax = try parse(text)
        let flow = try #require(syntax.flows.first?.node)
        #expect(flow.trivia.leadingComments.map(\.text) == [" file header"])
        #expect(flow.trivia.blankLineBefore)
        #expect(flow.trivia.trailingComment?.text == " the flow")
        #expect(flow.trivia.trailingComment.map { source($0.span, text) } == "# the flow")
        guard case .setting(let voice)? = flow.members.first?.node,
            case .setting(let language)? = flow.members.last?.node
        else {
            Issue.record("settings expected")
            return
        }
        #expect(voice.trivia.leadingComments.map(\.text) == [" about the voice"])
        #expect(voice.trivia.leadingComments.first?.blankLineBefore == true)
        #expect(!voice.trivia.blankLineBefore)
        #expect(language.trivia.leadingComments.map(\.text) == [" one", " two"])
        #expect(language.trivia.leadingComments.map(\.blankLineBefore) == [true, true])
        #expect(!language.trivia.blankLineBefore)
        #expect(syntax.trailingComments.map(\.text) == [" at the end"])
    }

    @Test func blankLineBeforeALineWithoutComments() throws {
        let members = try members("  voice \"a\"\n\n  language \"b\"\n")
        guard case .setting(let first) = members[0], case .setting(let second) = members[1] else {
            Issue.record("settings expected")
            return
        }
        #expect(!first.trivia.blankLineBefore)
        #expect(second.trivia.blankLineBefore)
    }

    @Test func commentsBeforeADedentBelongToTheNextLine() throws {
        let text = "flow f\n  leg a entry\n    step s\n      hangup\n  # about b\n  leg b dialed\n"
        let flow = try #require(try parse(text).flows.first?.node)
        guard case .leg(let b)? = flow.members.last?.node else {
            Issue.record("leg expected")
            return
        }
        #expect(b.trivia.leadingComments.map(\.text) == [" about b"])
    }

    // MARK: - Settings and audio

    @Test func settings() throws {
        let text = "  serve at \"https://x.example.com/f\"\n  voice \"Polly.Joanna\"\n  language \"en-US\"\n"
        let settings = try members(text).compactMap { member -> SettingSyntax? in
            if case .setting(let setting) = member { return setting }
            return nil
        }
        #expect(settings.map(\.kind) == [.serve, .voice, .language])
        #expect(settings.map { $0.value?.value } == ["https://x.example.com/f", "Polly.Joanna", "en-US"])
        #expect(settings.map(\.keyword.name) == ["serve", "voice", "language"])
        let full = "flow f\n" + text
        #expect(source(settings[0].span, full) == "serve at \"https://x.example.com/f\"")
        #expect(settings[0].value.map { source($0.span, full) } == "\"https://x.example.com/f\"")
    }

    @Test func audio() throws {
        let text = "  audio music = \"https://cdn.example.com/a.mp3\" # hold music\n"
        guard case .audio(let audio)? = try members(text).first else {
            Issue.record("audio expected")
            return
        }
        #expect(audio.name.name == "music")
        #expect(audio.url?.value == "https://cdn.example.com/a.mp3")
        #expect(source(audio.span, "flow f\n" + text) == "audio music = \"https://cdn.example.com/a.mp3\"")
        #expect(audio.trivia.trailingComment?.text == " hold music")
    }

    // MARK: - Queues, rooms and documents

    @Test func queueWithOptionsAndDocuments() throws {
        let text = """
              queue support name="support" max_size=50
                wait
                  say "Busy."
                  play music
                whisper music

            """
        guard case .resource(let queue)? = try members(text).first else {
            Issue.record("queue expected")
            return
        }
        #expect(queue.kind == .queue && queue.name.name == "support")
        #expect(queue.options.map(\.name.name) == ["name", "max_size"])
        #expect(queue.options.first?.value == .string(StringLiteral(value: "support", sourceText: "\"support\"", span: queue.options[0].value!.span)))
        guard case .integer(let size)? = queue.options.last?.value else {
            Issue.record("integer expected")
            return
        }
        #expect(size.value == 50 && size.sourceText == "50")
        let documents = queue.documents.compactMap(\.node)
        #expect(documents.map(\.kind) == [.wait, .whisper])
        #expect(documents[0].asset == nil && documents[0].verbs.compactMap(\.node).map(\.kind) == [.say, .play])
        #expect(documents[1].asset?.name == "music" && documents[1].verbs.isEmpty)
        #expect(source(queue.span, "flow f\n" + text) == "queue support name=\"support\" max_size=50")
    }

    @Test func roomWithFlagAndOneLineDocuments() throws {
        guard case .resource(let room)? = try members("  room desk shared max_participants=10\n    wait music\n    hold music\n").first
        else {
            Issue.record("room expected")
            return
        }
        #expect(room.kind == .room && room.name.name == "desk")
        #expect(room.options.first?.name.name == "shared" && room.options.first?.value == nil)
        #expect(room.documents.compactMap(\.node).map(\.kind) == [.wait, .hold])
        #expect(room.documents.compactMap(\.node).map { $0.asset?.name } == ["music", "music"])
    }

    @Test func resourceWithoutDocuments() throws {
        guard case .resource(let queue)? = try members("  queue parked\n").first else {
            Issue.record("queue expected")
            return
        }
        #expect(queue.documents.isEmpty && queue.options.isEmpty)
    }

    // MARK: - Legs and steps

    @Test func legsWithRolesStepsAndWhisper() throws {
        let text = """
              leg caller entry
                step start
                  hangup
              leg agent dialed
                whisper
                  say "Call."
                step held
                  hangup
              leg boss outbound

            """
        let legs = try members(text).compactMap { member -> LegSyntax? in
            if case .leg(let leg) = member { return leg }
            return nil
        }
        #expect(legs.map(\.name.name) == ["caller", "agent", "boss"])
        #expect(legs.map(\.role) == [.entry, .dialed, .outbound])
        #expect(legs.map(\.roleKeyword.name) == ["entry", "dialed", "outbound"])
        #expect(legs[2].members.isEmpty)
        guard case .document(let whisper)? = legs[1].members.first?.node,
            case .step(let held)? = legs[1].members.last?.node
        else {
            Issue.record("whisper and step expected")
            return
        }
        #expect(whisper.kind == .whisper && whisper.keyword.name == "whisper")
        #expect(held.name.name == "held" && held.verbs.count == 1)
        #expect(source(legs[0].span, "flow f\n" + text) == "leg caller entry")
    }

    @Test func stepSpanIsItsHeader() throws {
        let text = "flow f\n  leg l entry\n    step start # first\n      hangup\n"
        guard case .leg(let leg)? = try parse(text).flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node
        else {
            Issue.record("step expected")
            return
        }
        #expect(source(step.span, text) == "step start")
        #expect(step.trivia.trailingComment?.text == " first")
    }

    @Test func keywordsAreNotReserved() throws {
        let text = "flow flow\n  leg step entry\n    step say\n      go -> say\n    step hangup\n      hangup\n"
        let syntax = try parse(text)
        let flow = try #require(syntax.flows.first?.node)
        #expect(flow.name.name == "flow")
        guard case .leg(let leg)? = flow.members.first?.node else {
            Issue.record("leg expected")
            return
        }
        #expect(leg.name.name == "step")
        #expect(leg.members.compactMap { member -> String? in
            if case .step(let step) = member.node { return step.name.name }
            return nil
        } == ["say", "hangup"])
    }

    // MARK: - Verbs

    @Test func say() throws {
        let verb = try #require(try verbs("say \"Hello.\" voice=\"Polly.Celine\" language=\"fr-FR\" loop=2").first)
        #expect(verb.kind == .say && verb.keyword.name == "say")
        #expect(verb.arguments.count == 1 && verb.arguments[0].label == nil)
        guard case .string(let text) = verb.arguments[0].value else {
            Issue.record("string expected")
            return
        }
        #expect(text.value == "Hello." && text.sourceText == "\"Hello.\"")
        #expect(verb.options.map(\.name.name) == ["voice", "language", "loop"])
        #expect(verb.continuation == nil && verb.body.isEmpty)
    }

    @Test func stringsKeepTheirSourceText() throws {
        let verb = try #require(try verbs("say \"caf\\u{e9} \\\"ok\\\"\"").first)
        guard case .string(let text) = verb.arguments.first?.value else {
            Issue.record("string expected")
            return
        }
        #expect(text.value == "café \"ok\"")
        #expect(text.sourceText == "\"caf\\u{e9} \\\"ok\\\"\"")
    }

    @Test func playAnAssetOrAURL() throws {
        let played = try verbs("play music loop=0", "play \"https://x.example.com/a.mp3\"", "play \"\" digits=\"1w2\"")
        #expect(played.map(\.kind) == [.play, .play, .play])
        guard case .identifier(let asset) = played[0].arguments.first?.value,
            case .string(let url) = played[1].arguments.first?.value
        else {
            Issue.record("asset and URL expected")
            return
        }
        #expect(asset.name == "music" && url.value == "https://x.example.com/a.mp3")
        #expect(played[2].options.first?.name.name == "digits")
    }

    @Test func pauseTakesADurationOrAnIntegerForTheResolverToReport() throws {
        let paused = try verbs("pause 2m", "pause 5")
        guard case .duration(let length) = paused[0].arguments.first?.value,
            case .integer(let bare) = paused[1].arguments.first?.value
        else {
            Issue.record("duration and integer expected")
            return
        }
        #expect(length.seconds == 120 && length.sourceText == "2m")
        #expect(bare.value == 5)
    }

    @Test func gatherWithOptionsContinuationAndNestedVerbs() throws {
        let text = """
            flow f
              leg l entry
                step s
                  gather input=dtmf_speech num_digits=1 timeout=5s speech_timeout=auto then -> next # ask
                    say "Press a key."
                    pause 1s
                    play music
                  hangup
            """
        let syntax = try parse(text)
        guard case .leg(let leg)? = syntax.flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node,
            let gather = step.verbs.first?.node
        else {
            Issue.record("gather expected")
            return
        }
        #expect(gather.kind == .gather && gather.arguments.isEmpty)
        #expect(gather.options.map(\.name.name) == ["input", "num_digits", "timeout", "speech_timeout"])
        #expect(gather.options.last?.value == .identifier(Identifier(name: "auto", span: gather.options[3].value!.span)))
        #expect(gather.body.compactMap(\.node).map(\.kind) == [.say, .pause, .play])
        #expect(source(gather.span, text) == "gather input=dtmf_speech num_digits=1 timeout=5s speech_timeout=auto then -> next")
        let continuation = try #require(gather.continuation)
        #expect(continuation.thenKeyword?.name == "then")
        #expect(source(continuation.span, text) == "then -> next")
        guard case .step(let next) = continuation.target else {
            Issue.record("step target expected")
            return
        }
        #expect(next.name == "next")
        #expect(gather.trivia.trailingComment?.text == " ask")
        #expect(step.verbs.last?.node?.kind == .hangup)
    }

    @Test func gatherNestsAnyVerbForTheResolverToCheck() throws {
        let text = "flow f\n  leg l entry\n    step s\n      gather then hangup\n        hangup\n"
        guard case .leg(let leg)? = try parse(text).flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node
        else {
            Issue.record("step expected")
            return
        }
        #expect(step.verbs.first?.node?.body.compactMap(\.node).map(\.kind) == [.hangup])
    }

    @Test func recordWithHangupContinuation() throws {
        let verb = try #require(try verbs("record max_length=2m play_beep then hangup").first)
        #expect(verb.kind == .record)
        #expect(verb.options.map(\.name.name) == ["max_length", "play_beep"])
        guard case .hangup(let word)? = verb.continuation?.target else {
            Issue.record("hangup target expected")
            return
        }
        #expect(word.name == "hangup")
    }

    @Test func dialALegWithTargetsOptionsAndContinuation() throws {
        let line = "dial agent \"+15551230000\" client \"alice\" sip \"sip:a@example.com\" timeout=30s answer_on_bridge then -> after"
        let verb = try #require(try verbs(line).first)
        #expect(verb.kind == .dial)
        #expect(verb.arguments.map { $0.label?.name } == [nil, nil, "client", "sip"])
        guard case .identifier(let leg) = verb.arguments[0].value, case .string(let number) = verb.arguments[1].value,
            case .string(let client) = verb.arguments[2].value
        else {
            Issue.record("leg and targets expected")
            return
        }
        #expect(leg.name == "agent" && number.value == "+15551230000" && client.value == "alice")
        #expect(verb.options.map(\.name.name) == ["timeout", "answer_on_bridge"])
        let full = "flow f\n  leg l entry\n    step s\n      \(line)\n"
        #expect(source(verb.arguments[2].span, full) == "client \"alice\"")
        #expect(source(verb.span, full) == line)
    }

    @Test func dialAQueue() throws {
        let verb = try #require(try verbs("dial queue parked then -> done").first)
        #expect(verb.arguments.count == 1)
        #expect(verb.arguments[0].label?.name == "queue")
        #expect(verb.arguments[0].value == .identifier(Identifier(name: "parked", span: verb.arguments[0].value.span)))
    }

    @Test func dialWithoutContinuation() throws {
        let verb = try #require(try verbs("dial agent \"+15551230000\"", "hangup").first)
        #expect(verb.continuation == nil && verb.arguments.count == 2)
    }

    @Test func joinEnqueueAndLeave() throws {
        let list = try verbs("join desk start_on_enter end_on_exit=false beep=onEnter then -> bye", "enqueue support", "leave")
        #expect(list.map(\.kind) == [.join, .enqueue, .leave])
        #expect(list[0].arguments.first?.value == .identifier(Identifier(name: "desk", span: list[0].arguments[0].value.span)))
        #expect(list[0].options.map(\.name.name) == ["start_on_enter", "end_on_exit", "beep"])
        #expect(list[0].continuation != nil)
        #expect(list[1].continuation == nil && list[1].arguments.count == 1)
        #expect(list[2].arguments.isEmpty && list[2].options.isEmpty)
    }

    @Test func goHangupAndReject() throws {
        let text = "go -> start"
        let list = try verbs("reject busy", text, "hangup")
        #expect(list.map(\.kind) == [.reject, .go, .hangup])
        #expect(list[0].options.map(\.name.name) == ["busy"])
        let go = list[1]
        #expect(go.arguments.isEmpty)
        #expect(go.continuation?.thenKeyword == nil)
        guard case .step(let start)? = go.continuation?.target else {
            Issue.record("step target expected")
            return
        }
        #expect(start.name == "start")
        let full = "flow f\n  leg l entry\n    step s\n      reject busy\n      \(text)\n      hangup\n"
        #expect(go.continuation.map { source($0.span, full) } == "-> start")
    }

    @Test func verbSpanExcludesItsComment() throws {
        let text = "flow f\n  leg l entry\n    step s\n      hangup   # done\n"
        guard case .leg(let leg)? = try parse(text).flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node, let verb = step.verbs.first?.node
        else {
            Issue.record("verb expected")
            return
        }
        #expect(source(verb.span, text) == "hangup")
        #expect(source(verb.keyword.span, text) == "hangup")
    }

    // MARK: - Options and values

    @Test func optionValuesOfEveryKind() throws {
        let verb = try #require(try verbs("gather finish_on_key=\"#\" num_digits=007 timeout=1h input=speech hints then hangup").first)
        let values = verb.options.map(\.value)
        guard case .string(let key)? = values[0], case .integer(let digits)? = values[1],
            case .duration(let timeout)? = values[2], case .identifier(let input)? = values[3]
        else {
            Issue.record("one value of each kind expected")
            return
        }
        #expect(key.value == "#" && digits.value == 7 && digits.sourceText == "007")
        #expect(timeout.seconds == 3600 && input.name == "speech")
        #expect(values[4] == nil)
        let line = "gather finish_on_key=\"#\" num_digits=007 timeout=1h input=speech hints then hangup"
        let full = "flow f\n  leg l entry\n    step s\n      \(line)\n"
        #expect(source(verb.options[1].span, full) == "num_digits=007")
        #expect(source(verb.options[4].span, full) == "hints")
    }

    @Test func spacesAroundEqualsAreAllowed() throws {
        let verb = try #require(try verbs("say \"a\" loop = 2").first)
        #expect(verb.options.first?.name.name == "loop")
    }

    // MARK: - Operations

    @Test func operations() throws {
        let text = """
              operation hold caller in desk
              operation unhold caller -> back
              operation reconnect agent -> customer.pickup during waiting, customer.held
              operation move caller -> start

            """
        let operations = try members(text).compactMap { member -> OperationSyntax? in
            if case .operation(let operation) = member { return operation }
            return nil
        }
        #expect(operations.map(\.kind) == [.hold, .unhold, .reconnect, .move])
        #expect(operations.map(\.leg.name) == ["caller", "caller", "agent", "caller"])
        guard case .room(let inKeyword, let room) = operations[0].target,
            case .step(let reference) = operations[2].target
        else {
            Issue.record("room and step targets expected")
            return
        }
        #expect(inKeyword.name == "in" && room.name == "desk")
        #expect(reference.leg?.name == "customer" && reference.step.name == "pickup")
        #expect(operations[2].during.map { $0.leg?.name } == [nil, "customer"])
        #expect(operations[2].during.map(\.step.name) == ["waiting", "held"])
        let full = "flow f\n" + text
        #expect(source(reference.span, full) == "customer.pickup")
        #expect(source(operations[2].span, full) == "operation reconnect agent -> customer.pickup during waiting, customer.held")
        #expect(operations[0].kindKeyword.name == "hold")
    }
}
