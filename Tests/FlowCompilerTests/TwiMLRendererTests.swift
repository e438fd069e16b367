import FlowCompiler
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses rendered TwiML back into the IR with Foundation's `XMLParser`, so tests can check that the
/// bytes are well-formed and mean exactly the tree that was rendered.
enum TwiMLXMLParsing {
    /// The parsed root, or `nil` when the XML is not well-formed.
    static func parse(_ xml: String) -> TwiMLElement? {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    /// A comparable form: attributes sorted by name (XMLParser reports them as a dictionary), empty and
    /// adjacent text merged.
    static func normalized(_ element: TwiMLElement) -> TwiMLElement {
        var content: [TwiMLContent] = []
        for part in element.content {
            switch part {
            case .text(""): continue
            case .text(let text):
                if case .text(let previous) = content.last {
                    content[content.count - 1] = .text(previous + text)
                } else {
                    content.append(.text(text))
                }
            case .element(let child): content.append(.element(normalized(child)))
            }
        }
        return TwiMLElement(
            element.name, attributes: element.attributes.sorted { $0.name < $1.name }, content: content)
    }

    /// Renders `document`, parses it back and reports whether the result equals the IR.
    static func roundTrips(_ document: TwiMLDocument) -> Bool {
        guard let parsed = parse(TwiMLRenderer().render(document)) else { return false }
        return normalized(parsed) == normalized(document.root)
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: TwiMLElement?
        private var stack: [TwiMLElement] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let attributes = attributeDict.map { TwiMLAttribute($0.key, $0.value) }
            stack.append(TwiMLElement(elementName, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].content.append(.text(string))
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard var element = stack.popLast() else { return }
            // Indentation between child elements is layout, not content.
            if !element.children.isEmpty, element.text.allSatisfy({ $0 == " " || $0 == "\n" }) {
                element.content.removeAll { if case .text = $0 { true } else { false } }
            }
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].content.append(.element(element))
            }
        }
    }
}

@Suite struct TwiMLRendererTests {
    private func render(_ verbs: [TwiMLElement]) -> String {
        TwiMLRenderer().render(TwiMLDocument(verbs))
    }

    @Test func rendersSimpleDocumentExactly() {
        let document = TwiMLDocument([.say("Hello", voice: "alice"), .hangup])
        #expect(
            TwiMLRenderer().render(document) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response>
                  <Say voice="alice">Hello</Say>
                  <Hangup/>
                </Response>

                """)
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test func rendersEmptyResponseSelfClosing() {
        let document = TwiMLDocument([])
        #expect(TwiMLRenderer().render(document) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>\n")
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test func rendersGatherWithNestedPromptsAndFallThrough() {
        let document = TwiMLDocument([
            .gather(
                action: "/ivr/menu-choice.xml", method: .get, input: ["dtmf"], timeout: 5, numDigits: 1,
                prompts: [.say("Press 1 for sales."), .pause(length: 1), .play("/audio/menu.mp3")]),
            .redirect("/ivr/menu.xml", method: .get),
        ])
        #expect(
            TwiMLRenderer().render(document) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response>
                  <Gather action="/ivr/menu-choice.xml" method="GET" input="dtmf" timeout="5" numDigits="1">
                    <Say>Press 1 for sales.</Say>
                    <Pause length="1"/>
                    <Play>/audio/menu.mp3</Play>
                  </Gather>
                  <Redirect method="GET">/ivr/menu.xml</Redirect>
                </Response>

                """)
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test func rendersDialNounsAndEnqueue() {
        let document = TwiMLDocument([
            .dial(
                [
                    .number("+14155550100", url: "/whisper.xml", method: .get), .client("agent_7"),
                    .sip("sip:desk@example.com"),
                ],
                action: "/after-dial.xml", method: .get, timeout: 20),
            .enqueue("support", action: "/after-queue.xml", method: .get, waitUrl: "/hold.xml", waitUrlMethod: .get),
        ])
        #expect(
            TwiMLRenderer().render(document) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response>
                  <Dial action="/after-dial.xml" method="GET" timeout="20">
                    <Number url="/whisper.xml" method="GET">+14155550100</Number>
                    <Client>agent_7</Client>
                    <Sip>sip:desk@example.com</Sip>
                  </Dial>
                  <Enqueue action="/after-queue.xml" method="GET" waitUrl="/hold.xml" waitUrlMethod="GET">support</Enqueue>
                </Response>

                """)
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test func ordersAttributesByVocabularyNotByConstruction() {
        let forwards = TwiMLElement("Conference", text: "room")
            .setting("waitUrl", "/wait.xml").setting("endConferenceOnExit", "true").setting("muted", "false")
            .setting("waitMethod", "GET").setting("startConferenceOnEnter", "true")
        let backwards = TwiMLElement(
            "Conference", attributes: forwards.attributes.reversed(), text: "room")
        let first = render([.dial([forwards])])
        #expect(first == render([.dial([backwards])]))
        #expect(
            first.contains(
                #"<Conference muted="false" startConferenceOnEnter="true" endConferenceOnExit="true" waitUrl="/wait.xml" waitMethod="GET">room</Conference>"#
            ))
    }

    @Test func putsUnknownAttributesLastInConstructionOrder() {
        let say = TwiMLElement(
            "Say", attributes: [.init("zeta", "1"), .init("loop", "2"), .init("alpha", "3")], text: "x")
        #expect(render([say]).contains(#"<Say loop="2" zeta="1" alpha="3">x</Say>"#))
    }

    @Test func usesTheParentSpecificSpecForAttributeOrder() {
        let stream = TwiMLElement(
            "Stream", attributes: [.init("track", "inbound_track"), .init("url", "wss://a.example.com/s")])
        let rendered = render([TwiMLElement("Connect", children: [stream])])
        #expect(rendered.contains(#"<Stream url="wss://a.example.com/s" track="inbound_track"/>"#))
    }

    @Test func rendersMixedSSMLContentOnOneLine() {
        let say = TwiMLElement(
            "Say",
            content: [
                .text("Your code is "),
                .element(TwiMLElement("say-as", attributes: [.init("interpret-as", "digits")], text: "1234")),
                .text("."), .element(TwiMLElement("break", attributes: [.init("time", "1s")])), .text(" Bye"),
            ])
        let document = TwiMLDocument([say])
        #expect(
            TwiMLRenderer().render(document).contains(
                #"  <Say>Your code is <say-as interpret-as="digits">1234</say-as>.<break time="1s"/> Bye</Say>"# + "\n")
        )
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test func emptyRedirectIsSelfClosing() {
        let document = TwiMLDocument([.play("/music.mp3"), .redirect("", method: .get)], context: .conferenceWait)
        #expect(render(document.verbs).contains(#"  <Redirect method="GET"/>"#))
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test(arguments: [
        "<script>alert(1)</script>", "Tom & Jerry", "say \"quoted\" and 'single'", "end]]>here", "]]>",
        "emoji 👋🏽👨‍👩‍👧 done", "مرحبا بكم", "שלום עולם", "mixed \u{202E}override\u{202C} text", "tab\tand\nnewline",
        "carriage\r\nreturn", "&amp; already escaped", "<![CDATA[x]]>",
    ])
    func hostileStringsRoundTripInTextAndAttributes(_ hostile: String) {
        let document = TwiMLDocument([
            .say(hostile, voice: "alice"),
            TwiMLElement("Gather", attributes: [.init("action", "/next.xml"), .init("hints", hostile)]),
            .redirect("/x.xml?label=" + hostile),
        ])
        let rendered = TwiMLRenderer().render(document)
        #expect(!rendered.contains("]]>"))
        #expect(!rendered.contains("\r"))
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test func outputIsDeterministicAndEndsWithNewline() {
        let document = TwiMLDocument([.say("a"), .dial([.queue("support", url: "/q.xml")]), .hangup])
        let first = TwiMLRenderer().renderBytes(document)
        #expect(first == TwiMLRenderer().renderBytes(document))
        #expect(first.last == UInt8(ascii: "\n"))
        #expect(!first.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(first.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>".utf8)))
    }

    @Test func everyConvenienceVerbRoundTrips() {
        let document = TwiMLDocument([
            .say("Hi", voice: "Polly.Joanna", language: "en-US", loop: 2),
            .play("https://cdn.example.com/a.mp3?x=1&y=2", loop: 0),
            .play("", digits: "ww1234#"),
            .pause(length: 3),
            .gather(action: "/g.xml", finishOnKey: "", actionOnEmptyResult: true),
            .record(action: "/r.xml", method: .post, timeout: 0, finishOnKey: "#", maxLength: 120, playBeep: false),
            .dial(
                [
                    .conference(
                        "room-1", participantLabel: "caller", startConferenceOnEnter: true,
                        endConferenceOnExit: false, muted: false, beep: "onEnter", waitUrl: "",
                        waitMethod: .get, maxParticipants: 2)
                ],
                timeLimit: 600, callerId: "+14155550100", hangupOnStar: true, answerOnBridge: true),
            .enqueue("support"),
            .reject(reason: "busy"),
        ])
        #expect(TwiMLValidator().validate(document).isEmpty)
        #expect(TwiMLXMLParsing.roundTrips(document))
    }

    @Test func roundTripDetectsADifferentTree() {
        let document = TwiMLDocument([.say("a")])
        let other = TwiMLElement("Response", children: [.say("b")])
        let parsed = TwiMLXMLParsing.parse(TwiMLRenderer().render(document))
        #expect(parsed.map(TwiMLXMLParsing.normalized) != TwiMLXMLParsing.normalized(other))
    }
}
