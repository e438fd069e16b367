/// Says in words what a TwiML verb does, for the step-by-step notes of a counterexample and for
/// simulator transcripts. Only the facts a reader needs to follow the path: the target of a dial, the
/// queue, the room, the first words of a `<Say>`.
enum VerbDescription {
    static func describe(_ verb: TwiMLVerb?) -> String {
        guard let verb else { return "reaches the end of the document" }
        switch verb {
        case .say(let text, let loop): return "says \(quote(text))" + repetitions(loop)
        case .play(let url, let loop): return (url.isEmpty ? "plays tones" : "plays \(url)") + repetitions(loop)
        case .pause(let seconds): return "pauses \(seconds)s"
        case .gather: return "gathers input"
        case .record: return "records"
        case .dial(let dial):
            switch dial.target {
            case .conference(let room): return "joins conference '\(room.name)'"
            case .queue(let name, _): return "dials queue '\(name)'"
            case .parties(let parties): return "dials " + parties.map(\.address).filter { !$0.isEmpty }.joined(separator: ", ")
            }
        case .enqueue(let queue, _, _): return "waits in queue '\(queue)'"
        case .leave: return "leaves the queue"
        case .connect: return "connects a session"
        case .redirect(let target): return "is redirected to \(target.url.isEmpty ? "the same document" : target.url)"
        case .hangup: return "hangs up"
        case .reject: return "rejects the call"
        case .refer: return "refers the call"
        case .pay: return "takes a payment"
        case .background(let name), .ungenerated(let name): return "runs <\(name)>"
        }
    }

    /// ` 3 times`, or ` until the leg hangs up` for `loop="0"` (Docs/Twilio.md#say, Play).
    private static func repetitions(_ loop: String?) -> String {
        guard let loop, loop != "1" else { return "" }
        return loop == "0" ? " until the leg hangs up" : " \(loop) times"
    }

    private static func quote(_ text: String) -> String {
        let limit = 40
        let trimmed = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "\u{201C}\(trimmed)\u{201D}"
    }
}
