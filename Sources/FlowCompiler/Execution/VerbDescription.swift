/// Says in words what a TwiML verb does, for the step-by-step notes of a counterexample and for
/// simulator transcripts. Only the facts a reader needs to follow the path: the target of a dial, the
/// queue, the room, the first words of a `<Say>`.
enum VerbDescription {
    static func describe(_ verb: TwiMLElement?) -> String {
        guard let verb else { return "reaches the end of the document" }
        switch verb.name {
        case "Say": return "says \(quote(verb.allText))" + repetitions(verb)
        case "Play": return (verb.text.isEmpty ? "plays tones" : "plays \(verb.text)") + repetitions(verb)
        case "Pause": return "pauses \(verb[attribute: "length"] ?? "1")s"
        case "Gather": return "gathers input"
        case "Record": return "records"
        case "Dial": return describeDial(verb)
        case "Enqueue": return "waits in queue '\(verb.text)'"
        case "Leave": return "leaves the queue"
        case "Redirect": return "is redirected to \(verb.text.isEmpty ? "the same document" : verb.text)"
        case "Hangup": return "hangs up"
        case "Reject": return "rejects the call"
        default: return "runs <\(verb.name)>"
        }
    }

    /// ` 3 times`, or ` until the leg hangs up` for `loop="0"` (§2.2 Say, Play).
    private static func repetitions(_ verb: TwiMLElement) -> String {
        guard let loop = verb[attribute: "loop"], loop != "1" else { return "" }
        return loop == "0" ? " until the leg hangs up" : " \(loop) times"
    }

    private static func describeDial(_ verb: TwiMLElement) -> String {
        if let room = verb.children.first(where: { $0.name == "Conference" }) {
            return "joins conference '\(room.text)'"
        }
        if let queue = verb.children.first(where: { $0.name == "Queue" }) {
            return "dials queue '\(queue.text)'"
        }
        let targets = verb.children.map(\.text).filter { !$0.isEmpty }
        let shown = targets.isEmpty ? verb.text : targets.joined(separator: ", ")
        return "dials \(shown)"
    }

    private static func quote(_ text: String) -> String {
        let limit = 40
        let trimmed = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "\u{201C}\(trimmed)\u{201D}"
    }
}
