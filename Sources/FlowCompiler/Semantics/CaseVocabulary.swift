/// The values Twilio sends for each outcome a case line can name (Docs/Twilio.md#request-parameters),
/// as data: which values exist, which of them no live caller hears (FLOW229), and which a dial or
/// enqueue without `then` must name (FLOW230).
///
/// What must hold: `listening` ⊆ `values`, and `values` ∖ `listening` is exactly what `unheard` explains.
struct CaseVocabulary {
    /// Every value Twilio documents for the parameter.
    let values: [String]
    /// The values after which the leg still runs the TwiML a router returns, in Twilio's order.
    let listening: [String]
    /// Why a value in `values` but not in `listening` steers nobody, by value.
    let unheard: [String: String]

    /// `DialCallStatus` of a `<Dial>` of numbers, clients, SIP addresses or a queue.
    static let dialCallStatus = CaseVocabulary(
        values: ["completed", "answered", "busy", "no-answer", "failed", "canceled"],
        listening: ["completed", "busy", "no-answer", "failed", "canceled"],
        unheard: ["answered": "Twilio sends 'answered' only for a dial of a conference, which 'join' is; a dial sends 'completed' when the call it bridged ends"])

    /// `QueueResult` of an `<Enqueue>`.
    static let queueResult = CaseVocabulary(
        values: [
            "bridged", "bridging-in-process", "error", "hangup", "leave", "redirected", "redirected-from-bridged",
            "queue-full", "system-error",
        ],
        listening: ["bridged", "bridging-in-process", "error", "leave", "queue-full", "system-error"],
        unheard: [
            "hangup": "Twilio sends 'hangup' after the caller hung up in the queue: nobody hears what follows",
            "redirected": "after 'redirected' the leg runs the TwiML of the update that moved it, not the enqueue's action (an inference, Docs/Twilio.md#conference-and-queue-legs)",
            "redirected-from-bridged": "after 'redirected-from-bridged' the leg runs the TwiML of the update that moved it, not the enqueue's action (an inference, Docs/Twilio.md#conference-and-queue-legs)",
        ])

    /// The keys a `<Gather>` reports in `Digits`, and a `<Record>` as the key that ended it.
    static let keys: Set<Character> = Set("0123456789*#")

    /// Twilio's default `finishOnKey` of `<Record>`: any key ends the recording.
    static let recordDefaultFinishKeys = "1234567890*#"

    /// Twilio's default `finishOnKey` of `<Gather>`.
    static let gatherDefaultFinishKey = "#"

    /// The record `Digits` value sent when the caller hung up during the recording.
    static let recordHangup = "hangup"
}
