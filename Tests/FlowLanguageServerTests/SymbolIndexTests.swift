import FlowCompiler
import FlowDiagnostics
import Testing

@testable import FlowLanguageServer

@Suite struct SymbolIndexTests {
    /// Every kind of name, declared and used: Grammar.md's queue_hold and conference examples together.
    static let text = """
        flow queue_hold
          serve at "https://twiml.example.com/queue_hold"
          audio music = "https://cdn.example.com/hold.mp3"
          queue parked
            wait music
          room desk shared
            hold music
          leg agent outbound
            step start
              dial customer "+15557654321" then -> waiting
            step waiting
              play music
              go -> waiting
            step pickup
              dial queue parked then -> done
            step done
              join desk then hangup
          leg customer dialed
            step held
              enqueue parked then -> done
            step done
              hangup
          operation hold customer -> held during agent.start
          operation reconnect agent -> pickup during waiting
          operation hold agent in desk
        """

    let source = SourceFile(path: "q.flow", text: Self.text)
    var index: SymbolIndex { SymbolIndex(Parser.parse(source).syntax) }

    private func offset(of needle: String, occurrence: Int = 0) -> Int {
        var range = Self.text.startIndex..<Self.text.endIndex
        var found = Self.text.range(of: needle, range: range)!
        for _ in 0..<occurrence {
            range = found.upperBound..<Self.text.endIndex
            found = Self.text.range(of: needle, range: range)!
        }
        return Self.text.utf8.distance(from: Self.text.startIndex, to: found.lowerBound)
    }

    private func lines(of occurrences: [SymbolOccurrence]) -> [Int] { occurrences.map(\.span.start.line).sorted() }

    @Test func stepsAreScopedByLeg() throws {
        let index = index
        let agentDone = try #require(index.occurrence(at: offset(of: "-> done") + 3))
        #expect(agentDone.key.kind == .step && agentDone.key.leg == "agent")
        #expect(lines(of: index.references(to: agentDone.key, includeDeclaration: true)) == [15, 16])
        let customerDone = try #require(index.occurrence(at: offset(of: "-> done", occurrence: 1) + 3))
        #expect(customerDone.key.leg == "customer")
        #expect(index.definition(of: customerDone.key)?.span.start.line == 21)
    }

    @Test func operationsReferToLegsStepsAndRooms() throws {
        let index = index
        // `agent.start` in a during list names the agent's step; a bare `waiting` the operation leg's.
        let start = try #require(index.occurrence(at: offset(of: "agent.start") + 6))
        #expect(start.key == SymbolKey(kind: .step, flowIndex: 0, flow: "queue_hold", leg: "agent", name: "start"))
        #expect(index.definition(of: start.key)?.span.start.line == 9)
        let waiting = try #require(index.occurrence(at: offset(of: "during waiting") + 7))
        #expect(waiting.key.leg == "agent")
        #expect(lines(of: index.references(to: waiting.key, includeDeclaration: false)) == [10, 13, 24])
        let held = try #require(index.occurrence(at: offset(of: "-> held") + 3))
        #expect(held.key.leg == "customer")
        let customer = try #require(index.occurrence(at: offset(of: "hold customer") + 5))
        #expect(customer.key.kind == .leg)
        #expect(lines(of: index.references(to: customer.key, includeDeclaration: true)) == [10, 18, 23])
        let desk = try #require(index.occurrence(at: offset(of: "in desk") + 3))
        #expect(lines(of: index.references(to: desk.key, includeDeclaration: true)) == [6, 17, 25])
        let operation = try #require(index.occurrence(at: offset(of: "reconnect agent")))
        #expect(operation.key.kind == .operation && operation.key.name == "reconnect-agent" && operation.isDefinition)
    }

    @Test func queuesAndAssetsAreFoundInEveryPlaceTheyAreNamed() throws {
        let index = index
        let parked = try #require(index.occurrence(at: offset(of: "queue parked") + 6))
        #expect(parked.isDefinition)
        #expect(lines(of: index.references(to: parked.key, includeDeclaration: false)) == [15, 20])
        let music = try #require(index.occurrence(at: offset(of: "wait music") + 5))
        #expect(lines(of: index.references(to: music.key, includeDeclaration: true)) == [3, 5, 7, 12])
    }

    @Test func aCursorJustAfterANameStillFindsIt() throws {
        let end = offset(of: "step pickup") + "step pickup".utf8.count
        #expect(index.occurrence(at: end)?.key.name == "pickup")
        #expect(index.occurrence(at: offset(of: "serve at")) == nil)
    }

    @Test func aFileWithErrorsIsStillIndexed() {
        let broken = SourceFile(path: "b.flow", text: """
            flow b
              leg caller entry
                step start
                  say "unterminated
                  go -> later
                step later
                  hangup
            """)
        let index = SymbolIndex(Parser.parse(broken).syntax)
        let later = index.occurrences.filter { $0.key.name == "later" }
        #expect(later.count == 2)
        #expect(later.contains { $0.isDefinition })
    }

    @Test func twoFlowsOfOneNameStayApart() {
        let twice = SourceFile(path: "t.flow", text: """
            flow t
              leg caller entry
                step start
                  hangup
            flow t
              leg caller entry
                step start
                  go -> start
            """)
        let index = SymbolIndex(Parser.parse(twice).syntax)
        let uses = index.occurrences.filter { $0.key.kind == .step && !$0.isDefinition }
        #expect(uses.count == 1)
        #expect(index.definition(of: uses[0].key)?.span.start.line == 7)
    }
}
