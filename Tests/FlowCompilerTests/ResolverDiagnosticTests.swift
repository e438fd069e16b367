import FlowCompiler
import FlowDiagnostics
import Testing

/// Each FLOW2xx finding fires at the right place with the right message, and nothing else fires.
@Suite struct ResolverDiagnosticTests {
    func expect(_ source: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        ResolverHarness.expect(source, expected, sourceLocation: sourceLocation)
    }

    @Test func duplicateNamesPointAtTheFirstDeclaration() throws {
        let source = """
            flow f
              audio music = "https://cdn.example.com/a.mp3"
              audio music = "https://cdn.example.com/b.mp3"
              leg caller entry
                step start
                  play music
                  hangup
                step start
                  hangup
            """
        expect(source, [
            "error FLOW201 3:9 duplicate audio 'music'",
            "error FLOW201 8:10 duplicate step 'start' in leg 'caller'",
        ])
        let diagnostic = try #require(ResolverHarness.resolve(source).diagnostics.first)
        #expect(diagnostic.notes == [Note("first declared here", at: diagnostic.notes.first?.span)])
        #expect(diagnostic.notes.first?.span?.start.line == 2)
    }

    @Test func duplicateOperationAndDocument() {
        expect(
            """
            flow f
              serve at "https://twiml.example.com/f"
              queue parked
                wait
                  say "Please hold."
                wait
                  say "Still holding."
              leg caller entry
                step start
                  enqueue parked then hangup
              operation move caller -> start
              operation move caller -> start
            """,
            [
                "error FLOW201 6:5 duplicate 'wait' document in queue 'parked'",
                "error FLOW201 12:13 duplicate operation 'move caller'",
            ])
    }

    @Test func duplicateSetting() {
        expect(
            """
            flow f
              voice "Polly.Joanna"
              voice "Polly.Matthew"
              leg caller entry
                step start
                  hangup
            """, ["error FLOW202 3:3 duplicate setting 'voice'"])
    }

    @Test func undefinedReferencesSuggestOnlyCloseNames() throws {
        let source = """
            flow f
              audio music = "https://cdn.example.com/a.mp3"
              leg caller entry
                step start
                  play musc
                  join lobby then -> strat
                  go -> elsewhere
            """
        expect(source, [
            "error FLOW203 5:12 undefined audio 'musc'",
            "error FLOW203 6:12 undefined room 'lobby'",
            "error FLOW203 6:26 undefined step 'strat' in leg 'caller'",
            "error FLOW211 7:7 'go' can never run after the 'then' clause of 'join'",
            "error FLOW203 7:13 undefined step 'elsewhere' in leg 'caller'",
        ])
        let helps = ResolverHarness.resolve(source).diagnostics.map(\.help)
        #expect(helps[0] == "did you mean 'music'?")
        #expect(helps[1] == nil)
        #expect(helps[2] == "did you mean 'start'?")
        #expect(helps[4] == nil)
    }

    @Test func durationWithoutUnitHasAFixIt() throws {
        let source = """
            flow f
              leg caller entry
                step start
                  pause 5
                  gather timeout=10 then -> start
                  hangup
            """
        expect(source, [
            "error FLOW204 4:13 expected a duration with a unit, found '5'",
            "error FLOW204 5:22 expected a duration with a unit, found '10'",
        ])
        let fix = try #require(ResolverHarness.resolve(source).diagnostics.first?.fixIts.first)
        #expect(fix.edits.count == 1)
        #expect(fix.edits.first?.replacement == "s")
        #expect(fix.edits.first?.span.start.column == 14)
        #expect(fix.edits.first?.span.start == fix.edits.first?.span.end)
    }

    @Test func optionChecksReadTheTable() throws {
        let source = """
            flow f
              leg caller entry
                step start
                  say "Hi." loop="2" lop=3
                  say "Hi." loop=2 loop=3
                  gather input=dtmf_speach num_digits=0 then -> start
                  join desk beep="onExit" label="a/b" then hangup
              room desk shared
            """
        expect(source, [
            "error FLOW206 4:22 expected an integer for 'loop', found the string \"2\"",
            "error FLOW205 4:26 unknown option 'lop' for 'say'",
            "error FLOW208 5:24 duplicate option 'loop'",
            "error FLOW207 6:20 expected 'input' to be 'dtmf', 'speech' or 'dtmf_speech', found 'dtmf_speach'",
            "error FLOW207 6:43 expected 'num_digits' between 1 and 100, found 0",
            "error FLOW206 7:22 expected 'true', 'false', 'onEnter' or 'onExit' for 'beep', found the string",
            "error FLOW207 7:37 expected 'label' without '/', found \"a/b\"",
        ])
        let helps = ResolverHarness.resolve(source).diagnostics.map(\.help)
        #expect(helps[1] == "did you mean 'loop'?")
        #expect(helps[3] == "did you mean 'dtmf_speech'?")
        #expect(helps[5] == "write it without quotes: beep=onExit")
    }

    @Test func rangesOfDurationsAndStrings() {
        expect(
            """
            flow f
              leg caller entry
                step start
                  pause 11m
                  dial agent "+15551230000" timeout=2s ring_tone="usa" then -> start
              leg agent dialed
              queue q name=""
                wait
                  hangup
            """,
            [
                "error FLOW207 4:13 expected a pause between 1s and 10m, found 11m",
                "error FLOW207 5:41 expected 'timeout' between 5s and 10m, found 2s",
                "error FLOW207 5:54 expected 'ring_tone' to be one of Twilio's values, found \"usa\"",
                "warning FLOW224 7:9 queue 'q' is never used",
                "error FLOW207 7:16 expected a non-empty 'name', found \"\"",
            ])
    }

    @Test func verbsNotAllowedInDocumentsAndPrompts() {
        expect(
            """
            flow f
              audio music = "https://cdn.example.com/a.mp3"
              queue support
                wait
                  play music
                  go -> start
                whisper
                  leave
              room desk shared
                hold
                  dial queue support
              leg caller entry
                step start
                  enqueue support
                  join desk then hangup
            """,
            [
                "error FLOW209 6:7 'go' is not allowed in a queue's 'wait' document",
                "error FLOW212 8:7 'leave' is only allowed in a queue's 'wait' document",
                "error FLOW209 11:7 'dial' is not allowed in a room's 'hold' document",
            ])
    }

    @Test func stepsMustEndOnPurpose() {
        expect(
            """
            flow f
              leg caller entry
                step start
                  say "Hi."
                step menu
                  gather then -> start
                    say "Press a key."
                step bye
                  hangup
                  say "Goodbye."
                  say "Really."
                step empty_dial
                  dial queue q
              queue q
            """,
            [
                "error FLOW210 4:7 step 'start' can run off its end after 'say'",
                "error FLOW210 6:7 step 'menu' can run off its end after 'gather'",
                "error FLOW211 10:7 'say' can never run after 'hangup'",
                "error FLOW210 13:7 step 'empty_dial' can run off its end after 'dial'",
            ])
    }

    @Test func leaveAndRejectPlaces() {
        expect(
            """
            flow f
              serve at "https://twiml.example.com/f"
              leg caller entry
                step start
                  say "Closed."
                  reject
              leg agent outbound
                step start
                  leave
                  hangup
            """,
            [
                "error FLOW213 6:7 'reject' can only be the first verb of the entry leg's first step",
                "error FLOW212 9:7 'leave' is only allowed in a queue's 'wait' document",
            ])
    }

    @Test func dialedLegRules() {
        expect(
            """
            flow f
              leg caller entry
                step start
                  dial agent "+15551230000" then -> again
                step again
                  dial agent "+15551230000" then -> other
                step other
                  dial caller "+15551230001" then hangup
              leg agent dialed
              leg spare dialed
            """,
            [
                "error FLOW215 6:12 dialed leg 'agent' is already dialed elsewhere",
                "error FLOW214 8:12 expected a leg declared 'dialed' after 'dial', found entry leg 'caller'",
                "warning FLOW224 10:7 dialed leg 'spare' is never dialed",
            ])
    }

    @Test func entryLegsAndLegsWithoutSteps() {
        expect(
            """
            flow f
              serve at "https://twiml.example.com/f"
              leg caller entry
                step start
                  hangup
              leg second entry
              leg agent outbound
            """,
            [
                "error FLOW217 6:7 expected a step in entry leg 'second', found none",
                "error FLOW216 6:14 expected at most one entry leg, found a second one: 'second'",
                "error FLOW217 7:7 expected a step in outbound leg 'agent', found none",
            ])
    }

    @Test func roomOperationsNeedAHoldDocumentAndAJoin() {
        expect(
            """
            flow f
              serve at "https://twiml.example.com/f"
              room desk shared
                wait
                  say "Please wait."
              leg caller entry
                step start
                  join desk then hangup
              leg agent outbound
                step start
                  hangup
              operation hold caller in desk
              operation hold agent in desk
              operation move agent in desk
            """,
            [
                "error FLOW218 12:28 expected a 'hold' document in room 'desk'",
                "error FLOW218 13:18 expected leg 'agent' to join room 'desk'",
                "error FLOW218 13:27 expected a 'hold' document in room 'desk'",
                "error FLOW218 14:24 expected '-> STEP' after 'move agent', found 'in desk'",
            ])
    }

    @Test func queueOperationTargetsMustEnqueueAndDialTheHoldQueue() {
        expect(
            """
            flow f
              serve at "https://twiml.example.com/f"
              queue parked
              queue other
              leg agent outbound
                step start
                  dial customer "+15557654321" then -> idle
                step idle
                  dial queue other then hangup
                step wrong
                  hangup
              leg customer dialed
                step held
                  enqueue parked then hangup
              operation hold customer -> held
              operation unhold customer -> agent.wrong
              operation reconnect agent -> idle during wrng
              operation move customer -> agent.wrong
              operation hold agent -> wrong
            """,
            [
                "error FLOW219 17:32 expected step 'idle' to dial 'parked', where held legs wait, found 'dial queue other'",
                "error FLOW203 17:44 undefined step 'wrng' in leg 'agent'",
                "error FLOW219 19:27 expected step 'wrong' to enqueue 'agent' for 'hold', found no 'enqueue'",
            ])
    }

    @Test func urlsAndServeAt() {
        expect(
            """
            flow f
              serve at "https://twiml_host.example.com/f?x=1"
              audio a = "hold.mp3"
              audio b = "http://cdn.example.com:99999/b.mp3"
              leg caller entry
                step start
                  play a
                  play b
                  play "ftp://cdn.example.com/c.mp3"
                  play "" digits="1w2"
                  hangup
            """,
            [
                "error FLOW220 2:12 invalid 'serve at' URL: expected a base URL without a query or fragment",
                "error FLOW222 3:13 invalid audio URL: expected an absolute 'https://' or 'http://' URL",
                "error FLOW222 4:13 invalid audio URL: expected a port number from 1 to 65535",
                "error FLOW222 9:12 invalid audio URL: expected an absolute",
            ])
        expect(
            """
            flow f
              serve at "https://twiml_host.example.com/f"
              leg caller entry
                step start
                  hangup
            """, ["error FLOW220 2:12 invalid 'serve at' URL: expected a host name without '_'"])
    }

    @Test func serveAtIsRequiredForOperationsAndOutboundLegs() {
        expect(
            """
            flow f
              leg agent outbound
                step start
                  hangup
            """, ["error FLOW221 1:6 expected 'serve at' in flow 'f', which has outbound leg 'agent'"])
    }

    @Test func warningsForUnsharedRoomsAndUnusedDeclarations() {
        expect(
            """
            flow f
              audio music = "https://cdn.example.com/a.mp3"
              room desk
              room lobby shared
              leg caller entry
                step start
                  join desk then hangup
            """,
            [
                "warning FLOW224 2:9 audio 'music' is never used",
                "warning FLOW223 3:8 room 'desk' is not marked 'shared'",
                "warning FLOW224 4:8 room 'lobby' is never used",
            ])
    }

    @Test func documentKindsBelongToTheirOwners() {
        expect(
            """
            flow f
              audio music = "https://cdn.example.com/a.mp3"
              queue q
                hold music
              leg caller entry
                whisper music
                step start
                  enqueue q then hangup
            """,
            [
                "warning FLOW224 2:9 audio 'music' is never used",
                "error FLOW225 4:5 expected 'wait' or 'whisper' in queue 'q', found 'hold'",
                "error FLOW225 6:5 expected no document in entry leg 'caller', found 'whisper'",
            ])
    }
}
