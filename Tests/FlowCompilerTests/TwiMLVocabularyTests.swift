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
            "Response", "Say", "break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w",
            "Play",
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
