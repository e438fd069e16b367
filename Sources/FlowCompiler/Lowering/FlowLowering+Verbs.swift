import FlowDiagnostics

/// One `.flow` verb → TwiML (Docs/Output.md, "Verbs"). Every URL that names a generated document is
/// fetched with an explicit `GET` (twiml-semantics.md §8.2 rule 15): Twilio defaults to POST, static
/// hosts refuse POST, and Twilio caches only GET.
extension FlowLowering {
    /// Lowers `verb` as the next top-level verb of `builder`, with what its continuation adds after it:
    /// - `then hangup` on a dial, join or enqueue, which have no `action` then, adds `<Hangup/>`, so the
    ///   leg ends on purpose instead of falling off the document (§1.2, §8.4 rule 25);
    /// - a record is followed by its own continuation again (`<Redirect>` to the step, or `<Hangup/>`):
    ///   Twilio documents the verbs after `<Record>` as unreachable, yet its own voicemail example relies
    ///   on the next verb running (§2.2 Record, §8.0), and no verb of the step may follow a `then`
    ///   (Grammar.md §8), so the copy only keeps the leg from falling off if Twilio does go on.
    mutating func lowerTopLevel(_ verb: Verb, into builder: inout DocumentBuilder) {
        let index = builder.nextIndex
        let element = lower(verb, at: [index], into: &builder)
        builder.append(element)
        guard let continuation = verb.continuation else { return }
        switch (verb, continuation.value) {
        case (.record, .step(let id)):
            builder.element([builder.nextIndex], from: continuation.span)
            builder.text(of: [builder.nextIndex], from: continuation.span)
            builder.append(.redirect(url(of: stepFile(id), from: builder.file), method: .get))
        case (.record, .hangup), (.dial, .hangup), (.dialQueue, .hangup), (.join, .hangup), (.enqueue, .hangup):
            builder.element([builder.nextIndex], from: continuation.span)
            builder.append(.hangup)
        default:
            break
        }
    }

    /// The element for `verb` at `path`, recording its origins in `builder`.
    mutating func lower(_ verb: Verb, at path: [Int], into builder: inout DocumentBuilder) -> TwiMLElement {
        builder.element(path, from: verb.span)
        switch verb {
        case .say(let say):
            let voice = say.voice ?? flow.voice
            let language = say.language ?? flow.language
            builder.text(of: path, from: say.text.span)
            builder.attribute("voice", of: path, from: voice?.span)
            builder.attribute("language", of: path, from: language?.span)
            builder.attribute("loop", of: path, from: say.loop?.span)
            return .say(say.text.value, voice: voice?.value, language: language?.value, loop: say.loop?.value)
        case .play(let play):
            let (url, urlSpan) = playURL(play.source)
            builder.text(of: path, from: urlSpan)
            builder.attribute("loop", of: path, from: play.loop?.span)
            builder.attribute("digits", of: path, from: play.digits?.span)
            return .play(url, loop: play.loop?.value, digits: play.digits?.value)
        case .pause(let pause):
            builder.attribute("length", of: path, from: pause.length.span)
            return .pause(length: pause.length.value)
        case .gather(let gather):
            return lowerGather(gather, at: path, into: &builder)
        case .record(let record):
            let action = actionURL(for: record.continuation, from: builder.file)
            builder.attribute("action", of: path, from: record.continuation.span)
            builder.attribute("maxLength", of: path, from: record.maxLength?.span)
            builder.attribute("timeout", of: path, from: record.timeout?.span)
            builder.attribute("finishOnKey", of: path, from: record.finishOnKey?.span)
            builder.attribute("playBeep", of: path, from: record.playBeep?.span)
            builder.attribute("transcribe", of: path, from: record.transcribe?.span)
            return .record(
                action: action, method: .get, timeout: record.timeout?.value, finishOnKey: record.finishOnKey?.value,
                maxLength: record.maxLength?.value, playBeep: record.playBeep?.value
            ).setting("transcribe", record.transcribe.map { String($0.value) })
        case .dial(let dial):
            builder.recordDial(of: dial.leg.value, at: path[0])
            let whisper = url(
                ofDocument: flow.leg(named: dial.leg.value)?.whisper,
                file: RouteLayout.legWhisperFile(flow: flow.name, leg: dial.leg.value), from: builder.file)
            let nouns = dial.targets.enumerated().map { offset, target in
                let nounPath = path + [offset]
                builder.element(nounPath, from: target.span)
                builder.text(of: nounPath, from: target.span)
                return noun(for: target, whisperURL: whisper)
            }
            return dialElement(nouns, options: dial.options, continuation: dial.continuation, at: path, into: &builder)
        case .dialQueue(let dial):
            let queue = flow.queue(named: dial.queue.value)
            let whisper = url(
                ofDocument: queue?.whisper,
                file: RouteLayout.queueFile(flow: flow.name, queue: dial.queue.value, kind: .whisper),
                from: builder.file)
            let nounPath = path + [0]
            builder.element(nounPath, from: dial.queue.span)
            builder.text(of: nounPath, from: queue?.twilioName.span ?? dial.queue.span)
            builder.attribute("url", of: nounPath, from: queue?.whisper?.span)
            let noun = TwiMLElement.queue(
                queue?.twilioName.value ?? dial.queue.value, url: whisper, method: whisper.map { _ in .get })
            return dialElement([noun], options: dial.options, continuation: dial.continuation, at: path, into: &builder)
        case .join(let join):
            return lowerJoin(join, at: path, into: &builder)
        case .enqueue(let enqueue):
            let queue = flow.queue(named: enqueue.queue.value)
            let wait = url(
                ofDocument: queue?.wait,
                file: RouteLayout.queueFile(flow: flow.name, queue: enqueue.queue.value, kind: .wait),
                from: builder.file)
            let action = enqueue.continuation.flatMap { actionURL(forStep: $0.value, from: builder.file) }
            builder.text(of: path, from: queue?.twilioName.span ?? enqueue.queue.span)
            builder.attribute("action", of: path, from: enqueue.continuation?.span)
            builder.attribute("waitUrl", of: path, from: queue?.wait?.span)
            return .enqueue(
                queue?.twilioName.value ?? enqueue.queue.value, action: action, method: action.map { _ in .get },
                waitUrl: wait, waitUrlMethod: wait.map { _ in .get })
        case .leave:
            return .leave
        case .go(let go):
            builder.text(of: path, from: go.target.span)
            return .redirect(url(of: stepFile(go.target.value), from: builder.file), method: .get)
        case .hangup:
            return .hangup
        case .reject(let reject):
            builder.attribute("reason", of: path, from: reject.busy?.span)
            return .reject(reason: reject.busy?.value == true ? "busy" : nil)
        }
    }

    private mutating func lowerGather(_ gather: GatherVerb, at path: [Int], into builder: inout DocumentBuilder)
        -> TwiMLElement
    {
        let action = actionURL(for: gather.continuation, from: builder.file)
        let prompts = gather.prompt.enumerated().map { offset, prompt in
            lower(prompt, at: path + [offset], into: &builder)
        }
        builder.attribute("action", of: path, from: gather.continuation.span)
        builder.attribute("input", of: path, from: gather.input?.span)
        builder.attribute("timeout", of: path, from: gather.timeout?.span)
        builder.attribute("numDigits", of: path, from: gather.numDigits?.span)
        builder.attribute("finishOnKey", of: path, from: gather.finishOnKey?.span)
        builder.attribute("speechTimeout", of: path, from: gather.speechTimeout?.span)
        builder.attribute("language", of: path, from: gather.language?.span)
        builder.attribute("hints", of: path, from: gather.hints?.span)
        let input: [String]? = gather.input.map {
            switch $0.value {
            case .dtmf: ["dtmf"]
            case .speech: ["speech"]
            case .dtmfSpeech: ["dtmf", "speech"]
            }
        }
        let speechTimeout: String? = gather.speechTimeout.map {
            switch $0.value {
            case .seconds(let seconds): String(seconds)
            case .auto: "auto"
            }
        }
        return TwiMLElement.gather(
            action: action, method: .get, input: input, timeout: gather.timeout?.value,
            numDigits: gather.numDigits?.value, finishOnKey: gather.finishOnKey?.value, prompts: prompts
        )
        .setting("speechTimeout", speechTimeout).setting("language", gather.language?.value)
        .setting("hints", gather.hints?.value)
    }

    private mutating func lowerJoin(_ join: JoinVerb, at path: [Int], into builder: inout DocumentBuilder)
        -> TwiMLElement
    {
        let room = flow.room(named: join.room.value)
        let wait = url(
            ofDocument: room?.wait, file: RouteLayout.roomFile(flow: flow.name, room: join.room.value, kind: .wait),
            from: builder.file)
        let nounPath = path + [0]
        builder.element(nounPath, from: join.room.span)
        builder.text(of: nounPath, from: room?.twilioName.span ?? join.room.span)
        builder.attribute("startConferenceOnEnter", of: nounPath, from: join.startOnEnter?.span)
        builder.attribute("endConferenceOnExit", of: nounPath, from: join.endOnExit?.span)
        builder.attribute("muted", of: nounPath, from: join.muted?.span)
        builder.attribute("beep", of: nounPath, from: join.beep?.span)
        builder.attribute("participantLabel", of: nounPath, from: join.label?.span)
        builder.attribute("waitUrl", of: nounPath, from: room?.wait?.span)
        builder.attribute("maxParticipants", of: nounPath, from: room?.maxParticipants?.span)
        let conference = TwiMLElement.conference(
            room?.twilioName.value ?? join.room.value, participantLabel: join.label?.value,
            startConferenceOnEnter: join.startOnEnter?.value, endConferenceOnExit: join.endOnExit?.value,
            muted: join.muted?.value, beep: join.beep?.value.rawValue, waitUrl: wait,
            waitMethod: wait.map { _ in .get },
            maxParticipants: room?.maxParticipants?.value)
        let options = DialOptions(timeout: join.timeout, timeLimit: join.timeLimit, hangupOnStar: join.hangupOnStar)
        return dialElement([conference], options: options, continuation: join.continuation, at: path, into: &builder)
    }

    /// `<Dial>` around `nouns`, with the options both `dial` forms and `join` share. `then -> step` is
    /// the `action` (fetched with GET); without one the leg goes on with the next verb (§1.4).
    private func dialElement(
        _ nouns: [TwiMLElement], options: DialOptions, continuation: Spanned<Continuation>?, at path: [Int],
        into builder: inout DocumentBuilder
    ) -> TwiMLElement {
        let action = continuation.flatMap { actionURL(forStep: $0.value, from: builder.file) }
        builder.attribute("action", of: path, from: continuation?.span)
        builder.attribute("timeout", of: path, from: options.timeout?.span)
        builder.attribute("timeLimit", of: path, from: options.timeLimit?.span)
        builder.attribute("callerId", of: path, from: options.callerID?.span)
        builder.attribute("hangupOnStar", of: path, from: options.hangupOnStar?.span)
        builder.attribute("answerOnBridge", of: path, from: options.answerOnBridge?.span)
        builder.attribute("record", of: path, from: options.record?.span)
        builder.attribute("ringTone", of: path, from: options.ringTone?.span)
        return TwiMLElement.dial(
            nouns, action: action, method: action.map { _ in .get }, timeout: options.timeout?.value,
            timeLimit: options.timeLimit?.value, callerId: options.callerID?.value,
            hangupOnStar: options.hangupOnStar?.value, answerOnBridge: options.answerOnBridge?.value
        )
        .setting("record", options.record?.value).setting("ringTone", options.ringTone?.value)
    }

    /// One `<Number>`, `<Client>` or `<Sip>`; with the dialed leg's whisper document as its `url`.
    private func noun(for target: DialTarget, whisperURL: String?) -> TwiMLElement {
        let method: TwiMLHTTPMethod? = whisperURL.map { _ in .get }
        switch target.kind {
        case .number: return .number(target.address, url: whisperURL, method: method)
        case .client: return .client(target.address, url: whisperURL, method: method)
        case .sip: return .sip(target.address, url: whisperURL, method: method)
        }
    }

    /// The audio URL of a `play` and the span to blame for it: an asset's declared URL, or the literal.
    private func playURL(_ source: Spanned<PlaySource>) -> (String, SourceSpan) {
        switch source.value {
        case .asset(let name, let url): (url, flow.asset(named: name)?.url.span ?? source.span)
        case .url(let url): (url, source.span)
        }
    }

    /// The `action` of a gather or record: the step, or the flow's `hangup.xml` for `then hangup`
    /// (without an action Twilio would re-request the current document: §8.4 rule 38).
    private mutating func actionURL(for continuation: Spanned<Continuation>, from file: String) -> String {
        switch continuation.value {
        case .step(let id):
            return url(of: stepFile(id), from: file)
        case .hangup:
            noteHangupDocument(neededAt: continuation.span)
            return url(of: RouteLayout.flowHangupFile(flow: flow.name), from: file)
        }
    }

    /// The `action` of a dial, join or enqueue: the step of `then -> step`; `then hangup` has none.
    private func actionURL(forStep continuation: Continuation, from file: String) -> String? {
        guard case .step(let id) = continuation else { return nil }
        return url(of: stepFile(id), from: file)
    }
}
