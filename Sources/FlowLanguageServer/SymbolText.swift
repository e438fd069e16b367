import FlowCompiler
import FlowDiagnostics

/// The words of hover: what a symbol or an option is, in the terms of Grammar.md.
enum SymbolText {
    static func headline(_ key: SymbolKey, declaration: SymbolIndex.Declaration?) -> String {
        let name = "`\(key.name)`"
        switch (key.kind, declaration) {
        case (.flow, _):
            return "**flow** \(name)"
        case (.leg, .leg(let leg)?):
            let role = leg.role.map { "`\($0.rawValue)`" } ?? "(no role)"
            return "**leg** \(name), \(role) · flow `\(key.flow)`\n\n" + roleText(leg.role)
        case (.step, .step(_, let leg)?):
            return "**step** \(name) of leg `\(leg.name.name)` · flow `\(key.flow)`"
        case (.step, _):
            return "**step** \(name) of leg `\(key.leg ?? "?")` · flow `\(key.flow)`"
        case (.queue, _):
            return "**queue** \(name) · flow `\(key.flow)`: legs `enqueue` into it; `dial queue` bridges the longest waiting"
        case (.room, _):
            return "**room** \(name) · flow `\(key.flow)`: a conference room that legs `join`"
        case (.asset, .asset(let audio)?):
            return "**audio** \(name) = \(audio.url?.sourceText ?? "?") · flow `\(key.flow)`"
        case (.asset, _):
            return "**audio** \(name) · flow `\(key.flow)`"
        case (.operation, .operation(let operation)?):
            return "**operation** \(name) · flow `\(key.flow)`\n\n" + operationText(operation)
        default:
            return "**\(key.kind.rawValue)** \(name) · flow `\(key.flow)`"
        }
    }

    /// Grammar.md §7, one line per role.
    static func roleText(_ role: LegRole?) -> String {
        switch role {
        case .entry: "Twilio calls the flow when someone calls the number; its first step's URL is set on the number."
        case .outbound: "The application creates it through the REST API; its first step's URL is passed as `Url`."
        case .dialed: "A `dial` of this leg creates it; its steps are where operations move it."
        case nil: "Its role is missing or unknown."
        }
    }

    /// Grammar.md §9, what the application does for each kind of operation.
    static func operationText(_ operation: OperationSyntax) -> String {
        switch (operation.kind, operation.target) {
        case (.hold?, .room), (.unhold?, .room):
            "The conference strategy: the leg stays in the room and its participant is updated with `Hold`; no TwiML changes."
        case (.hold?, _):
            "The queue strategy: the application moves the leg to the step, which must `enqueue` it."
        case (.reconnect?, _):
            "Moves the leg to the step, which must `dial queue` the queue where the held leg waits."
        case (.unhold?, _):
            "The queue strategy's unhold: moves the held leg to the step."
        case (.move?, _):
            "Moves the leg to the step (a REST call update)."
        case (nil, _):
            "Its kind is missing or unknown."
        }
    }

    /// The declaration's lines as written: a step with its verbs, a leg's header, a queue or room with
    /// its documents; long blocks are cut at 20 lines.
    static func sourceBlock(of declaration: SymbolIndex.Declaration, in source: SourceFile) -> String? {
        let header: SourceSpan
        var wholeBlock = true
        switch declaration {
        case .flow(let flow):
            header = flow.span
            wholeBlock = false
        case .leg(let leg):
            header = leg.span
            wholeBlock = false
        case .step(let step, _): header = step.span
        case .resource(let resource): header = resource.span
        case .asset(let audio): header = audio.span
        case .operation(let operation): header = operation.span
        }
        guard header.path == source.path else { return nil }
        let span = wholeBlock ? Outline(source: source).block(of: header) : header
        let lines = (span.start.line...max(span.start.line, span.end.line)).map(source.lineText)
        let indentation = lines.filter { !$0.allSatisfy { $0 == " " } }.map(Outline.indentation(of:)).min() ?? 0
        var shown = lines.map { String($0.dropFirst(min(indentation, Outline.indentation(of: $0)))) }
        if shown.count > 20 { shown = Array(shown.prefix(20)) + ["…"] }
        return shown.joined(separator: "\n")
    }

    /// Grammar.md §8, one paragraph per verb.
    static func describe(_ verb: VerbKind) -> String {
        let text: String
        switch verb {
        case .say: text = "`say TEXT` speaks text (`<Say>`). Options: `voice`, `language`, `loop`."
        case .play: text = "`play ASSET` or `play \"URL\"` plays audio (`<Play>`). Options: `loop`, `digits`."
        case .pause: text = "`pause DURATION` waits, 1 s to 10 min (`<Pause>`)."
        case .gather:
            text = "`gather … then -> step` collects digits or speech while its nested `say`, `play` and `pause` play; with input the leg goes to the step, with none it goes on with the next verb (`<Gather>`)."
        case .record: text = "`record … then -> step` records the caller, then continues at the step (`<Record>`)."
        case .dial:
            text = "`dial LEG TARGET…` calls out and bridges the new call, the dialed leg, to this one; `dial queue QUEUE` bridges the leg waiting longest in the queue (`<Dial>`)."
        case .join: text = "`join ROOM` enters a conference room (`<Dial><Conference>`)."
        case .enqueue:
            text = "`enqueue QUEUE` waits in a queue until someone dials it, the wait document says `leave`, or the application moves the leg (`<Enqueue>`)."
        case .leave: text = "`leave` takes the waiting leg out of the queue; only in a queue's `wait` document (`<Leave>`)."
        case .go: text = "`go -> STEP` continues with another step of the same leg (`<Redirect>`)."
        case .hangup: text = "`hangup` ends the leg on purpose (`<Hangup>`)."
        case .reject:
            text = "`reject` refuses an incoming call without answering it; only as the first verb of an entry leg's first step (`<Reject>`)."
        case .on:
            text = "`on \"VALUE\", … -> STEP` is a case of the gather, record, dial or enqueue above it: when Twilio reports that value (the digits pressed, `on speech` the words said, the dial's or queue's outcome) the leg goes to the step; other outcomes take the verb's `then` (a router serving routes.json picks the case)."
        }
        return "**\(verb.rawValue)** · " + text
    }

    static func describe(_ occurrence: OptionOccurrence) -> String {
        let name = occurrence.option.name.name
        guard let spec = OptionTable.spec(name, of: occurrence.construct) else {
            let known = OptionTable.options(of: occurrence.construct).map { "`\($0.name)`" }
            return "`\(name)` is not an option of `\(occurrence.construct.rawValue)`"
                + (known.isEmpty ? "; it takes none." : ". Its options: \(known.joined(separator: ", ")).")
        }
        return "option `\(name)` of `\(occurrence.construct.rawValue)`: \(typeText(spec.type))"
    }

    /// The type of an option as Grammar.md §10 writes it.
    static func typeText(_ type: OptionType) -> String {
        switch type {
        case .flag: return "a flag (`name`, `name=true` or `name=false`)"
        case .integer(let range): return "an integer \(range.lowerBound)–\(range.upperBound)"
        case .duration(let range): return "a duration \(seconds(range.lowerBound))–\(seconds(range.upperBound))"
        case .durationOrWord(let range, let words):
            return "a duration \(seconds(range.lowerBound))–\(seconds(range.upperBound)), or "
                + words.map { "`\($0)`" }.joined(separator: ", ")
        case .string(let rule):
            var text = "a string"
            if let maximum = rule.maxLength { text += " of at most \(maximum) characters" }
            if let allowed = rule.allowedDescription { text += " (\(allowed))" }
            if !rule.forbiddenCharacters.isEmpty { text += ", without `\(rule.forbiddenCharacters)`" }
            return text
        case .word(let words): return "one of " + words.map { "`\($0)`" }.joined(separator: ", ")
        case .stringChoice(let values):
            let shown = values.prefix(6).map { "`\"\($0)\"`" }.joined(separator: ", ")
            return "a string, one of " + shown + (values.count > 6 ? ", …" : "")
        }
    }

    static func seconds(_ value: Int) -> String {
        if value >= 3600, value % 3600 == 0 { return "\(value / 3600) h" }
        if value >= 60, value % 60 == 0 { return "\(value / 60) min" }
        return "\(value) s"
    }
}
