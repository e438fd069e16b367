import FlowCompiler
import FlowDiagnostics
import Testing

@testable import FlowLanguageServer

/// Completion reads the half-written line and the block headers above it; `|` marks the cursor.
@Suite struct CompletionTests {
    static let flow = """
        flow f
          serve at "https://twiml.example.com/f"
          audio music = "https://cdn.example.com/m.mp3"
          queue parked
          room desk shared
          leg caller entry
            step start
              |
          leg agent dialed
            step held
              hangup
          leg boss outbound
            step start
              hangup

        """

    private func labels(_ line: String) -> [String] {
        let text = Self.flow.replacingOccurrences(of: "|", with: line)
        let marker = text.range(of: "¦")!
        let source = SourceFile(path: "f.flow", text: text.replacingOccurrences(of: "¦", with: ""))
        let offset = text.utf8.distance(from: text.startIndex, to: marker.lowerBound)
        let syntax = Parser.parse(source).syntax
        let context = CompletionContext(source: source, syntax: syntax, offset: offset)
        return Completion.items(index: SymbolIndex(syntax), context: context)
            .filter { context.partial.isEmpty || $0.label.hasPrefix(context.partial) }
            .map(\.label)
    }

    @Test func theFirstWordOfAStepLineIsAVerb() {
        #expect(labels("¦").contains("dial"))
        #expect(labels("en¦") == ["enqueue"])
    }

    @Test func dialOffersDialedLegsAndQueue() {
        #expect(labels("dial ¦") == ["queue", "agent"])
        #expect(labels("dial queue ¦") == ["parked"])
    }

    @Test func namesOfEachKind() {
        #expect(labels("join ¦") == ["desk"])
        #expect(labels("play ¦") == ["music"])
        #expect(labels("go -> ¦") == ["start"], "steps of the enclosing leg only")
        #expect(labels("join desk then ¦") == ["->", "hangup"])
    }

    @Test func optionsNotYetWrittenAndTheirValues() {
        let options = labels("join desk muted ¦")
        #expect(options.contains("beep") && !options.contains("muted") && options.contains("then"))
        #expect(labels("join desk beep=¦") == ["beep=true", "beep=false", "beep=onEnter", "beep=onExit"])
        #expect(labels("dial agent \"+15551230000\" record=¦").first == "record=\"do-not-record\"")
    }

    @Test func operations() {
        #expect(labels("operation hold caller in ¦") == ["desk"])
        let steps = labels("operation move agent -> ¦")
        #expect(steps.first == "held" && steps.contains("caller.start") && steps.contains("boss.start"))
        #expect(labels("operation ¦") == ["hold", "unhold", "reconnect", "move"])
    }
}
