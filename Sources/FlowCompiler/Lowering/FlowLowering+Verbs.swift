import FlowDiagnostics

/// One `.flow` verb → TwiML (Docs/Output.md, "Verbs"). Every URL that names a generated document is
/// fetched with an explicit `GET` (Docs/Twilio.md#urls-and-methods): Twilio defaults to POST, static
/// hosts refuse POST, and Twilio caches only GET.
extension FlowLowering {
    /// Lowers `verb` as the next top-level verb of `builder`, with what its continuation adds after it:
    /// - `then hangup` on a dial, join or enqueue, which have no `action` then, adds `<Hangup/>`, so the
    ///   leg ends on purpose instead of falling off the document (Docs/Twilio.md#end-of-document);
    /// - a record is followed by its own continuation again (`<Redirect>` to the step, or `<Hangup/>`):
    ///   Twilio documents the verbs after `<Record>` as unreachable, yet its own voicemail example relies
    ///   on the next verb running (Docs/Twilio.md#record, Docs/Twilio.md#outcomes), and no verb of the step may follow a `then`
    ///   (Grammar.md §8), so the copy only keeps the leg from falling off if Twilio does go on;
    /// - every `<Dial action>` (`dial`, `dial queue`, `join` with `then -> step`) is followed by a
    ///   `<Redirect>` to the same step: a call that cannot join a conference (a participant label in use,
    ///   error 16025) goes on with the next verb, not the action, and a full room's outcome is not
    ///   documented (Docs/Twilio.md#conference-and-queue-legs), so the copy gives the leg the same
    ///   continuation either way. It follows every dial, not only joins, so a dial's continuation never
    ///   depends on its kind.
    ///
    /// A verb with cases has `junction` as its action instead (Docs/Output.md#dispatch). A record or dial
    /// with cases is then followed by a `<Redirect>` to the junction, for the reasons above: a request
    /// there without the verb's parameters takes the default branch. A gather is not (with no input the
    /// leg goes on with the next verb), and neither is an enqueue, whose action Twilio always requests.
    mutating func lowerTopLevel(_ verb: Verb, into builder: inout DocumentBuilder, junction: String? = nil) {
        let index = builder.nextIndex
        let element = lower(verb, at: [index], into: &builder, junction: junction)
        builder.append(element)
        if let junction {
            switch verb {
            case .gather, .enqueue: return
            default: break
            }
            let span = verb.defaultBranch?.span ?? verb.span
            builder.element([builder.nextIndex], from: span)
            builder.text(of: [builder.nextIndex], from: span)
            builder.append(.redirect(url(of: junction, from: builder.file), method: .get))
            return
        }
        guard let continuation = verb.continuation else { return }
        switch (verb, continuation.value) {
        case (.record, .step(let id)), (.dial, .step(let id)), (.dialQueue, .step(let id)), (.join, .step(let id)):
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

    /// The element for `verb` at `path`, recording its origins in `builder`; `junction` replaces the
    /// action of a verb with cases.
    mutating func lower(_ verb: Verb, at path: [Int], into builder: inout DocumentBuilder, junction: String? = nil)
        -> TwiMLElement
    {
        builder.element(path, from: verb.span)
        switch verb {
        case .say(let say):
            builder.text(of: path, from: say.text.span)
            var element = TwiMLElement.say(say.text.value)
            builder.set("voice", say.voice ?? flow.voice, on: &element, at: path)
            builder.set("language", say.language ?? flow.language, on: &element, at: path)
            builder.set("loop", say.loop, on: &element, at: path)
            return element
        case .play(let play):
            let (url, urlSpan) = playURL(play.source)
            builder.text(of: path, from: urlSpan)
            var element = TwiMLElement.play(url)
            builder.set("loop", play.loop, on: &element, at: path)
            builder.set("digits", play.digits, on: &element, at: path)
            return element
        case .pause(let pause):
            var element = TwiMLElement.pause()
            builder.set("length", pause.length, on: &element, at: path)
            return element
        case .gather(let gather):
            return lowerGather(gather, at: path, into: &builder, junction: junction)
        case .record(let record):
            var element = TwiMLElement.record(action: nil, method: .get)
            let action = junction.map { url(of: $0, from: builder.file) }
                ?? actionURL(for: record.continuation, from: builder.file)
            builder.set("action", action, from: record.continuation.span, on: &element, at: path)
            builder.set("maxLength", record.maxLength, on: &element, at: path)
            builder.set("timeout", record.timeout, on: &element, at: path)
            builder.set("finishOnKey", record.finishOnKey, on: &element, at: path)
            builder.set("playBeep", record.playBeep, on: &element, at: path)
            builder.set("transcribe", record.transcribe, on: &element, at: path)
            return element
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
            return dialElement(
                nouns, options: dial.options, continuation: dial.continuation, junction: junction, at: path,
                into: &builder)
        case .dialQueue(let dial):
            let queue = flow.queue(named: dial.queue.value)
            let whisper = url(
                ofDocument: queue?.whisper,
                file: RouteLayout.queueFile(flow: flow.name, queue: dial.queue.value, kind: .whisper),
                from: builder.file)
            let nounPath = path + [0]
            builder.element(nounPath, from: dial.queue.span)
            builder.text(of: nounPath, from: queue?.twilioName.span ?? dial.queue.span)
            var noun = TwiMLElement.queue(queue?.twilioName.value ?? dial.queue.value, method: whisper.map { _ in .get })
            builder.set("url", whisper, from: queue?.whisper?.span, on: &noun, at: nounPath)
            return dialElement(
                [noun], options: dial.options, continuation: dial.continuation, junction: junction, at: path,
                into: &builder)
        case .join(let join):
            return lowerJoin(join, at: path, into: &builder)
        case .enqueue(let enqueue):
            let queue = flow.queue(named: enqueue.queue.value)
            let wait = url(
                ofDocument: queue?.wait,
                file: RouteLayout.queueFile(flow: flow.name, queue: enqueue.queue.value, kind: .wait),
                from: builder.file)
            let action = junction.map { url(of: $0, from: builder.file) }
                ?? enqueue.continuation.flatMap { actionURL(forStep: $0.value, from: builder.file) }
            builder.text(of: path, from: queue?.twilioName.span ?? enqueue.queue.span)
            var element = TwiMLElement.enqueue(
                queue?.twilioName.value ?? enqueue.queue.value, method: action.map { _ in .get },
                waitUrlMethod: wait.map { _ in .get })
            builder.set("action", action, from: enqueue.continuation?.span ?? enqueue.span, on: &element, at: path)
            builder.set("waitUrl", wait, from: queue?.wait?.span, on: &element, at: path)
            return element
        case .leave:
            return .leave
        case .go(let go):
            builder.text(of: path, from: go.target.span)
            return .redirect(url(of: stepFile(go.target.value), from: builder.file), method: .get)
        case .hangup:
            return .hangup
        case .reject(let reject):
            var element = TwiMLElement.reject()
            builder.set("reason", reject.busy?.value == true ? "busy" : nil, from: reject.busy?.span, on: &element, at: path)
            return element
        }
    }

    private mutating func lowerGather(
        _ gather: GatherVerb, at path: [Int], into builder: inout DocumentBuilder, junction: String?
    ) -> TwiMLElement {
        let action = junction.map { url(of: $0, from: builder.file) }
            ?? actionURL(for: gather.continuation, from: builder.file)
        let prompts = gather.prompt.enumerated().map { offset, prompt in
            lower(prompt, at: path + [offset], into: &builder)
        }
        var element = TwiMLElement.gather(action: nil, method: .get, prompts: prompts)
        builder.set("action", action, from: gather.continuation.span, on: &element, at: path)
        builder.set("input", gather.input, on: &element, at: path) { input in
            switch input {
            case .dtmf: "dtmf"
            case .speech: "speech"
            case .dtmfSpeech: "dtmf speech"
            }
        }
        builder.set("timeout", gather.timeout, on: &element, at: path)
        builder.set("numDigits", gather.numDigits, on: &element, at: path)
        builder.set("finishOnKey", gather.finishOnKey, on: &element, at: path)
        builder.set("speechTimeout", gather.speechTimeout, on: &element, at: path) { timeout in
            switch timeout {
            case .seconds(let seconds): String(seconds)
            case .auto: "auto"
            }
        }
        builder.set("language", gather.language, on: &element, at: path)
        builder.set("hints", gather.hints, on: &element, at: path)
        return element
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
        var conference = TwiMLElement.conference(
            room?.twilioName.value ?? join.room.value, waitMethod: wait.map { _ in .get })
        builder.set("startConferenceOnEnter", join.startOnEnter, on: &conference, at: nounPath)
        builder.set("endConferenceOnExit", join.endOnExit, on: &conference, at: nounPath)
        builder.set("muted", join.muted, on: &conference, at: nounPath)
        builder.set("beep", join.beep, on: &conference, at: nounPath) { $0.rawValue }
        builder.set("participantLabel", join.label, on: &conference, at: nounPath)
        builder.set("waitUrl", wait, from: room?.wait?.span, on: &conference, at: nounPath)
        builder.set("maxParticipants", room?.maxParticipants, on: &conference, at: nounPath)
        let options = DialOptions(timeout: join.timeout, timeLimit: join.timeLimit, hangupOnStar: join.hangupOnStar)
        return dialElement([conference], options: options, continuation: join.continuation, at: path, into: &builder)
    }

    /// `<Dial>` around `nouns`, with the options both `dial` forms and `join` share. `then -> step` is
    /// the `action` (fetched with GET); without one the leg goes on with the next verb (Docs/Twilio.md#action-continuations).
    private mutating func dialElement(
        _ nouns: [TwiMLElement], options: DialOptions, continuation: Spanned<Continuation>?, junction: String? = nil,
        at path: [Int], into builder: inout DocumentBuilder
    ) -> TwiMLElement {
        let action = junction.map { url(of: $0, from: builder.file) }
            ?? continuation.flatMap { actionURL(forStep: $0.value, from: builder.file) }
        var element = TwiMLElement.dial(nouns, method: action.map { _ in .get })
        builder.set("action", action, from: continuation?.span ?? builder.origins[TwiMLPath(path)], on: &element, at: path)
        builder.set("timeout", options.timeout, on: &element, at: path)
        builder.set("timeLimit", options.timeLimit, on: &element, at: path)
        builder.set("callerId", options.callerID, on: &element, at: path)
        builder.set("hangupOnStar", options.hangupOnStar, on: &element, at: path)
        builder.set("answerOnBridge", options.answerOnBridge, on: &element, at: path)
        builder.set("record", options.record, on: &element, at: path)
        builder.set("ringTone", options.ringTone, on: &element, at: path)
        return element
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
    /// (without an action Twilio would re-request the current document: Docs/Twilio.md#action-continuations).
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
