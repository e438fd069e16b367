import FlowCompiler
import Testing

@Suite struct TwiMLContextTests {
    @Test func contextVerbsAreGeneratableResponseChildren() {
        let verbs = Set(TwiMLVocabulary.verbNames)
        for context in TwiMLContext.allCases {
            #expect(Set(context.allowedVerbs).isSubset(of: verbs), "\(context)")
            for name in context.allowedVerbs {
                let spec = TwiMLVocabulary.root.children.compactMap { TwiMLVocabulary.spec(id: $0.specID) }
                    .first { $0.name == name }
                #expect(spec?.support.isGeneratable == true, "\(context) \(name)")
            }
        }
    }

    @Test func normalAllowsEveryGeneratableVerbButLeave() {
        let generatable = TwiMLVocabulary.root.children.compactMap { TwiMLVocabulary.spec(id: $0.specID) }
            .filter(\.support.isGeneratable).map(\.name)
        #expect(Set(TwiMLContext.normal.allowedVerbs) == Set(generatable).subtracting(["Leave"]))
    }

    @Test func endOfDocumentMeanings() {
        #expect(TwiMLContext.normal.endOfDocument == .hangUp)
        #expect(TwiMLContext.enqueueWait.endOfDocument == .reRequest)
        #expect(TwiMLContext.conferenceWait.endOfDocument == .silence)
        #expect(TwiMLContext.whisper.endOfDocument == .bridge)
        #expect(TwiMLContext.queueWhisper.endOfDocument == .bridge)
        #expect(TwiMLContext.hold.endOfDocument == .undocumented)
    }

    @Test(arguments: [
        (TwiMLContext.hold, "Dial"), (.hold, "Gather"), (.conferenceWait, "Gather"), (.conferenceWait, "Hangup"),
        (.whisper, "Dial"), (.whisper, "Pause"), (.whisper, "Redirect"), (.queueWhisper, "Hangup"),
        (.enqueueWait, "Dial"), (.enqueueWait, "Enqueue"), (.normal, "Leave"),
    ])
    func refusesVerbsOutsideTheWhitelist(context: TwiMLContext, verb: String) {
        let violations = TwiMLValidator().validate(TwiMLDocument([sampleVerb(verb)], context: context))
        #expect(violations.map(\.kind) == [.verbNotAllowedInContext])
        #expect(violations.first?.message == "'\(verb)' is not allowed in \(context.displayName)")
        #expect(violations.first?.path == TwiMLPath([0]))
    }

    @Test(arguments: [
        (TwiMLContext.enqueueWait, ["Play", "Say", "Pause", "Hangup", "Redirect", "Leave", "Gather"]),
        (.conferenceWait, ["Play", "Say", "Pause", "Redirect"]), (.hold, ["Play", "Say", "Pause", "Redirect"]),
        (.whisper, ["Play", "Say", "Gather", "Hangup"]), (.queueWhisper, ["Play", "Say", "Pause", "Redirect"]),
        (.normal, ["Say", "Play", "Pause", "Gather", "Record", "Dial", "Enqueue", "Hangup", "Redirect", "Reject"]),
    ])
    func acceptsWhitelistedVerbs(context: TwiMLContext, verbs: [String]) {
        let document = TwiMLDocument(verbs.map(sampleVerb), context: context)
        #expect(TwiMLValidator().validate(document) == [])
    }

    @Test func enqueueWaitGatherListensForOneInputKind() {
        func gather(_ input: String) -> TwiMLElement {
            .gather(action: "/wait-choice.xml", input: input.split(separator: " ").map(String.init))
        }
        #expect(twimlViolationKinds([gather("dtmf")], context: .enqueueWait) == [])
        #expect(twimlViolationKinds([gather("speech")], context: .enqueueWait) == [])
        let violations = TwiMLValidator().validate(TwiMLDocument([gather("dtmf speech")], context: .enqueueWait))
        #expect(violations.map(\.kind) == [.gatherInputNotAllowedInContext])
        #expect(violations.first?.path == TwiMLPath([0], .attribute("input")))
        #expect(twimlViolationKinds([gather("dtmf speech")], context: .normal) == [])
    }

    @Test func restrictionsApplyToTopLevelVerbsOnly() {
        let gather = TwiMLElement.gather(action: "/w.xml", prompts: [.say("Press 1"), .pause(length: 1)])
        #expect(twimlViolationKinds([gather], context: .whisper) == [])
    }

    private func sampleVerb(_ name: String) -> TwiMLElement {
        switch name {
        case "Say": .say("Please hold")
        case "Play": .play("/music.mp3")
        case "Pause": .pause(length: 2)
        case "Gather": .gather(action: "/choice.xml", input: ["dtmf"], prompts: [.say("Press 1")])
        case "Record": .record(action: "/recorded.xml")
        case "Dial": .dial([.number("+14155550100")], action: "/after.xml")
        case "Enqueue": .enqueue("support")
        case "Leave": .leave
        case "Hangup": .hangup
        case "Redirect": .redirect("")
        case "Reject": .reject()
        default: TwiMLElement(name)
        }
    }
}
