import FlowCompiler
import Testing

@Suite struct TwiMLVocabularyTests {
    @Test func specIDsAreUnique() {
        let ids = TwiMLVocabulary.specs.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    }

    @Test func everyChildRuleNamesAnExistingSpecOnce() {
        for spec in TwiMLVocabulary.specs {
            let ids = spec.children.map(\.specID)
            #expect(Set(ids).count == ids.count, "'\(spec.id)' lists a child twice")
            for id in ids {
                #expect(TwiMLVocabulary.spec(id: id) != nil, "'\(spec.id)' names unknown child '\(id)'")
            }
            let names = ids.compactMap { TwiMLVocabulary.spec(id: $0)?.name }
            #expect(Set(names).count == names.count, "'\(spec.id)' has two children with one XML name")
        }
    }

    @Test func noSpecHasDuplicateAttributes() {
        for spec in TwiMLVocabulary.specs {
            let names = spec.attributes.map(\.name)
            #expect(Set(names).count == names.count, "'\(spec.id)' repeats an attribute")
        }
    }

    @Test func everySpecIsReachableFromResponse() {
        var reached: Set<String> = ["Response"]
        var frontier = ["Response"]
        while let id = frontier.popLast() {
            for child in TwiMLVocabulary.spec(id: id)?.children ?? [] where reached.insert(child.specID).inserted {
                frontier.append(child.specID)
            }
        }
        #expect(Set(TwiMLVocabulary.specs.map(\.id)).subtracting(reached) == [])
    }

    @Test func documentedDefaultsFitTheirOwnTypes() {
        for spec in TwiMLVocabulary.specs {
            for attribute in spec.attributes {
                guard let value = attribute.defaultValue else { continue }
                #expect(attribute.type.problem(with: value) == nil, "\(spec.id).\(attribute.name)=\(value)")
            }
        }
    }

    @Test func exclusiveGroupsAndTextExemptionsReferToRealMembers() {
        for spec in TwiMLVocabulary.specs {
            let childIDs = Set(spec.children.map(\.specID))
            for group in spec.exclusiveGroups {
                #expect(Set(group.members).isSubset(of: childIDs), "'\(spec.id)' group '\(group.label)'")
            }
            if let attribute = spec.text.optionalWithAttribute {
                #expect(spec.attribute(named: attribute) != nil, "'\(spec.id)' text exemption '\(attribute)'")
            }
            if spec.textExcludesChildren || spec.requiresTextOrChild {
                #expect(spec.text.presence != .forbidden && !spec.children.isEmpty, "'\(spec.id)'")
            }
        }
    }

    @Test func coversTheWholeVoiceVocabulary() {
        let names = Set(TwiMLVocabulary.specs.map(\.name))
        let expected: Set<String> = [
            "Response", "Say", "break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w", "Play",
            "Pause", "Gather", "Record", "Dial", "Number", "Client", "Identity", "Parameter", "Sip", "Uri", "Headers",
            "Header", "Sim", "Application", "ApplicationSid", "WhatsApp", "Conference", "Queue", "Enqueue", "Task",
            "Leave", "Hangup", "Redirect", "Reject", "Refer", "Connect", "Stream", "Room", "VirtualAgent",
            "ConversationRelay", "Conversation", "AiSession", "ConversationRelaySession", "Assistant", "Config",
            "Language", "Start", "Stop", "Siprec", "Transcription", "Recording", "Pay", "Prompt", "Sms", "Echo",
            "Autopilot",
        ]
        #expect(expected.subtracting(names) == [])
    }

    @Test func marksTheElementsNotToGenerate() {
        let refused = TwiMLVocabulary.specs.filter { !$0.support.isGeneratable }.map(\.name).sorted()
        #expect(refused == ["Autopilot", "Echo", "Sms"])
    }

    @Test func resolvesSharedNamesByParent() {
        let refer = TwiMLVocabulary.spec(id: "Refer")
        let dial = TwiMLVocabulary.spec(id: "Dial")
        let connect = TwiMLVocabulary.spec(id: "Connect")
        let start = TwiMLVocabulary.spec(id: "Start")
        #expect(refer.flatMap { TwiMLVocabulary.childSpec(named: "Sip", in: $0) }?.id == "ReferSip")
        #expect(dial.flatMap { TwiMLVocabulary.childSpec(named: "Sip", in: $0) }?.id == "Sip")
        let connectStream = connect.flatMap { TwiMLVocabulary.childSpec(named: "Stream", in: $0) }
        let startStream = start.flatMap { TwiMLVocabulary.childSpec(named: "Stream", in: $0) }
        #expect(connectStream?.attribute(named: "track")?.type.problem(with: "both_tracks") != nil)
        #expect(startStream?.attribute(named: "track")?.type.problem(with: "both_tracks") == nil)
    }

    @Test func encodesKeyDialFacts() {
        let dial = TwiMLVocabulary.spec(id: "Dial")
        #expect(dial?.attribute(named: "timeout")?.type == .integer(5...600, unit: .seconds))
        #expect(dial?.attribute(named: "method")?.defaultValue == "POST")
        #expect(dial.map { TwiMLVocabulary.childRule(for: "Number", in: $0)?.maxCount } == 10)
        #expect(dial.map { TwiMLVocabulary.childRule(for: "Conference", in: $0)?.maxCount } == 1)
        #expect(dial?.textExcludesChildren == true)
        #expect(TwiMLVocabulary.verbNames.first == "Say")
        #expect(!TwiMLVocabulary.verbNames.contains("Queue") && !TwiMLVocabulary.verbNames.contains("Prompt"))
    }
}

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
