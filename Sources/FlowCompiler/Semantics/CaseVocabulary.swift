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

    /// `AnsweredBy` of a call created with `MachineDetection` (Docs/Twilio.md#answering-machine-detection).
    static let answeredBy = CaseVocabulary(
        values: [
            "human", "machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax", "unknown",
        ],
        listening: [
            "human", "machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax", "unknown",
        ],
        unheard: [:])

    /// The keys a `<Gather>` reports in `Digits`, and a `<Record>` as the key that ended it.
    static let keys: Set<Character> = Set("0123456789*#")

    /// Twilio's default `finishOnKey` of `<Record>`: any key ends the recording.
    static let recordDefaultFinishKeys = "1234567890*#"

    /// Twilio's default `finishOnKey` of `<Gather>`.
    static let gatherDefaultFinishKey = "#"

    /// A `From` or `To` as Twilio sends it: E.164 (`+` and 2 to 15 digits, the first not 0), `client:NAME`,
    /// or a `sip:` address (Docs/Twilio.md#request-parameters).
    static func isAddress(_ text: String) -> Bool {
        if text.hasPrefix("+") {
            let digits = text.dropFirst()
            return (2...15).contains(digits.count) && digits.first != "0" && digits.allSatisfy { ("0"..."9").contains($0) }
        }
        for scheme in ["client:", "sip:"] where text.hasPrefix(scheme) {
            return text.count > scheme.count && !text.contains(" ")
        }
        return false
    }

    /// The record `Digits` value sent when the caller hung up during the recording.
    static let recordHangup = "hangup"
}
