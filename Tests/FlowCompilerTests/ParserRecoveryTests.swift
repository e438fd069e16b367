import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// The first lines of a file, up to the header of step `s`; the verbs of a test follow.
private let inStep = "flow f\n  leg l entry\n    step s\n"

/// What the parser reports for input that breaks the grammar, what tree it still builds, and that no input
/// at all can make it crash, hang or point outside the file.
@Suite struct ParserRecoveryTests {
    /// One bad line in an otherwise valid file, and the one diagnostic it must produce.
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var expected: String
        var message: String
        var help: String? = nil
        var testDescription: String { expected }
    }

    static let cases: [Case] = [
        Case(
            source: inStep + "      say \"a\"\n        hangup\n      hangup\n", expected: "FLOW101 5:9",
            message: "unexpected indentation", help: "only 'gather' has nested verbs; 'say' takes no indented block"),
        Case(
            source: inStep + "    step t\n      hangup\n", expected: "FLOW102 3:5",
            message: "expected an indented block of verbs after 'step s'"),
        Case(source: "flow f\n", expected: "FLOW102 1:1", message: "expected an indented block of flow members after 'flow f'"),
        Case(
            source: "flow f\n  queue q\n    wait\n    whisper music\n", expected: "FLOW102 3:5",
            message: "expected an indented block of verbs after 'wait'"),
        Case(
            source: inStep + "      sya \"a\"\n      hangup\n", expected: "FLOW103 4:7", message: "unknown verb 'sya'",
            help: "did you mean 'say'?"),
        Case(
            source: "hello\n", expected: "FLOW103 1:1", message: "unknown top-level keyword 'hello'",
            help: "expected 'flow' at the top level of a file"),
        Case(
            source: "flow f\n  \"x\"\n", expected: "FLOW103 2:3",
            message: "expected a flow member ('serve', 'voice', 'language', 'audio', 'queue', 'room', 'leg' or 'operation') in a flow, found string \"x\""),
        Case(source: "flow f\n  lge l entry\n", expected: "FLOW103 2:3", message: "unknown flow member 'lge'", help: "did you mean 'leg'?"),
        Case(
            source: "flow f\n  step s\n    hangup\n", expected: "FLOW104 2:3", message: "'step' cannot appear in a flow",
            help: "a step belongs in a leg"),
        Case(
            source: "flow f\n  leg l entry\n    say \"a\"\n", expected: "FLOW104 3:5", message: "'say' cannot appear in a leg",
            help: "'say' is a verb: it belongs in a step or a document"),
        Case(
            source: inStep + "      wait music\n", expected: "FLOW104 4:7", message: "'wait' cannot appear in a step",
            help: "a 'wait' document belongs in a queue or a room"),
        Case(source: inStep + "      hangup\n    step\n      hangup\n", expected: "FLOW105 5:9", message: "expected a step name after 'step'"),
        Case(
            source: inStep + "      dial \"+15551230000\"\n", expected: "FLOW105 4:12",
            message: "expected the name of the dialed leg after 'dial', found string \"+15551230000\""),
        Case(
            source: "flow f\n  operation hold caller in\n", expected: "FLOW105 2:27",
            message: "expected a room name after 'in'"),
        Case(source: inStep + "      say Welcome\n", expected: "FLOW106 4:11", message: "expected a string after 'say', found 'Welcome'"),
        Case(source: inStep + "      pause soon\n", expected: "FLOW106 4:13", message: "expected a duration after 'pause', found 'soon'"),
        Case(source: inStep + "      dial agent timeout=5s\n", expected: "FLOW106 4:18", message: "expected a dial target after 'dial agent', found 'timeout'"),
        Case(source: inStep + "      go start\n", expected: "FLOW107 4:10", message: "expected '->' after 'go', found 'start'"),
        Case(
            source: "flow f\n  serve \"https://x.example.com\"\n", expected: "FLOW107 2:9",
            message: "expected 'at' after 'serve', found string \"https://x.example.com\""),
        Case(
            source: "flow f\n  audio music \"https://x.example.com/a.mp3\"\n", expected: "FLOW107 2:15",
            message: "expected '=' after 'audio music', found string \"https://x.example.co…"),
        Case(
            source: "flow f\n  operation move caller start\n", expected: "FLOW107 2:25",
            message: "expected 'in ROOM' or '-> STEP' after 'caller', found 'start'"),
        Case(source: inStep + "      hangup now\n", expected: "FLOW108 4:14", message: "expected the end of the line, found 'now'"),
        Case(
            source: inStep + "      say \"a\" \"b\"\n", expected: "FLOW108 4:15",
            message: "expected an option or the end of the line, found string \"b\""),
        Case(source: inStep + "      say \"x\" voice=\n", expected: "FLOW109 4:21", message: "expected a value after 'voice='"),
        Case(
            source: inStep + "      gather timeout= then -> s\n", expected: "FLOW109 4:23",
            message: "expected a value after 'timeout=', found 'then'"),
        Case(source: inStep + "      record max_length=2m\n", expected: "FLOW110 4:7", message: "'record' needs a continuation"),
        Case(
            source: inStep + "      enqueue q then goodbye\n", expected: "FLOW111 4:22",
            message: "expected '->' or 'hangup' after 'then', found 'goodbye'"),
        Case(source: "flow f\n  leg l entyr\n", expected: "FLOW112 2:9", message: "unknown leg role 'entyr'", help: "did you mean 'entry'?"),
        Case(
            source: "flow f\n  leg l\n", expected: "FLOW112 2:8", message: "expected a leg role after 'leg l'",
            help: "write 'entry', 'outbound' or 'dialed'"),
        Case(
            source: "flow f\n  operation hlod caller in desk\n", expected: "FLOW113 2:13",
            message: "unknown operation kind 'hlod'", help: "did you mean 'hold'?"),
        Case(source: inStep + "      say \"x\" then hangup\n", expected: "FLOW114 4:15", message: "'say' takes no continuation"),
    ]

    @Test(arguments: cases)
    func reportsOneDiagnostic(_ example: Case) throws {
        let result = SyntaxTesting.parse(example.source)
        #expect(SyntaxTesting.summary(result.diagnostics) == [example.expected])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == example.message)
        if let help = example.help { #expect(diagnostic.help == help) }
        #expect(diagnostic.severity == .error)
        #expect(DiagnosticCatalog.entry(for: diagnostic.code) != nil)
        let file = SourceFile(path: "test.flow", text: example.source)
        #expect(SyntaxTesting.invariantViolations(of: result, in: file).isEmpty)
    }

    @Test func everyErrorOfAFileIsReportedOnceAtItsPlace() {
        let source = """
            flow support
              serve "https://twiml.example.com/support"
              audio music = "https://cdn.example.com/hold.mp3"
              lge caller entry
                step start
                  say "ignored: under an unreadable line"
              leg caller entry
                step start
                  sya "Welcome."
                  say "Still read."
                  gather num_digits=1 then
                    say "Press a key."
                    sya "Read: the gather kept its block."
                  pause 5x
                  go start
                step
                  hangup
              leg agent dialed
                whisper
                  say "Call." then -> start
              operation hold caller in

            """
        let result = SyntaxTesting.parse(source)
        #expect(SyntaxTesting.summary(result.diagnostics) == [
            "FLOW107 2:9", "FLOW103 4:3", "FLOW103 9:7", "FLOW111 11:31", "FLOW103 13:9", "FLOW009 14:13",
            "FLOW107 15:10", "FLOW105 16:9", "FLOW114 20:19", "FLOW105 21:27",
        ])
        let file = SourceFile(path: "test.flow", text: source)
        #expect(SyntaxTesting.invariantViolations(of: result, in: file).isEmpty)
    }

    @Test func diagnosticsPointAtTheRightCharacterAfterWideCharacters() {
        let source = "flow f\n  leg l entry\n    step s\n      say \"👋🏽 héllo\" loud\n      hangup\n"
        let result = SyntaxTesting.parse(source)
        #expect(SyntaxTesting.summary(result.diagnostics) == [])
        let bad = SyntaxTesting.parse(source.replacingOccurrences(of: " loud", with: " loud=\u{201C}x\u{201D}"))
        #expect(SyntaxTesting.summary(bad.diagnostics) == ["FLOW003 4:26"])
    }

    // MARK: - The tree of a broken file

    @Test func unreadableLineSwallowsItsBlockSilently() throws {
        let source = "flow f\n  lge caller entry\n    step start\n      sya \"x\"\n  leg l entry\n    step s\n      hangup\n"
        let result = SyntaxTesting.parse(source)
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW103 2:3"])
        let flow = try #require(result.syntax.flows.first?.node)
        guard case .error(let line)? = flow.members.first else {
            Issue.record("error line expected")
            return
        }
        #expect(SyntaxTesting.text(line.span, in: source) == "lge caller entry\n    step start\n      sya \"x\"")
        #expect(flow.members.last?.node != nil)
    }

    @Test func unexpectedBlockBecomesOneErrorLine() throws {
        let source = inStep + "      say \"a\"\n        say \"b\"\n        sya \"c\"\n      hangup\n"
        let result = SyntaxTesting.parse(source)
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW101 5:9"])
        guard case .leg(let leg)? = result.syntax.flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node
        else {
            Issue.record("step expected")
            return
        }
        #expect(step.verbs.count == 3)
        guard case .error(let block) = step.verbs[1] else {
            Issue.record("error line expected")
            return
        }
        #expect(SyntaxTesting.text(block.span, in: source) == "say \"b\"\n        sya \"c\"")
    }

    @Test func declarationsStayWithTheirMissingParts() throws {
        let source = """
            flow f
              audio music "https://x.example.com/a.mp3"
              serve "https://x.example.com"
              leg caller entyr
                step
                  hangup
                step s
                  sya "x"
              operation hlod caller in desk

            """
        let result = SyntaxTesting.parse(source)
        #expect(SyntaxTesting.summary(result.diagnostics) == [
            "FLOW107 2:15", "FLOW107 3:9", "FLOW112 4:14", "FLOW105 5:9", "FLOW103 8:7", "FLOW113 9:13",
        ])
        let members = try #require(result.syntax.flows.first?.node).members.compactMap(\.node)
        guard case .audio(let audio) = members[0], case .setting(let serve) = members[1], case .leg(let leg) = members[2],
            case .operation(let operation) = members[3]
        else {
            Issue.record("every declaration kept")
            return
        }
        #expect(audio.name.name == "music" && audio.url == nil)
        #expect(serve.kind == .serve && serve.value == nil)
        #expect(leg.name.name == "caller" && leg.role == nil && leg.roleKeyword.name == "entyr")
        let steps = leg.members.compactMap { member -> StepSyntax? in
            if case .step(let step) = member.node { return step }
            return nil
        }
        #expect(steps.map(\.name.isMissing) == [true, false])
        #expect(steps[0].verbs.compactMap(\.node).map(\.kind) == [.hangup])
        #expect(operation.kind == nil && operation.kindKeyword.name == "hlod" && operation.target == .missing)
    }

    @Test func missingBlockIsAnEmptyErrorLineAtTheHeader() throws {
        let source = inStep + "    step t\n      hangup\n"
        let result = SyntaxTesting.parse(source)
        guard case .leg(let leg)? = result.syntax.flows.first?.node?.members.first?.node,
            case .step(let s)? = leg.members.first?.node
        else {
            Issue.record("step expected")
            return
        }
        guard case .error(let line)? = s.verbs.first, s.verbs.count == 1 else {
            Issue.record("one error line expected")
            return
        }
        #expect(line.span.start == line.span.end)
        #expect(line.span.start.line == 3 && line.span.start.column == 11)
    }

    @Test func gatherStaysANodeSoItsVerbsAreRead() throws {
        let source = inStep + "      gather num_digits=1\n        sya \"x\"\n      hangup\n"
        let result = SyntaxTesting.parse(source)
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW110 4:7", "FLOW103 5:9"])
        guard case .leg(let leg)? = result.syntax.flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node, let gather = step.verbs.first?.node
        else {
            Issue.record("gather expected")
            return
        }
        #expect(gather.kind == .gather && gather.options.count == 1)
        #expect(gather.continuation?.target == .missing && gather.continuation?.thenKeyword == nil)
        #expect(gather.body.count == 1)
    }

    @Test func verbWithAnErrorIsAnErrorLineSpanningItsLine() throws {
        let source = inStep + "      dial agent client  # comment\n      hangup\n"
        let result = SyntaxTesting.parse(source)
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW106 4:24"])
        guard case .leg(let leg)? = result.syntax.flows.first?.node?.members.first?.node,
            case .step(let step)? = leg.members.first?.node, case .error(let line)? = step.verbs.first
        else {
            Issue.record("error line expected")
            return
        }
        #expect(SyntaxTesting.text(line.span, in: source) == "dial agent client")
        #expect(line.trivia.trailingComment?.text == " comment")
    }

    @Test func misspeltKeywordGetsAFixIt() throws {
        let source = inStep + "      hangpu\n"
        let diagnostic = try #require(SyntaxTesting.parse(source).diagnostics.first)
        #expect(diagnostic.help == "did you mean 'hangup'?")
        let edit = try #require(diagnostic.fixIts.first?.edits.first)
        #expect(edit.replacement == "hangup")
        #expect(SyntaxTesting.text(edit.span, in: source) == "hangpu")
    }

    @Test func unrelatedWordGetsNoSuggestion() throws {
        let diagnostic = try #require(SyntaxTesting.parse(inStep + "      xyzzy\n").diagnostics.first)
        #expect(diagnostic.help == "expected a verb in a step")
        #expect(diagnostic.fixIts.isEmpty)
    }

    @Test func lexicalErrorTakesTheLine() {
        // The unterminated string is the line's one diagnostic; the step still ends properly.
        let result = SyntaxTesting.parse(inStep + "      say \"open\n      hangup\n")
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW006 4:11"])
    }

    @Test func loaderReportedLineGetsNothingMore() {
        let bytes = Array((inStep + "      say ").utf8) + [0xFF] + Array("\n      hangup\n".utf8)
        let (file, first) = SourceFile.decode(path: "a.flow", bytes: bytes)
        let result = Parser.parse(file, firstInvalidByte: first)
        #expect(result.diagnostics.isEmpty)
        #expect(SyntaxTesting.invariantViolations(of: result, in: file, firstInvalidByte: first).isEmpty)
        #expect(SyntaxTesting.summary(Parser.parse(file).diagnostics) == ["FLOW003 4:11"])
    }

    // MARK: - Robustness

    private func checkRobust(_ file: SourceFile, firstInvalidByte: Int? = nil, _ what: String) {
        let result = Parser.parse(file, firstInvalidByte: firstInvalidByte)
        let problems = SyntaxTesting.invariantViolations(of: result, in: file, firstInvalidByte: firstInvalidByte)
        #expect(problems.isEmpty, "\(what): \(problems.prefix(3))")
    }

    @Test(.timeLimit(.minutes(1))) func randomBytes() {
        var generator = SeededGenerator(seed: 0x5EED)
        for sample in 0..<300 {
            let count = Int.random(in: 0...400, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let (file, first) = SourceFile.decode(path: "noise.flow", bytes: bytes)
            checkRobust(file, firstInvalidByte: first, "random bytes #\(sample)")
        }
    }

    @Test(.timeLimit(.minutes(1))) func randomTokenSoup() {
        let pieces = [
            "flow", "leg", "step", "say", "play", "pause", "gather", "record", "dial", "join", "enqueue", "leave",
            "go", "hangup", "reject", "queue", "room", "audio", "serve", "at", "voice", "language", "operation",
            "hold", "unhold", "move", "in", "during", "wait", "whisper", "client", "sip", "entry", "dialed",
            "then", "->", "=", ",", ".", "\"x\"", "\"open", "\"\\q\"", "5s", "42", "1234567890", "5min", "#c",
            "é", "@", "\n", "\n", "\n", "\r\n", "  ", "    ", " ", " ", " ", "\t", "\u{FFFD}", "x", "y_1",
        ]
        var generator = SeededGenerator(seed: 42)
        for sample in 0..<400 {
            let count = Int.random(in: 0...80, using: &generator)
            var text = ""
            for _ in 0..<count { text += pieces.randomElement(using: &generator) ?? "" }
            checkRobust(SourceFile(path: "soup.flow", text: text), "token soup #\(sample): \(text.debugDescription)")
        }
    }

    @Test func fileOfOnlyAComment() {
        for text in ["# only", "# only\n", "\n\n# only\n\n", "\t   # only\r\n"] {
            let result = SyntaxTesting.parse(text)
            #expect(result.diagnostics.isEmpty && result.syntax.flows.isEmpty)
            #expect(result.syntax.trailingComments.map(\.text) == [" only"])
        }
    }

    @Test(.timeLimit(.minutes(5))) func fiveThousandNestedLevels() {
        let depth = 5000
        let lines = (0..<depth).map { String(repeating: " ", count: $0) + "gather then hangup\n" }
        let text = "flow f\n leg l entry\n  step s\n" + lines.map { "   " + $0 }.joined()
        let file = SourceFile(path: "deep.flow", text: text)
        let result = Parser.parse(file)
        // Gathers nest (the resolver rejects it) up to the nesting limit: under flow, leg and step, 14
        // gathers are read, and the block under the 14th is skipped.
        #expect(SyntaxTesting.summary(result.diagnostics) == ["FLOW101 18:18"])
        #expect(result.diagnostics.first?.message == "block nested too deeply")
        #expect(SyntaxTesting.invariantViolations(of: result, in: file).isEmpty)
        let flat = SourceFile(path: "deep.flow", text: (0..<depth).map { String(repeating: " ", count: $0) + "x\n" }.joined())
        #expect(SyntaxTesting.summary(Parser.parse(flat).diagnostics) == ["FLOW103 1:1"])
    }

    @Test(.timeLimit(.minutes(1))) func tenThousandSteps() throws {
        let count = 10_000
        var text = "flow f\n  leg l entry\n"
        for index in 0..<count {
            text += "    step s\(index)\n      say \"Step \(index).\"\n      go -> s\((index + 1) % count)\n"
        }
        let result = SyntaxTesting.parse(text)
        #expect(result.diagnostics.isEmpty)
        guard case .leg(let leg)? = result.syntax.flows.first?.node?.members.first?.node else {
            Issue.record("leg expected")
            return
        }
        #expect(leg.members.count == count)
    }

    @Test(.timeLimit(.minutes(1))) func longLinesAreLinear() {
        // Tens of thousands of tokens on one line with wide characters: quadratic location arithmetic
        // would take minutes here.
        let words = Array(repeating: "x=\"é👋🏽\"", count: 40_000).joined(separator: " ")
        let text = "flow f\n  leg l entry\n    step s\n      say \"a\" \(words)\n      hangup\n"
        let file = SourceFile(path: "long.flow", text: text)
        let result = Parser.parse(file)
        #expect(result.diagnostics.isEmpty)
        #expect(SyntaxTesting.invariantViolations(of: result, in: file).isEmpty)
    }

    @Test(.timeLimit(.minutes(1))) func grammarExamplesTruncatedAnywhere() throws {
        for example in try SyntaxTesting.grammarExamples() {
            let bytes = Array(example.text.utf8)
            for end in 0...bytes.count {
                let (file, first) = SourceFile.decode(path: "cut.flow", bytes: Array(bytes[0..<end]))
                checkRobust(file, firstInvalidByte: first, "Grammar.md:\(example.line) cut at byte \(end)")
            }
            let lines = example.text.split(separator: "\n", omittingEmptySubsequences: false)
            for count in 0...lines.count {
                let text = lines.prefix(count).joined(separator: "\n")
                checkRobust(SourceFile(path: "cut.flow", text: text), "Grammar.md:\(example.line) cut after line \(count)")
                // Each line dropped on its own, too: the rest must recover.
                if count < lines.count {
                    var dropped = lines
                    dropped.remove(at: count)
                    checkRobust(SourceFile(path: "cut.flow", text: dropped.joined(separator: "\n")), "line \(count) dropped")
                }
            }
        }
    }
}
