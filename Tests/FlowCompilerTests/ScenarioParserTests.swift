import FlowCompiler
import FlowDiagnostics
import Testing

/// Scenario files (Docs/Simulate.md): one event a line, `#` comments, every bad line reported with its
/// own FLOW601/FLOW602 at the span of its words, and the good lines still read.
@Suite struct ScenarioParserTests {
    static func parse(_ text: String) -> (scenario: Scenario, diagnostics: [Diagnostic]) {
        ScenarioParser.parse(SourceFile(path: "test.scenario", text: text))
    }

    static let events: [(String, ScenarioEvent)] = [
        ("start caller", .start("caller")),
        ("press caller \"1\"", .press("caller", "1")),
        ("press caller \"0123456789*#\"", .press("caller", "0123456789*#")),
        ("speak caller \"sales please\"", .speak("caller", "sales please")),
        ("silence caller", .silence("caller")),
        ("finish-recording caller", .finishRecording("caller")),
        ("answer agent", .answer("agent")),
        ("busy agent", .dialFails("agent", .busy)),
        ("no-answer agent", .dialFails("agent", .noAnswer)),
        ("failed agent", .dialFails("agent", .failed)),
        ("canceled agent", .dialFails("agent", .canceled)),
        ("hangup agent", .hangup("agent")),
        ("apply hold-caller", .apply("hold-caller")),
    ]

    @Test(arguments: events.map(\.0))
    func everyEventParses(_ line: String) throws {
        let expected = try #require(Self.events.first { $0.0 == line }?.1)
        let parsed = Self.parse(line + "\n")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.scenario.events.map(\.value) == [expected])
        // The transcript echoes events by `text`: it must read back as the same event.
        #expect(expected.text == line)
        #expect(Self.parse(expected.text).scenario.events.map(\.value) == [expected])
    }

    @Test func everyDialFailureIsAnEvent() {
        for failure in ScenarioEvent.DialFailure.allCases {
            #expect(Self.parse("\(failure.rawValue) agent").scenario.events.map(\.value) == [.dialFails("agent", failure)])
        }
    }

    @Test func commentsBlankLinesAndSpacingAreIgnored() {
        let parsed = Self.parse(
            """
            # The agent takes the caller.

            \tstart caller   # the number is called
               press caller "1#"\r
            #answer agent

            hangup caller
            """)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.scenario.events.map(\.value) == [.start("caller"), .press("caller", "1#"), .hangup("caller")])
        #expect(parsed.scenario.events.map(\.span.start.line) == [3, 4, 7])
        #expect(parsed.scenario.events[1].span.start.column == 4)
    }

    @Test func anEmptyFileHasNoEvents() {
        #expect(Self.parse("").scenario.events.isEmpty)
        #expect(Self.parse("\n\n# nothing\n").diagnostics.isEmpty)
    }

    @Test func stringsKeepHashesAndEscapes() throws {
        let parsed = Self.parse(##"speak caller "press \"#\" \\ now" # comment"##)
        #expect(parsed.diagnostics.isEmpty)
        let event = try #require(parsed.scenario.events.first?.value)
        #expect(event == .speak("caller", ##"press "#" \ now"##))
        #expect(Self.parse(event.text).scenario.events.map(\.value) == [event])
    }

    @Test func anUnknownEventIsFLOW601AtItsWords() throws {
        let parsed = Self.parse("start caller\n  dial agent   # not an event\n")
        #expect(parsed.scenario.events.map(\.value) == [.start("caller")])
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(parsed.diagnostics.count == 1)
        #expect(diagnostic.code == .unknownScenarioEvent)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "unknown scenario event 'dial'")
        let span = try #require(diagnostic.span)
        #expect(span.path == "test.scenario")
        #expect((span.start.line, span.start.column) == (2, 3))
        #expect((span.end.line, span.end.column) == (2, 13))
        #expect(diagnostic.help?.contains("apply OPERATION") == true)
    }

    static let malformed: [(String, String)] = [
        ("start", "expected 'start LEG'"),
        ("start caller agent", "expected 'start LEG'"),
        ("start \"caller\"", "expected 'start LEG'"),
        ("press caller 1", "expected 'press LEG \"DIGITS\"'"),
        ("press caller", "expected 'press LEG \"DIGITS\"'"),
        ("press \"caller\" \"1\"", "expected 'press LEG \"DIGITS\"'"),
        ("press caller \"12\" \"3\"", "expected 'press LEG \"DIGITS\"'"),
        ("press caller \"one\"", "press takes the keys pressed: digits, '*' and '#'"),
        ("press caller \"\"", "press takes the keys pressed: digits, '*' and '#'"),
        ("speak caller \"\"", "speak takes the words spoken; no words is 'silence'"),
        ("speak caller \"hello", "a string is not closed: it needs a '\"' before the end of the line"),
        ("apply", "expected 'apply OPERATION'"),
        ("busy", "expected 'busy LEG'"),
        ("no-answer agent now", "expected 'no-answer LEG'"),
        ("hangup caller agent", "expected 'hangup LEG'"),
    ]

    @Test(arguments: malformed.map(\.0))
    func malformedEventsAreFLOW602(_ line: String) throws {
        let message = try #require(Self.malformed.first { $0.0 == line }?.1)
        let parsed = Self.parse("start caller\n" + line + "\nhangup caller\n")
        #expect(parsed.scenario.events.map(\.value) == [.start("caller"), .hangup("caller")])
        #expect(parsed.diagnostics.map(\.code) == [.malformedScenarioEvent])
        #expect(parsed.diagnostics.first?.message == message)
        let span = try #require(parsed.diagnostics.first?.span)
        #expect((span.start.line, span.start.column) == (2, 1))
        #expect((span.end.line, span.end.column) == (2, line.count + 1))
    }

    @Test func everyBadLineIsReported() {
        let parsed = Self.parse("wait caller\nstart\nstart caller\nring agent\n")
        #expect(parsed.diagnostics.map(\.code) == [.unknownScenarioEvent, .malformedScenarioEvent, .unknownScenarioEvent])
        #expect(parsed.diagnostics.compactMap(\.span?.start.line) == [1, 2, 4])
        #expect(parsed.scenario.events.map(\.value) == [.start("caller")])
    }

    /// Event names are case-sensitive, like the flow language's keywords.
    @Test func eventNamesAreCaseSensitive() {
        #expect(Self.parse("Start caller").diagnostics.map(\.code) == [.unknownScenarioEvent])
    }
}
