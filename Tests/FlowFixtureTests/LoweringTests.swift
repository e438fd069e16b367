import FlowDiagnostics
import Foundation
import Testing

@testable import FlowCompiler

/// Route layout, source origins and the manifest's own rendering.
@Suite struct LoweringTests {
    @Test(arguments: [
        ("f/legs/a/start.xml", "f/legs/a/next.xml", "next.xml"),
        ("f/legs/a/start.xml", "f/legs/a/start.xml", "start.xml"),
        ("f/legs/a/start.xml", "f/legs/b.whisper.xml", "../b.whisper.xml"),
        ("f/legs/a/start.xml", "f/queues/q.wait.xml", "../../queues/q.wait.xml"),
        ("f/legs/a/start.xml", "f/hangup.xml", "../../hangup.xml"),
        ("f/rooms/r.hold.xml", "f/rooms/r.hold.xml", "r.hold.xml"),
    ])
    func relativeReferencesResolveToTheTarget(_ source: String, _ target: String, _ expected: String) {
        #expect(RouteLayout.relativeReference(from: source, to: target) == expected)
    }

    @Test func absoluteURLsHangOffServeAtWithOrWithoutATrailingSlash() {
        for base in ["https://h.example.com/f", "https://h.example.com/f/", "https://h.example.com/f//"] {
            #expect(
                RouteLayout.absoluteURL(of: "f/legs/a/start.xml", flow: "f", baseURL: base)
                    == "https://h.example.com/f/legs/a/start.xml")
        }
    }

    /// The one trimming of a base URL (`serve at`, `--public-url`) that every join and strip goes through.
    @Test(arguments: [
        ("https://h.example.com/f", "https://h.example.com/f"), ("https://h.example.com/f/", "https://h.example.com/f"),
        ("https://h.example.com//", "https://h.example.com"), ("https://h.example.com", "https://h.example.com"),
    ])
    func baseURLsLoseEveryTrailingSlash(_ base: String, _ trimmed: String) {
        #expect(RouteLayout.trimmedBaseURL(base) == trimmed)
    }

    @Test func everyOriginOfAStepMapsToItsVerbOrOption() throws {
        let text = """
            flow f
              leg caller entry
                step start
                  say "Hi." loop=2
                  dial agent "+15551230000" timeout=20s then -> start
              leg agent dialed

            """
        let result = TestBuild.build(text)
        let document = try #require(result.documents.first { $0.route == "/f/legs/caller/start.xml" })
        #expect(document.span(for: TwiMLPath([0], .attribute("loop"))).start.column == 17)
        #expect(document.span(for: TwiMLPath([0], .text)).start.column == 11)
        #expect(document.span(for: TwiMLPath([1], .attribute("timeout"))).start.column == 33)
        #expect(document.span(for: TwiMLPath([1, 0])).start.column == 18)
        // Not recorded: falls back to the element, then the document.
        #expect(document.span(for: TwiMLPath([1], .attribute("ringTone"))) == document.span(for: TwiMLPath([1])))
        #expect(document.span(for: TwiMLPath([9])) == document.span)
        #expect(document.verbSpans.map(\.start.line) == [4, 5, 5], "the dial, and the <Redirect> to its continuation after it (on the dial's line)")
        #expect(document.dialedLegs == [RoutedDocument.DialSite(index: 1, leg: "agent")])
        #expect(document.title == "step 'start' of leg 'caller'" && document.context == .normal)
    }

    @Test func generatedVerbsTakeTheSpanOfWhatCausedThem() throws {
        let text = """
            flow f
              audio music = "https://cdn.example.com/m.mp3"
              room desk shared
                hold music
              leg caller entry
                step start
                  join desk then hangup

            """
        let result = TestBuild.build(text)
        let step = try #require(result.documents.first { $0.route == "/f/legs/caller/start.xml" })
        #expect(step.document.verbs.map(\.name) == ["Dial", "Hangup"])
        #expect(step.span(for: TwiMLPath([1])).start.line == 7 && step.span(for: TwiMLPath([1])).start.column == 17)
        let hold = try #require(result.documents.first { $0.route == "/f/rooms/desk.hold.xml" })
        #expect(hold.context == .hold && hold.room == "desk" && hold.leg == nil)
        #expect(hold.document.verbs.map(\.name) == ["Play", "Redirect"])
        #expect(hold.span(for: TwiMLPath([1])).start.line == 4)
    }

    @Test func hangupDocumentOnlyWhenAGatherOrRecordNeedsIt() {
        let without = TestBuild.build(
            "flow f\n  leg caller entry\n    step start\n      dial queue q then hangup\n  queue q\n")
        #expect(!without.documents.isEmpty, "\(TestBuild.describe(without.diagnostics))")
        #expect(!without.documents.contains { $0.origin == .flowHangup })
        let with = TestBuild.build(
            "flow f\n  leg caller entry\n    step start\n      say \"Hi.\"\n      record then hangup\n")
        let hangup = with.documents.first { $0.origin == .flowHangup }
        #expect(hangup?.route == "/f/hangup.xml" && hangup?.document.verbs.map(\.name) == ["Hangup"])
        #expect(hangup?.span.start.line == 5)
    }

    /// `hangup.xml` is the one document more than one context reaches (a Gather's or Record's `action`):
    /// it holds only `<Hangup/>`, which every context that allows those verbs allows too (Docs/Twilio.md#restricted-contexts).
    @Test func theSharedHangupDocumentFitsEveryContextThatCanReachIt() {
        for context in TwiMLContext.allCases
        where context.allowedVerbs.contains("Gather") || context.allowedVerbs.contains("Record") {
            #expect(context.allowedVerbs.contains("Hangup"), "\(context)")
            #expect(TwiMLValidator().validate(TwiMLDocument([.hangup], context: context)).isEmpty, "\(context)")
        }
    }

    @Test func manifestRendererKeepsStringsIntactAndEmptyContainersShort() throws {
        let compact = Array(#"{"a":[],"b":{},"c":"x, y: {z} [w] \"q\" \\","d":[1,{"e":"f"}]}"#.utf8)
        let pretty = String(decoding: ManifestRenderer.indent(compact), as: UTF8.self)
        #expect(
            pretty == """
                {
                  "a": [],
                  "b": {},
                  "c": "x, y: {z} [w] \\"q\\" \\\\",
                  "d": [
                    1,
                    {
                      "e": "f"
                    }
                  ]
                }
                """)
    }

    @Test func manifestBytesAreStableAndEndWithANewline() throws {
        let folder = SourceTree.compileFixtures.appendingPathComponent("rooms_conference_hold")
        let result = TestBuild.build(SourceTree.flowSources(in: folder, displayPrefix: ""))
        let manifest = try #require(result.manifest)
        let bytes = try #require(ManifestRenderer().renderBytes(manifest))
        #expect(bytes.last == UInt8(ascii: "\n") && !bytes.contains(UInt8(ascii: "\r")))
        let decoded = try JSONDecoder().decode(RouteManifest.self, from: Data(bytes))
        #expect(decoded == manifest)
        #expect(ManifestRenderer().renderBytes(decoded) == bytes)
    }

    @Test func manifestDescribesConferenceHoldAndPerCallRooms() throws {
        let folder = SourceTree.compileFixtures.appendingPathComponent("rooms_conference_hold")
        let manifest = try #require(TestBuild.build(SourceTree.flowSources(in: folder, displayPrefix: "")).manifest)
        let flow = try #require(manifest.flows.first)
        let hold = try #require(flow.operations.first { $0.key == "hold-caller" })
        #expect(hold.strategy == "conference")
        let request = try #require(hold.requests.first)
        #expect(request.resource == "ConferenceParticipant" && request.httpMethod == "POST")
        #expect(
            request.parameters == [
                "Hold": "true", "HoldMethod": "GET",
                "HoldUrl": "https://twiml.example.com/conference/rooms/desk.hold.xml",
            ])
        // The operated leg first, then every other leg, as the continuation checker predicts them.
        #expect(hold.effects.map { "\($0.leg) \($0.outcome)" } == ["caller hears-hold", "agent unchanged"])
        let unhold = try #require(flow.operations.first { $0.key == "unhold-caller" })
        #expect(unhold.requests.first?.parameters == ["Hold": "false"] && unhold.during == ["caller.start"])
        #expect(unhold.effects.map { "\($0.leg) \($0.outcome)" } == ["caller unchanged", "agent unchanged"])
        let rooms = Dictionary(uniqueKeysWithValues: flow.rooms.map { ($0.name, $0) })
        #expect(rooms["desk"]?.shared == true && rooms["desk"]?.perCallRoom == nil)
        #expect(rooms["private"]?.shared == false && rooms["private"]?.perCallRoom?.contains("'private-room'") == true)
    }

    @Test func manifestDescribesRedirectsWithAbsoluteURLs() throws {
        let folder = SourceTree.compileFixtures.appendingPathComponent("queue_hold_redirect")
        let manifest = try #require(TestBuild.build(SourceTree.flowSources(in: folder, displayPrefix: "")).manifest)
        let flow = try #require(manifest.flows.first)
        let hold = try #require(flow.operations.first { $0.key == "hold-customer" })
        #expect(hold.strategy == "redirect" && hold.during == ["agent.start"])
        #expect(hold.requests.map(\.endpoint) == ["/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json"])
        #expect(
            hold.requests.first?.parameters
                == ["Url": "https://twiml.example.com/parking/legs/customer/held.xml", "Method": "GET"])
        #expect(hold.effects.first?.outcome == .moved && hold.effects.first?.step == "customer.held")
        let customer = try #require(flow.legs.first { $0.name == "customer" })
        #expect(customer.role == "dialed" && customer.start == nil)
        #expect(customer.dialedFrom == ["/parking/legs/agent/start.xml#0"])
        #expect(flow.entryPoints.map(\.usage) == [ManifestBuilder.outboundUsage])
        #expect(manifest.routes.map(\.path) == manifest.routes.map(\.path).sorted())
        #expect(
            manifest.routes.allSatisfy { $0.method == "GET" && $0.contentType == "text/xml" && $0.sha256.count == 64 })
    }
}
