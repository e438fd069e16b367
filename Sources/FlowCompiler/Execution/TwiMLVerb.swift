/// A typed, read-only view of one top-level TwiML verb: what the analyses (the execution model, the
/// prover, the simulator, the descriptions in notes and transcripts) need to decide what the verb does.
///
/// The generic `TwiMLElement` tree and the vocabulary table stay the representation for validation and
/// rendering; this view is read off an element in one place (`init(_:)`), and every analysis switches on
/// it without a `default:`, so adding a case is a compile error at each place that must decide what the
/// new verb does. Names the vocabulary does not generate (deprecated, undocumented, retired, unknown)
/// arrive as `.ungenerated`, which each analysis also handles on purpose.
enum TwiMLVerb: Hashable {
    /// `<Say>`: `text` is everything it speaks, SSML included; `loop` as written (`0` is "until hung up").
    case say(text: String, loop: String?)
    /// `<Play>`: a URL, or DTMF tones when `url` is empty.
    case play(url: String, loop: String?)
    case pause(seconds: String)
    /// `<Gather>`: input requests `action` (the same document without one); no input goes on with the next
    /// verb unless `actionOnEmptyResult` sends it to the action too.
    case gather(action: Fetch?, actionOnEmptyResult: Bool)
    /// `<Record>`: the end of the recording requests `action` (the same document without one).
    case record(action: Fetch?)
    case dial(Dial)
    /// `<Enqueue>`: waits in `queue` hearing `wait`; any way out requests `action` (the next verb without one).
    case enqueue(queue: String, action: Fetch?, wait: Fetch?)
    /// `<Leave>`: ends the wait of the `<Enqueue>` whose wait document runs it.
    case leave
    /// `<Connect>`: blocks until the session ends; `<VirtualAgent>` without an action re-requests the document.
    case connect(action: Fetch?, virtualAgent: Bool)
    /// `<Redirect>`: an empty URL re-requests the current document.
    case redirect(Fetch)
    case hangup
    case reject
    /// `<Refer>` (SIP legs): the end of the REFER exchange requests `action` (the next verb without one,
    /// an inference: Docs/Twilio.md#action-continuations).
    case refer(action: Fetch?)
    /// `<Pay>`: the end of capture requests `action`; without one Twilio documents nothing, so the model
    /// goes on with the next verb (conservative: a missing continuation there is a fall-off).
    case pay(action: Fetch?)
    /// `<Start>` and `<Stop>`: background streams and recordings; the leg goes on with the next verb at once.
    case background(name: String)
    /// An element the compiler never generates (`<Sms>`, `<Echo>`, `<Autopilot>`, a name not in the
    /// vocabulary). The validator reports it; the model goes on with the next verb.
    case ungenerated(name: String)

    /// A URL Twilio fetches, with the method it fetches it with: the verb's method attribute, or Twilio's
    /// default, `POST` (Docs/Twilio.md#verbs, Docs/Twilio.md#urls-and-methods).
    struct Fetch: Hashable {
        var url: String
        var method: String
    }

    /// `<Dial>` and what it connects to.
    struct Dial: Hashable {
        /// Any end of the dial (every DialCallStatus) requests `action`; the next verb without one.
        var action: Fetch?
        var target: DialTarget
    }

    enum DialTarget: Hashable {
        /// `<Number>`, `<Client>`, `<Sip>`, `<Application>`, `<WhatsApp>`: the parties rung, each with its
        /// whisper document (`url`), or plain text (`<Dial>+1555…</Dial>`).
        case parties([Party])
        /// `<Queue>`: connects the first caller waiting in `name`; `whisper` is its `url`.
        case queue(name: String, whisper: Fetch?)
        case conference(Conference)
    }

    struct Party: Hashable {
        var address: String
        var whisper: Fetch?
    }

    /// `<Conference>`: the attributes that change who waits, who starts and who ends the room.
    struct Conference: Hashable {
        var name: String
        var wait: Fetch?
        var startsOnEnter: Bool
        var endsOnExit: Bool
        var label: String?
    }

    /// Reads the view off a top-level element.
    init(_ element: TwiMLElement) {
        func fetch(_ url: String, _ method: String = "method") -> Fetch? {
            element[attribute: url].map { Fetch(url: $0, method: element[attribute: method] ?? "POST") }
        }
        switch element.name {
        case "Say": self = .say(text: element.allText, loop: element[attribute: "loop"])
        case "Play": self = .play(url: element.text, loop: element[attribute: "loop"])
        case "Pause": self = .pause(seconds: element[attribute: "length"] ?? "1")
        case "Gather":
            self = .gather(action: fetch("action"), actionOnEmptyResult: element[attribute: "actionOnEmptyResult"] == "true")
        case "Record": self = .record(action: fetch("action"))
        case "Dial": self = .dial(Dial(action: fetch("action"), target: Self.dialTarget(element)))
        case "Enqueue":
            self = .enqueue(queue: element.text, action: fetch("action"), wait: fetch("waitUrl", "waitUrlMethod"))
        case "Leave": self = .leave
        case "Connect":
            self = .connect(action: fetch("action"), virtualAgent: element.children.contains { $0.name == "VirtualAgent" })
        case "Redirect": self = .redirect(Fetch(url: element.text, method: element[attribute: "method"] ?? "POST"))
        case "Hangup": self = .hangup
        case "Reject": self = .reject
        case "Refer": self = .refer(action: fetch("action"))
        case "Pay": self = .pay(action: fetch("action"))
        case "Start", "Stop": self = .background(name: element.name)
        default: self = .ungenerated(name: element.name)
        }
    }

    private static func dialTarget(_ dial: TwiMLElement) -> DialTarget {
        func fetch(_ element: TwiMLElement, _ url: String, _ method: String) -> Fetch? {
            element[attribute: url].map { Fetch(url: $0, method: element[attribute: method] ?? "POST") }
        }
        if let room = dial.children.first(where: { $0.name == "Conference" }) {
            return .conference(
                Conference(
                    name: room.text, wait: fetch(room, "waitUrl", "waitMethod"),
                    startsOnEnter: room[attribute: "startConferenceOnEnter"] != "false",
                    endsOnExit: room[attribute: "endConferenceOnExit"] == "true",
                    label: room[attribute: "participantLabel"]))
        }
        if let queue = dial.children.first(where: { $0.name == "Queue" }) {
            return .queue(name: queue.text, whisper: fetch(queue, "url", "method"))
        }
        let parties = dial.children.map { Party(address: $0.text, whisper: fetch($0, "url", "method")) }
        return .parties(parties.isEmpty ? [Party(address: dial.text, whisper: nil)] : parties)
    }

    /// The room a `<Dial><Conference>` joins.
    var conference: Conference? {
        if case .dial(let dial) = self, case .conference(let room) = dial.target { return room }
        return nil
    }

    /// The queue a `<Dial><Queue>` takes a caller from.
    var dequeuedQueue: String? {
        if case .dial(let dial) = self, case .queue(let name, _) = dial.target { return name }
        return nil
    }

    /// The XML name, for messages.
    var name: String {
        switch self {
        case .say: "Say"
        case .play: "Play"
        case .pause: "Pause"
        case .gather: "Gather"
        case .record: "Record"
        case .dial: "Dial"
        case .enqueue: "Enqueue"
        case .leave: "Leave"
        case .connect: "Connect"
        case .redirect: "Redirect"
        case .hangup: "Hangup"
        case .reject: "Reject"
        case .refer: "Refer"
        case .pay: "Pay"
        case .background(let name), .ungenerated(let name): name
        }
    }
}
