import FlowDiagnostics

/// One resolved verb of a step or document (Grammar.md §8).
///
/// Options hold typed values already checked against `OptionTable` (types, ranges, word sets); an
/// option left out is `nil` and means Twilio's default. Each option keeps the span of `name=value`
/// as written, so a later stage reporting a TwiML limit can point at it.
public enum Verb: Sendable, Hashable {
    case say(SayVerb)
    case play(PlayVerb)
    case pause(PauseVerb)
    case gather(GatherVerb)
    case record(RecordVerb)
    /// `dial LEG TARGET…`
    case dial(DialVerb)
    /// `dial queue QUEUE`
    case dialQueue(DialQueueVerb)
    case join(JoinVerb)
    case enqueue(EnqueueVerb)
    /// `leave`, only in a queue's `wait` document.
    case leave(SourceSpan)
    /// `go -> STEP`
    case go(GoVerb)
    case hangup(SourceSpan)
    case reject(RejectVerb)

    /// The verb's line, from its keyword to its last token (nested verbs excluded).
    public var span: SourceSpan {
        switch self {
        case .say(let verb): verb.span
        case .play(let verb): verb.span
        case .pause(let verb): verb.span
        case .gather(let verb): verb.span
        case .record(let verb): verb.span
        case .dial(let verb): verb.span
        case .dialQueue(let verb): verb.span
        case .join(let verb): verb.span
        case .enqueue(let verb): verb.span
        case .leave(let span): span
        case .go(let verb): verb.span
        case .hangup(let span): span
        case .reject(let verb): verb.span
        }
    }

    /// The `then` clause, or for `go` its target. Gather's is taken only on input: with none, the
    /// leg goes on with the next verb.
    public var continuation: Spanned<Continuation>? {
        switch self {
        case .gather(let verb): verb.continuation
        case .record(let verb): verb.continuation
        case .dial(let verb): verb.continuation
        case .dialQueue(let verb): verb.continuation
        case .join(let verb): verb.continuation
        case .enqueue(let verb): verb.continuation
        case .go(let verb): Spanned(.step(verb.target.value), at: verb.target.span)
        case .say, .play, .pause, .leave, .hangup, .reject: nil
        }
    }

    /// The case lines under a gather, record, dial or enqueue, in source order; empty for other verbs.
    public var cases: [BranchCase] {
        switch self {
        case .gather(let verb): verb.cases
        case .record(let verb): verb.cases
        case .dial(let verb): verb.cases
        case .dialQueue(let verb): verb.cases
        case .enqueue(let verb): verb.cases
        case .say, .play, .pause, .join, .leave, .go, .hangup, .reject: []
        }
    }

    /// Where the leg goes for an outcome no case names: the `then` clause, or, for a dial or enqueue
    /// without one, its first case (the resolver requires such a verb's cases to name every outcome
    /// Twilio can send while the leg listens, FLOW230). `nil` for a verb without cases.
    public var defaultBranch: Spanned<Continuation>? {
        let cases = self.cases
        guard let first = cases.first else { return nil }
        return continuation ?? Spanned(.step(first.target.value), at: first.target.span)
    }
}

/// The Twilio request parameter a case line compares (Docs/Twilio.md#request-parameters), spelled as
/// Twilio sends it: `rawValue` is what routes.json's `dispatch` names.
public enum BranchParameter: String, Sendable, Hashable, CaseIterable {
    /// The keys a gather collected, or the key that ended a record (`hangup` when the caller hung up).
    case digits = "Digits"
    /// The words a speech gather recognised; compared as normalised words.
    case speechResult = "SpeechResult"
    /// How a `<Dial>` ended.
    case dialCallStatus = "DialCallStatus"
    /// How the leg left an `<Enqueue>`.
    case queueResult = "QueueResult"
    /// The caller's number, in a leg's first request.
    case from = "From"
    /// The number called, in a leg's first request.
    case to = "To"
    /// What answered an outbound call, with answering machine detection.
    case answeredBy = "AnsweredBy"
}

/// `on "VALUE", … -> STEP` under a branching verb: when Twilio reports one of the values, a router
/// serving routes.json sends the leg to the step (Docs/Output.md, "Dispatch").
public struct BranchCase: Sendable, Hashable {
    public var parameter: BranchParameter
    /// The values as written.
    public var values: [Spanned<String>]
    /// The values a router compares: as written, or for speech normalised as words
    /// (`RouteDispatch.normalizedWords`), which is also how duplicates are found (FLOW228).
    public var matchedValues: [String]
    public var target: Spanned<StepID>
    /// The whole case line.
    public var span: SourceSpan

    public init(
        parameter: BranchParameter, values: [Spanned<String>], matchedValues: [String], target: Spanned<StepID>,
        span: SourceSpan
    ) {
        self.parameter = parameter
        self.values = values
        self.matchedValues = matchedValues
        self.target = target
        self.span = span
    }
}

/// `say "TEXT"`.
public struct SayVerb: Sendable, Hashable {
    public var text: Spanned<String>
    /// `nil`: the flow's `voice` / `language`, else Twilio's default.
    public var voice: Spanned<String>?
    public var language: Spanned<String>?
    /// 0–1000; 0 repeats until the leg hangs up.
    public var loop: Spanned<Int>?
    public var span: SourceSpan

    public init(
        text: Spanned<String>, voice: Spanned<String>? = nil, language: Spanned<String>? = nil,
        loop: Spanned<Int>? = nil, span: SourceSpan
    ) {
        self.text = text
        self.voice = voice
        self.language = language
        self.loop = loop
        self.span = span
    }
}

/// What `play` plays.
public enum PlaySource: Sendable, Hashable {
    /// `play NAME`: an audio asset, with its URL.
    case asset(name: String, url: String)
    /// `play "URL"`: an absolute URL, or `""` with `digits`.
    case url(String)
}

/// `play ASSET` or `play "URL"`.
public struct PlayVerb: Sendable, Hashable {
    public var source: Spanned<PlaySource>
    public var loop: Spanned<Int>?
    /// DTMF tones (`0-9 A-D # * w W`) played instead of audio.
    public var digits: Spanned<String>?
    public var span: SourceSpan

    public init(
        source: Spanned<PlaySource>, loop: Spanned<Int>? = nil, digits: Spanned<String>? = nil, span: SourceSpan
    ) {
        self.source = source
        self.loop = loop
        self.digits = digits
        self.span = span
    }
}

/// `pause DURATION`.
public struct PauseVerb: Sendable, Hashable {
    /// Whole seconds, 1–600.
    public var length: Spanned<Int>
    public var span: SourceSpan

    public init(length: Spanned<Int>, span: SourceSpan) {
        self.length = length
        self.span = span
    }
}

/// The `input` of a gather.
public enum GatherInput: String, Sendable, Hashable, CaseIterable {
    case dtmf
    case speech
    case dtmfSpeech = "dtmf_speech"
}

/// The `speech_timeout` of a gather.
public enum SpeechTimeout: Sendable, Hashable {
    case seconds(Int)
    /// Twilio ends speech recognition at the first pause.
    case auto
}

/// `gather … then -> STEP` and its prompt.
public struct GatherVerb: Sendable, Hashable {
    public var input: Spanned<GatherInput>?
    /// Seconds, 1–600.
    public var timeout: Spanned<Int>?
    /// 1–100.
    public var numDigits: Spanned<Int>?
    /// Empty, or one of `0-9 # *`.
    public var finishOnKey: Spanned<String>?
    public var speechTimeout: Spanned<SpeechTimeout>?
    public var language: Spanned<String>?
    public var hints: Spanned<String>?
    /// The nested `say`, `play` and `pause` verbs heard while gathering.
    public var prompt: [Verb]
    /// Taken when input arrives; with none, the leg goes on with the verb after the gather.
    public var continuation: Spanned<Continuation>
    /// The case lines under the verb, in source order (Grammar.md §8, "Branching on outcomes").
    public var cases: [BranchCase]
    public var span: SourceSpan

    public init(
        input: Spanned<GatherInput>? = nil, timeout: Spanned<Int>? = nil, numDigits: Spanned<Int>? = nil,
        finishOnKey: Spanned<String>? = nil, speechTimeout: Spanned<SpeechTimeout>? = nil,
        language: Spanned<String>? = nil, hints: Spanned<String>? = nil, prompt: [Verb] = [],
        continuation: Spanned<Continuation>, cases: [BranchCase] = [], span: SourceSpan
    ) {
        self.input = input
        self.timeout = timeout
        self.numDigits = numDigits
        self.finishOnKey = finishOnKey
        self.speechTimeout = speechTimeout
        self.language = language
        self.hints = hints
        self.prompt = prompt
        self.continuation = continuation
        self.cases = cases
        self.span = span
    }
}

/// `record … then -> STEP`.
public struct RecordVerb: Sendable, Hashable {
    /// Seconds, 1–14400.
    public var maxLength: Spanned<Int>?
    /// Seconds of silence that end the recording, 0–600.
    public var timeout: Spanned<Int>?
    /// Any of `0-9 # *`.
    public var finishOnKey: Spanned<String>?
    public var playBeep: Spanned<Bool>?
    public var transcribe: Spanned<Bool>?
    public var continuation: Spanned<Continuation>
    /// The case lines under the verb, in source order (Grammar.md §8, "Branching on outcomes").
    public var cases: [BranchCase]
    public var span: SourceSpan

    public init(
        maxLength: Spanned<Int>? = nil, timeout: Spanned<Int>? = nil, finishOnKey: Spanned<String>? = nil,
        playBeep: Spanned<Bool>? = nil, transcribe: Spanned<Bool>? = nil, continuation: Spanned<Continuation>,
        cases: [BranchCase] = [], span: SourceSpan
    ) {
        self.maxLength = maxLength
        self.timeout = timeout
        self.finishOnKey = finishOnKey
        self.playBeep = playBeep
        self.transcribe = transcribe
        self.continuation = continuation
        self.cases = cases
        self.span = span
    }
}

/// The options `dial LEG` and `dial queue` share.
public struct DialOptions: Sendable, Hashable {
    /// Seconds of ringing, 5–600.
    public var timeout: Spanned<Int>?
    /// Seconds, 1–86400.
    public var timeLimit: Spanned<Int>?
    public var callerID: Spanned<String>?
    public var hangupOnStar: Spanned<Bool>?
    public var answerOnBridge: Spanned<Bool>?
    /// One of Twilio's `record` values (`record-from-answer`, …).
    public var record: Spanned<String>?
    /// One of Twilio's ring tone country codes.
    public var ringTone: Spanned<String>?

    public init(
        timeout: Spanned<Int>? = nil, timeLimit: Spanned<Int>? = nil, callerID: Spanned<String>? = nil,
        hangupOnStar: Spanned<Bool>? = nil, answerOnBridge: Spanned<Bool>? = nil, record: Spanned<String>? = nil,
        ringTone: Spanned<String>? = nil
    ) {
        self.timeout = timeout
        self.timeLimit = timeLimit
        self.callerID = callerID
        self.hangupOnStar = hangupOnStar
        self.answerOnBridge = answerOnBridge
        self.record = record
        self.ringTone = ringTone
    }
}

/// One target of `dial LEG`: they ring at once, the first to answer is bridged.
public struct DialTarget: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An E.164 phone number (`<Number>`).
        case number
        /// `client "identity"` (`<Client>`).
        case client
        /// `sip "sip:…"` (`<Sip>`).
        case sip
    }

    public var kind: Kind
    public var address: String
    /// The target as written, keyword included.
    public var span: SourceSpan

    public init(kind: Kind, address: String, span: SourceSpan) {
        self.kind = kind
        self.address = address
        self.span = span
    }
}

/// `dial LEG TARGET…`: creates the dialed leg `LEG` and bridges it to this one.
public struct DialVerb: Sendable, Hashable {
    /// A leg declared `dialed`, dialed from this verb only (FLOW214, FLOW215).
    public var leg: Spanned<String>
    public var targets: [DialTarget]
    public var options: DialOptions
    /// `nil`: the step goes on with the next verb when the dial ends.
    public var continuation: Spanned<Continuation>?
    /// The case lines under the verb, in source order (Grammar.md §8, "Branching on outcomes").
    public var cases: [BranchCase]
    public var span: SourceSpan

    public init(
        leg: Spanned<String>, targets: [DialTarget], options: DialOptions = DialOptions(),
        continuation: Spanned<Continuation>? = nil, cases: [BranchCase] = [], span: SourceSpan
    ) {
        self.leg = leg
        self.targets = targets
        self.options = options
        self.continuation = continuation
        self.cases = cases
        self.span = span
    }
}

/// `dial queue QUEUE`: bridges this leg to the leg waiting longest in the queue.
public struct DialQueueVerb: Sendable, Hashable {
    public var queue: Spanned<String>
    public var options: DialOptions
    public var continuation: Spanned<Continuation>?
    /// The case lines under the verb, in source order (Grammar.md §8, "Branching on outcomes").
    public var cases: [BranchCase]
    public var span: SourceSpan

    public init(
        queue: Spanned<String>, options: DialOptions = DialOptions(), continuation: Spanned<Continuation>? = nil,
        cases: [BranchCase] = [], span: SourceSpan
    ) {
        self.queue = queue
        self.options = options
        self.continuation = continuation
        self.cases = cases
        self.span = span
    }
}

/// The `beep` of a join.
public enum JoinBeep: String, Sendable, Hashable, CaseIterable {
    case `true`
    case `false`
    case onEnter
    case onExit
}

/// `join ROOM`: enters a conference room.
public struct JoinVerb: Sendable, Hashable {
    public var room: Spanned<String>
    public var startOnEnter: Spanned<Bool>?
    public var endOnExit: Spanned<Bool>?
    public var muted: Spanned<Bool>?
    public var beep: Spanned<JoinBeep>?
    /// The participant label: at most 128 characters, no `/`.
    public var label: Spanned<String>?
    public var timeout: Spanned<Int>?
    public var timeLimit: Spanned<Int>?
    public var hangupOnStar: Spanned<Bool>?
    public var continuation: Spanned<Continuation>?
    public var span: SourceSpan

    public init(
        room: Spanned<String>, startOnEnter: Spanned<Bool>? = nil, endOnExit: Spanned<Bool>? = nil,
        muted: Spanned<Bool>? = nil, beep: Spanned<JoinBeep>? = nil, label: Spanned<String>? = nil,
        timeout: Spanned<Int>? = nil, timeLimit: Spanned<Int>? = nil, hangupOnStar: Spanned<Bool>? = nil,
        continuation: Spanned<Continuation>? = nil, span: SourceSpan
    ) {
        self.room = room
        self.startOnEnter = startOnEnter
        self.endOnExit = endOnExit
        self.muted = muted
        self.beep = beep
        self.label = label
        self.timeout = timeout
        self.timeLimit = timeLimit
        self.hangupOnStar = hangupOnStar
        self.continuation = continuation
        self.span = span
    }
}

/// `enqueue QUEUE`: waits in the queue until dequeued, `leave`, or moved.
public struct EnqueueVerb: Sendable, Hashable {
    public var queue: Spanned<String>
    public var continuation: Spanned<Continuation>?
    /// The case lines under the verb, in source order (Grammar.md §8, "Branching on outcomes").
    public var cases: [BranchCase]
    public var span: SourceSpan

    public init(queue: Spanned<String>, continuation: Spanned<Continuation>? = nil, cases: [BranchCase] = [], span: SourceSpan) {
        self.queue = queue
        self.continuation = continuation
        self.cases = cases
        self.span = span
    }
}

/// `go -> STEP`: a `<Redirect>` to another step of the same leg.
public struct GoVerb: Sendable, Hashable {
    public var target: Spanned<StepID>
    public var span: SourceSpan

    public init(target: Spanned<StepID>, span: SourceSpan) {
        self.target = target
        self.span = span
    }
}

/// `reject`: refuses the incoming call unanswered; only first in an entry leg's first step.
public struct RejectVerb: Sendable, Hashable {
    /// Signal busy instead of rejected.
    public var busy: Spanned<Bool>?
    public var span: SourceSpan

    public init(busy: Spanned<Bool>? = nil, span: SourceSpan) {
        self.busy = busy
        self.span = span
    }
}
