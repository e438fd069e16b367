/// An HTTP method for TwiML `method` attributes (Docs/Twilio.md#urls-and-methods: only `GET` and `POST`).
/// Static files must be fetched with `GET` (Docs/Twilio.md#urls-and-methods), so code generation sets it explicitly.
public enum TwiMLHTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case post = "POST"
}

// MARK: - Convenience constructors for the verbs code generation emits

/// The constructors take typed Swift values and leave unset attributes out, so a rendered document shows
/// only what the `.flow` source asked for; Twilio's defaults (`TwiMLAttributeSpec.defaultValue`) apply.
/// Anything not covered here is set with `setting(_:_:)`. The result is still checked by `TwiMLValidator`.
extension TwiMLElement {
    /// `<Say>`; the validator checks the text against the voice's limit (Docs/Twilio.md#say).
    public static func say(_ text: String, voice: String? = nil, language: String? = nil, loop: Int? = nil)
        -> TwiMLElement
    {
        TwiMLElement("Say", text: text).setting("voice", voice).setting("language", language)
            .setting("loop", loop.map(String.init))
    }

    /// `<Play>`; `url` may be empty only when `digits` is given (Docs/Twilio.md#play).
    public static func play(_ url: String, loop: Int? = nil, digits: String? = nil) -> TwiMLElement {
        TwiMLElement("Play", text: url).setting("loop", loop.map(String.init)).setting("digits", digits)
    }

    /// `<Pause>`; Twilio pauses 1 second when `length` is omitted (Docs/Twilio.md#pause).
    public static func pause(length: Int? = nil) -> TwiMLElement {
        TwiMLElement("Pause").setting("length", length.map(String.init))
    }

    /// `<Gather>` with its nested prompts (`Say`, `Play`, `Pause`). Always give an `action`: without one
    /// Twilio re-requests the current document (Docs/Twilio.md#action-continuations).
    public static func gather(
        action: String?, method: TwiMLHTTPMethod? = nil, input: [String]? = nil, timeout: Int? = nil,
        numDigits: Int? = nil, finishOnKey: String? = nil, actionOnEmptyResult: Bool? = nil,
        prompts: [TwiMLElement] = []
    ) -> TwiMLElement {
        TwiMLElement("Gather", children: prompts).setting("action", action).setting("method", method?.rawValue)
            .setting("actionOnEmptyResult", actionOnEmptyResult.map(String.init))
            .setting("input", input?.joined(separator: " ")).setting("timeout", timeout.map(String.init))
            .setting("finishOnKey", finishOnKey).setting("numDigits", numDigits.map(String.init))
    }

    /// `<Record>`. Always give an `action`: without one Twilio re-requests the current document (Docs/Twilio.md#action-continuations).
    public static func record(
        action: String?, method: TwiMLHTTPMethod? = nil, timeout: Int? = nil, finishOnKey: String? = nil,
        maxLength: Int? = nil, playBeep: Bool? = nil
    ) -> TwiMLElement {
        TwiMLElement("Record").setting("action", action).setting("method", method?.rawValue)
            .setting("timeout", timeout.map(String.init)).setting("finishOnKey", finishOnKey)
            .setting("maxLength", maxLength.map(String.init)).setting("playBeep", playBeep.map(String.init))
    }

    /// `<Dial>` with nouns (`number`, `client`, `sip`, `conference`, `queue`). A parent leg that must
    /// survive the dial needs an `action` or a following verb (Docs/Twilio.md#dial-bridge).
    public static func dial(
        _ targets: [TwiMLElement], action: String? = nil, method: TwiMLHTTPMethod? = nil, timeout: Int? = nil,
        timeLimit: Int? = nil, callerId: String? = nil, hangupOnStar: Bool? = nil, answerOnBridge: Bool? = nil
    ) -> TwiMLElement {
        TwiMLElement("Dial", children: targets).setting("action", action).setting("method", method?.rawValue)
            .setting("timeout", timeout.map(String.init)).setting("timeLimit", timeLimit.map(String.init))
            .setting("hangupOnStar", hangupOnStar.map(String.init))
            .setting("answerOnBridge", answerOnBridge.map(String.init)).setting("callerId", callerId)
    }

    /// `<Number>` in E.164; `url` is a whisper document (Docs/Twilio.md#restricted-contexts).
    public static func number(
        _ phoneNumber: String, url: String? = nil, method: TwiMLHTTPMethod? = nil, sendDigits: String? = nil
    ) -> TwiMLElement {
        TwiMLElement("Number", text: phoneNumber).setting("sendDigits", sendDigits).setting("url", url)
            .setting("method", method?.rawValue)
    }

    /// `<Client>` with an identity (legacy text form, Docs/Twilio.md#dial); `url` is a whisper document (Docs/Twilio.md#restricted-contexts).
    public static func client(_ identity: String, url: String? = nil, method: TwiMLHTTPMethod? = nil)
        -> TwiMLElement
    {
        TwiMLElement("Client", text: identity).setting("url", url).setting("method", method?.rawValue)
    }

    /// `<Sip>` with a `sip:`/`sips:` URI (Docs/Twilio.md#dial); `url` is a whisper document (Docs/Twilio.md#restricted-contexts).
    public static func sip(
        _ uri: String, url: String? = nil, method: TwiMLHTTPMethod? = nil, username: String? = nil,
        password: String? = nil
    ) -> TwiMLElement {
        TwiMLElement("Sip", text: uri).setting("username", username).setting("password", password)
            .setting("url", url).setting("method", method?.rawValue)
    }

    /// `<Conference>`; labels must be unique per room (Docs/Twilio.md#limits), `waitUrl` runs in the
    /// conference wait context (Docs/Twilio.md#restricted-contexts).
    public static func conference(
        _ name: String, participantLabel: String? = nil, startConferenceOnEnter: Bool? = nil,
        endConferenceOnExit: Bool? = nil, muted: Bool? = nil, beep: String? = nil, waitUrl: String? = nil,
        waitMethod: TwiMLHTTPMethod? = nil, maxParticipants: Int? = nil
    ) -> TwiMLElement {
        TwiMLElement("Conference", text: name).setting("muted", muted.map(String.init)).setting("beep", beep)
            .setting("startConferenceOnEnter", startConferenceOnEnter.map(String.init))
            .setting("endConferenceOnExit", endConferenceOnExit.map(String.init))
            .setting("participantLabel", participantLabel).setting("waitUrl", waitUrl)
            .setting("waitMethod", waitMethod?.rawValue).setting("maxParticipants", maxParticipants.map(String.init))
    }

    /// `<Queue>` on the dequeuing side; `url` runs for the queued caller (queue whisper, Docs/Twilio.md#restricted-contexts).
    public static func queue(_ name: String, url: String? = nil, method: TwiMLHTTPMethod? = nil) -> TwiMLElement {
        TwiMLElement("Queue", text: name).setting("url", url).setting("method", method?.rawValue)
    }

    /// `<Enqueue>`; `waitUrl` runs in the enqueue wait context (Docs/Twilio.md#restricted-contexts); `""` means silence.
    public static func enqueue(
        _ queueName: String, action: String? = nil, method: TwiMLHTTPMethod? = nil, waitUrl: String? = nil,
        waitUrlMethod: TwiMLHTTPMethod? = nil
    ) -> TwiMLElement {
        TwiMLElement("Enqueue", text: queueName).setting("action", action).setting("method", method?.rawValue)
            .setting("waitUrl", waitUrl).setting("waitUrlMethod", waitUrlMethod?.rawValue)
    }

    /// `<Leave>`, valid only in an Enqueue wait document (Docs/Twilio.md#leave).
    public static var leave: TwiMLElement { TwiMLElement("Leave") }

    /// `<Hangup>`: the explicit end of a leg (Docs/Twilio.md#hangup-reject).
    public static var hangup: TwiMLElement { TwiMLElement("Hangup") }

    /// `<Redirect>`; an empty URL re-requests the current document (Docs/Twilio.md#redirect).
    public static func redirect(_ url: String, method: TwiMLHTTPMethod? = nil) -> TwiMLElement {
        TwiMLElement("Redirect", text: url).setting("method", method?.rawValue)
    }

    /// `<Reject>`: `rejected` (Twilio's default) or `busy` (Docs/Twilio.md#hangup-reject).
    public static func reject(reason: String? = nil) -> TwiMLElement {
        TwiMLElement("Reject").setting("reason", reason)
    }
}
