import FlowCompiler
import FlowDiagnostics
import Testing

/// The violation kinds the validator reports for a document made of `verbs`.
func twimlViolationKinds(_ verbs: [TwiMLElement], context: TwiMLContext = .normal) -> [TwiMLViolation.Kind] {
    TwiMLValidator().validate(TwiMLDocument(verbs, context: context)).map(\.kind)
}

/// A `<Dial>` holding one `<Conference>` with the given attribute.
private func conference(_ name: String, _ value: String) -> TwiMLElement {
    .dial([TwiMLElement("Conference", attributes: [.init(name, value)], text: "room")])
}

/// A `<Dial>` with one attribute and a valid number.
private func dial(_ name: String, _ value: String) -> TwiMLElement {
    TwiMLElement("Dial", attributes: [.init(name, value)], children: [.number("+14155550100")])
}

private func element(_ name: String, _ attributes: [String: String] = [:], text: String = "") -> TwiMLElement {
    TwiMLElement(name, attributes: attributes.sorted { $0.key < $1.key }.map { .init($0.key, $0.value) }, text: text)
}

@Suite struct TwiMLValidatorStructureTests {
    @Test func acceptsAValidDocument() {
        let verbs: [TwiMLElement] = [
            .say("Welcome"),
            .gather(action: "/menu.xml", method: .get, numDigits: 1, prompts: [.say("Press 1")]),
            .dial([.number("+14155550100")], action: "https://example.com/after.xml", method: .get, timeout: 30),
        ]
        #expect(twimlViolationKinds(verbs) == [])
    }

    @Test func rootMustBeResponse() {
        let violations = TwiMLValidator().validate(TwiMLDocument(root: TwiMLElement("Respond", children: [.hangup])))
        #expect(violations.map(\.kind) == [.invalidRoot])
        #expect(violations.first?.message == "root element must be 'Response', found 'Respond'")
    }

    @Test func reportsUnknownElements() {
        let violations = TwiMLValidator().validate(TwiMLDocument([element("Speak", text: "hi")]))
        #expect(violations.map(\.kind) == [.unknownElement])
        #expect(violations.first?.message == "unknown TwiML element 'Speak'")
        #expect(twimlViolationKinds([element("say", text: "hi")]) == [.unknownElement])
    }

    @Test func reportsMisplacedElementsWithTheirPath() {
        let gather = TwiMLElement(
            "Gather", attributes: [.init("action", "/a.xml")], children: [.say("ok"), .dial([.number("+14155550100")])])
        let violations = TwiMLValidator().validate(TwiMLDocument([.say("x"), gather]))
        #expect(violations.map(\.kind) == [.misplacedElement])
        #expect(violations.first?.path == TwiMLPath([1, 1]))
        #expect(violations.first?.message == "'Dial' is not allowed inside 'Gather'")
        #expect(twimlViolationKinds([.number("+14155550100")]) == [.misplacedElement])
        #expect(twimlViolationKinds([TwiMLElement("Prompt", children: [.say("x")])]) == [.misplacedElement])
        #expect(twimlViolationKinds([TwiMLElement("Hangup", children: [.say("x")])]) == [.misplacedElement])
    }

    @Test func refusesDeprecatedUndocumentedAndRetiredElements() {
        #expect(twimlViolationKinds([element("Sms", text: "hi")]) == [.notGeneratable])
        #expect(twimlViolationKinds([element("Echo")]) == [.notGeneratable])
        #expect(twimlViolationKinds([TwiMLElement("Connect", children: [element("Autopilot")])]) == [.notGeneratable])
        #expect(twimlViolationKinds([conference("eventCallbackUrl", "/e")]) == [.notGeneratable])
        #expect(twimlViolationKinds([conference("statusCallback", "/e")]) == [])
    }

    @Test func warnsAboutUnconfirmedAttributes() {
        let violations = TwiMLValidator().validate(TwiMLDocument([dial("callReason", "Order update")]))
        #expect(violations.map(\.kind) == [.unconfirmedAttribute])
        #expect(violations.first?.severity == .warning)
        #expect(twimlViolationKinds([dial("events", "call-progress-event")]) == [.unconfirmedAttribute])
        #expect(
            twimlViolationKinds([dial("callReason", String(repeating: "x", count: 51))]) == [
                .unconfirmedAttribute, .valueTooLong,
            ])
    }

    @Test func limitsParallelEndpoints() {
        let ten = (0..<10).map { _ in TwiMLElement.number("+14155550100") }
        #expect(twimlViolationKinds([.dial(ten)]) == [])
        #expect(twimlViolationKinds([.dial(ten + [.number("+14155550101")])]) == [.tooManyChildren, .tooManyChildren])
        let mixed = (0..<6).map { _ in TwiMLElement.number("+14155550100") } + (0..<5).map { _ in .client("a") }
        let violations = TwiMLValidator().validate(TwiMLDocument([.dial(mixed)]))
        #expect(violations.map(\.kind) == [.tooManyChildren])
        #expect(violations.first?.message == "'Dial' holds 11 endpoint nouns, at most 10 are allowed")
    }

    @Test func allowsOneConferenceOrQueueAndNoMix() {
        #expect(twimlViolationKinds([.dial([.conference("a")])]) == [])
        #expect(
            twimlViolationKinds([.dial([.conference("a"), .conference("b")])]) == [.tooManyChildren, .tooManyChildren])
        #expect(twimlViolationKinds([.dial([.queue("q"), .queue("r")])]).contains(.tooManyChildren))
        let violations = TwiMLValidator().validate(TwiMLDocument([.dial([.number("+14155550100"), .conference("a")])]))
        #expect(violations.map(\.kind) == [.mixedChildGroups])
        #expect(
            violations.first?.message == "'Dial' mixes endpoint nouns and a conference; use only one kind of target")
        #expect(twimlViolationKinds([.dial([.conference("a"), .queue("q")])]) == [.mixedChildGroups])
    }

    @Test func dialTakesTextOrNounsButNotBothNorNeither() {
        #expect(twimlViolationKinds([TwiMLElement("Dial", text: "+14155550100")]) == [])
        let both = TwiMLElement("Dial", content: [.text("+14155550100"), .element(.number("+14155550101"))])
        #expect(twimlViolationKinds([both]) == [.textWithChildren])
        #expect(twimlViolationKinds([TwiMLElement("Dial")]) == [.missingContent])
    }

    @Test func connectHoldsExactlyOneNounAndStartAtLeastOne() {
        let stream = TwiMLElement("Stream", attributes: [.init("url", "wss://media.example.com/s")])
        #expect(twimlViolationKinds([TwiMLElement("Connect", children: [stream])]) == [])
        #expect(twimlViolationKinds([TwiMLElement("Connect")]) == [.wrongChildCount])
        let room = element("Room", text: "r")
        let violations = TwiMLValidator().validate(TwiMLDocument([TwiMLElement("Connect", children: [stream, room])]))
        #expect(violations.map(\.kind) == [.wrongChildCount])
        #expect(violations.first?.message == "'Connect' must hold exactly 1 child element, found 2")
        #expect(twimlViolationKinds([TwiMLElement("Start"), .hangup]) == [.wrongChildCount])
        #expect(twimlViolationKinds([TwiMLElement("Start", children: [stream]), .hangup]) == [])
    }

    @Test func enqueueHoldsAtMostOneTask() {
        let task = element("Task", text: #"{"skill":"billing"}"#)
        let enqueue = TwiMLElement("Enqueue", attributes: [.init("workflowSid", "WW1")], children: [task])
        #expect(twimlViolationKinds([enqueue]) == [])
        var two = enqueue
        two.content.append(.element(task))
        #expect(twimlViolationKinds([two]) == [.tooManyChildren])
    }

    @Test func checksTextPresence() {
        #expect(twimlViolationKinds([element("Hangup", text: "bye")]) == [.textNotAllowed])
        #expect(twimlViolationKinds([.dial([TwiMLElement("Number")])]) == [.textRequired])
        #expect(twimlViolationKinds([TwiMLElement("Enqueue")]) == [.textRequired])
        #expect(twimlViolationKinds([element("Enqueue", ["workflowSid": "WW123"])]) == [])
        #expect(twimlViolationKinds([TwiMLElement("Play")]) == [.textRequired])
        #expect(twimlViolationKinds([.play("", digits: "1234")]) == [])
    }

    @Test func checksAttributeNamesAndRequiredOnes() {
        let violations = TwiMLValidator().validate(TwiMLDocument([element("Say", ["Voice": "alice"], text: "x")]))
        #expect(violations.map(\.kind) == [.unknownAttribute])
        #expect(violations.first?.message == "unknown attribute 'Voice' on 'Say'")
        #expect(violations.first?.path == TwiMLPath([0], .attribute("Voice")))
        let duplicate = TwiMLElement("Say", attributes: [.init("loop", "1"), .init("loop", "2")], text: "x")
        #expect(twimlViolationKinds([duplicate]) == [.duplicateAttribute])
        let stream = TwiMLElement(
            "Stream", attributes: [.init("url", "wss://m.example.com")],
            children: [element("Parameter", ["value": "1"])])
        #expect(twimlViolationKinds([TwiMLElement("Connect", children: [stream])]) == [.missingAttribute])
    }

    @Test func collectsEveryViolationInDocumentOrder() {
        let violations = TwiMLValidator().validate(
            TwiMLDocument([element("Hangup", text: "x"), dial("timeout", "1"), element("Leave")]))
        #expect(violations.map(\.kind) == [.textNotAllowed, .valueOutOfRange, .verbNotAllowedInContext])
        #expect(violations.map(\.path.description) == ["/0#text", "/1@timeout", "/2"])
    }
}

@Suite struct TwiMLValidatorValueTests {
    @Test func booleansAreTheTwoLiterals() {
        #expect(twimlViolationKinds([dial("hangupOnStar", "true")]) == [])
        #expect(twimlViolationKinds([dial("hangupOnStar", "false")]) == [])
        for bad in ["True", "yes", "1", ""] {
            #expect(twimlViolationKinds([dial("hangupOnStar", bad)]) == [.invalidBoolean], "\(bad)")
        }
        #expect(twimlViolationKinds([conference("endConferenceOnExit", "TRUE")]) == [.invalidBoolean])
    }

    @Test func dialTimeoutIsFiveToSixHundred() {
        #expect(twimlViolationKinds([dial("timeout", "5")]) == [])
        #expect(twimlViolationKinds([dial("timeout", "600")]) == [])
        #expect(twimlViolationKinds([dial("timeout", "4")]) == [.valueOutOfRange])
        #expect(twimlViolationKinds([dial("timeout", "601")]) == [.valueOutOfRange])
        #expect(twimlViolationKinds([dial("timeout", "-5")]) == [.invalidInteger])
        #expect(twimlViolationKinds([dial("timeout", "ten")]) == [.invalidInteger])
        #expect(twimlViolationKinds([dial("timeout", "99999999999999999999999")]) == [.valueOutOfRange])
        let message = TwiMLValidator().validate(TwiMLDocument([dial("timeout", "4")])).first?.message
        #expect(message == "attribute 'timeout' of 'Dial' must be an integer from 5 to 600 seconds, found '4'")
    }

    @Test func maxParticipantsIsOneToTwoHundredFifty() {
        #expect(twimlViolationKinds([conference("maxParticipants", "1")]) == [])
        #expect(twimlViolationKinds([conference("maxParticipants", "250")]) == [])
        #expect(twimlViolationKinds([conference("maxParticipants", "0")]) == [.valueOutOfRange])
        #expect(twimlViolationKinds([conference("maxParticipants", "251")]) == [.valueOutOfRange])
    }

    @Test func otherRanges() {
        #expect(twimlViolationKinds([.pause(length: 1)]) == [])
        #expect(twimlViolationKinds([.pause(length: 0)]) == [.valueOutOfRange])
        #expect(twimlViolationKinds([.say("x", loop: 0)]) == [])
        #expect(twimlViolationKinds([.record(action: "/r", maxLength: 14400)]) == [])
        #expect(twimlViolationKinds([.record(action: "/r", maxLength: 14401)]) == [.valueOutOfRange])
        let amd = TwiMLElement("Number", attributes: [.init("machineDetectionTimeout", "2")], text: "+14155550100")
        #expect(twimlViolationKinds([.dial([amd])]) == [.valueOutOfRange])
        #expect(twimlViolationKinds([element("Gather", ["speechTimeout": "auto"])]) == [])
        #expect(twimlViolationKinds([element("Gather", ["speechTimeout": "soon"])]) == [.invalidInteger])
    }

    @Test func enumerationsUseTheDocumentedValueSets() {
        #expect(twimlViolationKinds([dial("record", "record-from-answer-dual")]) == [])
        #expect(twimlViolationKinds([dial("record", "record-always")]) == [.invalidEnumValue])
        #expect(twimlViolationKinds([dial("ringTone", "us-old")]) == [])
        #expect(twimlViolationKinds([dial("ringTone", "xx")]) == [.invalidEnumValue])
        #expect(twimlViolationKinds([conference("beep", "onEnter")]) == [])
        #expect(twimlViolationKinds([conference("beep", "onenter")]) == [.invalidEnumValue])
        #expect(twimlViolationKinds([.reject(reason: "busy")]) == [])
        #expect(twimlViolationKinds([.reject(reason: "declined")]) == [.invalidEnumValue])
    }

    @Test func enumerationListsAreSpaceSeparatedDistinctValues() {
        #expect(twimlViolationKinds([conference("statusCallbackEvent", "start end join")]) == [])
        for bad in ["start start", "start,end", "start  end", "", "begin"] {
            #expect(twimlViolationKinds([conference("statusCallbackEvent", bad)]) == [.invalidEnumValue], "\(bad)")
        }
        #expect(twimlViolationKinds([element("Gather", ["input": "dtmf speech"])]) == [])
    }

    @Test func methodsAreUppercaseGetOrPost() {
        #expect(twimlViolationKinds([.redirect("/a", method: .get)]) == [])
        #expect(twimlViolationKinds([element("Redirect", ["method": "get"], text: "/a")]) == [.invalidMethod])
        #expect(twimlViolationKinds([element("Redirect", ["method": "PUT"], text: "/a")]) == [.invalidMethod])
    }

    @Test(arguments: [
        "https://example.com/a.xml", "http://example.com:8080/a?b=1&c=2", "/relative/path.xml", "../next",
        "next.xml", "https://user@sub.example.co.uk/x", "https://[2001:db8::1]/x", "https://127.0.0.1/x",
    ])
    func acceptsURLs(_ url: String) {
        #expect(twimlViolationKinds([.redirect(url)]) == [])
    }

    @Test(arguments: [
        "https://my_host.example.com/x", "ftp://example.com/x", "https://", "https:///path", "https:example.com",
        "has space.xml", "https://example.com/a b", "https://-bad.example.com/", "https://example.com:port/",
        "//under_score.example.com/x", "wss://example.com/x",
    ])
    func rejectsURLs(_ url: String) {
        #expect(twimlViolationKinds([.redirect(url)]) == [.invalidURL])
    }

    @Test func underscoreHostMessageNamesTheHost() {
        let message = TwiMLValidator().validate(TwiMLDocument([.redirect("https://my_host.example.com/x")])).first?
            .message
        #expect(message?.contains("'_' in its host name 'my_host.example.com'") == true)
    }

    @Test func emptyURLsOnlyWhereTheyMeanSomething() {
        #expect(twimlViolationKinds([.enqueue("q", waitUrl: "")]) == [])
        #expect(twimlViolationKinds([.dial([.conference("r", waitUrl: "")])]) == [])
        #expect(twimlViolationKinds([.redirect("")]) == [])
        #expect(twimlViolationKinds([element("Gather", ["action": ""])]) == [.invalidURL])
    }

    @Test func streamURLsAreWebSocketsWithoutQuery() {
        func connect(_ url: String) -> TwiMLElement {
            TwiMLElement("Connect", children: [TwiMLElement("Stream", attributes: [.init("url", url)])])
        }
        #expect(twimlViolationKinds([connect("wss://media.example.com/stream")]) == [])
        #expect(twimlViolationKinds([connect("https://media.example.com/stream")]) == [.invalidURL])
        #expect(twimlViolationKinds([connect("wss://media.example.com/stream?x=1")]) == [.invalidURL])
        #expect(twimlViolationKinds([connect("/relative")]) == [.invalidURL])
    }

    @Test func queueNamesAreOneToSixtyFourCharacters() {
        #expect(twimlViolationKinds([.enqueue(String(repeating: "q", count: 64))]) == [])
        #expect(twimlViolationKinds([.enqueue(String(repeating: "q", count: 65))]) == [.valueTooLong])
        #expect(twimlViolationKinds([.dial([.queue(String(repeating: "é", count: 65))])]) == [.valueTooLong])
        #expect(twimlViolationKinds([.dial([.queue("")])]) == [.textRequired])
    }

    @Test func participantLabelsAreShortAndSlashFree() {
        #expect(twimlViolationKinds([conference("participantLabel", String(repeating: "a", count: 128))]) == [])
        #expect(
            twimlViolationKinds([conference("participantLabel", String(repeating: "a", count: 129))]) == [.valueTooLong]
        )
        #expect(twimlViolationKinds([conference("participantLabel", "agent/1")]) == [.invalidString])
        #expect(twimlViolationKinds([conference("participantLabel", "")]) == [.invalidString])
    }

    @Test func keysAreFromTheirAlphabet() {
        #expect(twimlViolationKinds([.play("", digits: "wW1234#*ABCD")]) == [])
        #expect(twimlViolationKinds([.play("", digits: "12x")]) == [.invalidKeys])
        #expect(twimlViolationKinds([element("Gather", ["finishOnKey": ""])]) == [])
        #expect(twimlViolationKinds([element("Gather", ["finishOnKey": "##"])]) == [.invalidKeys])
        #expect(twimlViolationKinds([element("Record", ["finishOnKey": "A"])]) == [.invalidKeys])
    }

    @Test(arguments: ["+14155550100", "+1", "+442071838750", "+123456789012345"])
    func acceptsE164Numbers(_ number: String) {
        #expect(twimlViolationKinds([.dial([.number(number)])]) == [])
        #expect(twimlViolationKinds([TwiMLElement("Dial", text: number)]) == [])
    }

    @Test(arguments: ["4155550100", "14155550100", "+", "+0441234", "+1234567890123456", "+1 415 555 0100", "+1-415"])
    func rejectsNonE164Numbers(_ number: String) {
        #expect(twimlViolationKinds([.dial([.number(number)])]) == [.invalidPhoneNumber])
    }

    @Test func unformattedUSNumberMessageShowsTheE164Form() {
        let message = TwiMLValidator().validate(TwiMLDocument([.dial([.number("4155550100")])])).first?.message
        #expect(message == "text of 'Number' must be an E.164 number such as '+14155550100', found '4155550100'")
    }

    @Test func sipURIsNeedSchemeAndLengthLimits() {
        #expect(twimlViolationKinds([.dial([.sip("sip:alice@example.com")])]) == [])
        #expect(twimlViolationKinds([.dial([.sip("sips:alice@example.com;transport=tls?X-Id=1")])]) == [])
        #expect(twimlViolationKinds([.dial([.sip("alice@example.com")])]) == [.invalidSIPURI])
        #expect(twimlViolationKinds([.dial([.sip("sip:")])]) == [.invalidSIPURI])
        #expect(twimlViolationKinds([.dial([.sip("sip:a b@example.com")])]) == [.invalidSIPURI])
        let prefix = "sip:"
        let fits = prefix + String(repeating: "a", count: 254 - prefix.count)
        #expect(twimlViolationKinds([.dial([.sip(fits)])]) == [])
        #expect(twimlViolationKinds([.dial([.sip(fits + "a")])]) == [.invalidSIPURI])
        let headers = "sip:a@example.com?" + String(repeating: "h", count: 1024)
        #expect(twimlViolationKinds([.dial([.sip(headers)])]) == [.invalidSIPURI])
    }

    @Test func voicesAndLanguages() {
        for voice in ["man", "woman", "alice", "Polly.Joanna", "Polly.Joanna-Neural", "Google.en-US-Standard-C"] {
            #expect(twimlViolationKinds([.say("x", voice: voice)]) == [], "\(voice)")
        }
        for voice in ["Alice", "polly.joanna", "Polly.", "Polly.Jo anna"] {
            #expect(twimlViolationKinds([.say("x", voice: voice)]) == [.invalidEnumValue], "\(voice)")
        }
        #expect(twimlViolationKinds([.say("x", language: "pt-BR")]) == [])
        #expect(twimlViolationKinds([.say("x", language: "english")]) == [.invalidEnumValue])
    }

    @Test func taskBodyIsAJSONObject() {
        func enqueue(_ body: String) -> TwiMLElement {
            TwiMLElement("Enqueue", attributes: [.init("workflowSid", "WW1")], children: [element("Task", text: body)])
        }
        #expect(twimlViolationKinds([enqueue(#"{"a":1}"#)]) == [])
        #expect(twimlViolationKinds([enqueue("[1]")]) == [.invalidString])
        #expect(twimlViolationKinds([enqueue("{")]) == [.invalidString])
    }
}

@Suite struct TwiMLValidatorSpeechAndSizeTests {
    @Test func sayNeedsSomethingToSpeak() {
        #expect(twimlViolationKinds([.say("")]) == [.emptySay])
        #expect(twimlViolationKinds([.say("  \n ")]) == [.emptySay])
        let ssmlOnly = TwiMLElement("Say", children: [element("break", ["time": "1s"])])
        #expect(twimlViolationKinds([ssmlOnly]) == [.emptySay])
        let spoken = TwiMLElement("Say", children: [TwiMLElement("p", text: "Hello")])
        #expect(twimlViolationKinds([spoken]) == [])
    }

    @Test func sayLengthDependsOnVoice() {
        let long = { (count: Int) in String(repeating: "a", count: count) }
        #expect(twimlViolationKinds([.say(long(4096))]) == [])
        #expect(twimlViolationKinds([.say(long(4097))]) == [.sayTextTooLong])
        #expect(twimlViolationKinds([.say(long(4096), voice: "alice")]) == [])
        #expect(twimlViolationKinds([.say(long(3000), voice: "Polly.Joanna")]) == [])
        #expect(twimlViolationKinds([.say(long(3001), voice: "Polly.Joanna-Neural")]) == [.sayTextTooLong])
        #expect(twimlViolationKinds([.say(long(5000), voice: "Google.en-US-Standard-C")]) == [])
        #expect(twimlViolationKinds([.say(long(5001), voice: "Google.en-US-Standard-C")]) == [.sayTextTooLong])
        let message = TwiMLValidator().validate(TwiMLDocument([.say(long(3001), voice: "Polly.Joanna")])).first?.message
        #expect(message == "'Say' text is 3001 characters long, at most 3000 are allowed for voice 'Polly.Joanna'")
    }

    @Test func sayLengthCountsSSMLTextButNotMarkup() {
        let text = String(repeating: "a", count: 2000)
        let say = TwiMLElement(
            "Say", attributes: [.init("voice", "Polly.Joanna")],
            content: [.text(text), .element(TwiMLElement("s", text: text))])
        #expect(twimlViolationKinds([say]) == [.sayTextTooLong])
    }

    @Test func documentSizeIsLimited() {
        let say = TwiMLElement.say(String(repeating: "a", count: 4000))
        let fits = Array(repeating: say, count: 15)
        #expect(TwiMLRenderer().render(TwiMLDocument(fits)).utf8.count < TwiMLValidator.maximumDocumentBytes)
        #expect(twimlViolationKinds(fits) == [])
        let tooBig = Array(repeating: say, count: 16)
        #expect(TwiMLRenderer().render(TwiMLDocument(tooBig)).utf8.count > TwiMLValidator.maximumDocumentBytes)
        #expect(twimlViolationKinds(tooBig) == [.documentTooLarge])
        #expect(TwiMLValidator.maximumDocumentBytes == 64_000)
    }

    @Test func forbiddenXMLCharactersAreReported() {
        #expect(twimlViolationKinds([.say("tab\tline\nreturn\r ok")]) == [])
        let violations = TwiMLValidator().validate(TwiMLDocument([.say("bell\u{7}")]))
        #expect(violations.map(\.kind) == [.invalidXMLCharacter])
        #expect(violations.first?.message == "text of 'Say' contains U+0007, which XML 1.0 does not allow")
        #expect(twimlViolationKinds([.say("x\u{FFFE}")]) == [.invalidXMLCharacter])
        #expect(twimlViolationKinds([.say("x\u{FFFF}")]) == [.invalidXMLCharacter])
        #expect(twimlViolationKinds([.redirect("/a\u{1}")]) == [.invalidXMLCharacter])
        #expect(twimlViolationKinds([element("Gather", ["hints": "a\u{0}"])]) == [.invalidXMLCharacter])
    }
}
