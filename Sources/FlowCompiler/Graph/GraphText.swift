/// The words of the picture: the labels of edges and the text of nodes (a verb's line is
/// `FlowGraphBuilder.line(_:)`, beside the other per-verb decisions of the picture).
///
/// A step's node lists its verbs so the picture can be read without the source; its edges say which
/// outcome of which verb leads where. Static TwiML cannot branch on an outcome (Grammar.md §11), so a
/// continuation label names every outcome that takes it (every DialCallStatus, every QueueResult):
/// the reader sees that one arrow covers a busy agent as well as a finished call.
///
/// Everything returned is display text with no control character (see `FlowGraph`); quotes and other
/// characters special to a drawing language are left for the renderers to escape.
enum GraphText {
    /// Said text longer than this is cut, so that a node stays narrow enough to read in a picture.
    static let excerptLength = 28

    // MARK: - Edge labels

    static let dialEnds = "dial ends (completed / busy / no-answer / failed)"
    static let queueLeft = "queue left (bridged / leave / redirected / queue-full / error)"
    static let conferenceEnds = "conference ends"
    static let input = "input"
    static let noInput = "no input"
    static let recordingEnds = "recording ends"
    static let go = "go"
    static let thenHangup = "then hangup"

    /// A case line's edge: `Digits 1 / 2`, `DialCallStatus busy / no-answer`.
    static func caseLabel(_ parameter: String, _ values: [String]) -> String {
        "\(parameter) " + values.map { $0.isEmpty ? quoted($0) : $0 }.joined(separator: " / ")
    }

    /// The `then` of a verb with cases: every outcome no case names.
    static let otherInput = "other input"
    static let otherOutcomes = "other outcomes"
    /// The first step of a leg with cases of its own (`on from`, `on to`, `on answered_by`).
    static let otherCallers = "other calls"
    static let dials = "dials"
    static let playsWhileWaiting = "plays while waiting"
    static let playsUntilStart = "plays until the conference starts"
    static let playsWhileHeld = "plays while held"
    static let playsBeforeBridge = "plays before the bridge"

    /// Outcomes passed through on the way to an edge, then the edge's own outcome: `no input · go`.
    static func label(_ parts: [String]) -> String {
        parts.joined(separator: " · ")
    }

    // MARK: - Node text

    static func legTitle(_ leg: Leg) -> String { leg.name }

    /// How the leg's call comes to exist, under its name.
    static func legLine(_ role: LegRole) -> String {
        switch role {
        case .entry: "incoming call"
        case .outbound: "outbound call"
        case .dialed: "dialed call"
        }
    }

    static func clusterTitle(_ leg: Leg) -> String { "leg \(leg.name) (\(leg.role.rawValue))" }

    static let documentsTitle = "queues and rooms"

    static func documentTitle(owner: String, _ kind: DocumentKind) -> String { "\(owner) · \(kind.rawValue)" }

    static func quoted(_ text: String) -> String { "\"\(text)\"" }

    /// The start of `text`, cut at `excerptLength` characters with an ellipsis.
    static func excerpt(_ text: String) -> String {
        let shown = displayed(text)
        return shown.count > excerptLength ? String(shown.prefix(excerptLength)) + "…" : shown
    }

    /// `text` with every control character (a `\n` or `\t` escape in a `.flow` string, a line or
    /// paragraph separator) as a space: a node's lines are the renderer's to break, never the text's.
    static func displayed(_ text: String) -> String {
        replacingScalars(of: text) { $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : nil }
    }

    /// `text` with each scalar for which `replacement` gives a string replaced by it, and every other
    /// control character by a space. The renderers escape through this too, so no drawing language ever
    /// receives a control character: Graphviz would copy it into SVG, where XML forbids most of them.
    static func replacingScalars(of text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                result += replaced
            } else if scalar.properties.generalCategory == .control {
                result += " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
