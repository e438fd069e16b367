/// How TwiML documents refer to each other: relative URLs that work on any host, or absolute URLs
/// built from each flow's `serve at`.
public enum URLStyle: String, Sendable, Hashable, CaseIterable {
    /// Relative references, resolved by Twilio against the URL of the document that holds them
    /// (Docs/Twilio.md#redirect, Docs/Twilio.md#urls-and-methods): the same tree can be uploaded to any host.
    case relative
    /// Absolute `serve at` URLs, for hosts or TwiML dialects that do not resolve relative references
    /// (Docs/Twilio.md#dialects). Every flow then needs `serve at` (FLOW412).
    case absolute
}

/// The file names of a flow's documents and the URLs between them.
///
/// Layout, relative to the output folder (Docs/Output.md):
///
/// ```
/// FLOW/legs/LEG/STEP.xml        a step
/// FLOW/legs/LEG/STEP.onN.xml    the junction of the Nth verb with cases in the step: the verb's action,
///                               whose routes.json route carries the dispatch (Docs/Output.md#dispatch);
///                               STEP.on0.xml of a leg's first step is the leg's entry point when the leg
///                               has cases of its own (`on from`, `on to`, `on answered_by`)
/// FLOW/legs/LEG.whisper.xml     a dialed leg's whisper document
/// FLOW/queues/QUEUE.wait.xml    a queue's wait document (Enqueue waitUrl)
/// FLOW/queues/QUEUE.whisper.xml a queue's whisper document (Queue url)
/// FLOW/rooms/ROOM.wait.xml      a room's wait document (Conference waitUrl)
/// FLOW/rooms/ROOM.hold.xml      a room's hold document (Participant HoldUrl)
/// FLOW/hangup.xml               `<Hangup/>`, the action of a gather or record that says `then hangup`
/// routes.json                   the route manifest
/// ```
///
/// What must hold: identifiers are `[A-Za-z_][A-Za-z0-9_]*` (Grammar.md §1), so no name can contain
/// `.` or `/`. Hence no path leaves the output folder, a step file never collides with a whisper or
/// special file (those have a second `.`), and no URL needs percent-encoding. Paths that differ only
/// by letter case are refused by `Lowering` (FLOW411), because they collide on case-insensitive file
/// systems and hosts.
public enum RouteLayout {
    /// The manifest's file name at the root of the output folder.
    public static let manifestFile = "routes.json"
    /// The flow-wide hangup document, relative to the flow's folder.
    public static let hangupFile = "hangup.xml"

    public static func stepFile(flow: String, step: StepID) -> String {
        "\(flow)/legs/\(step.leg)/\(step.step).xml"
    }

    /// The junction of the `ordinal`th verb with cases (from 1) in a step; ordinal 0 is the leg's own
    /// junction, at its first step.
    public static func junctionFile(flow: String, step: StepID, ordinal: Int) -> String {
        "\(flow)/legs/\(step.leg)/\(step.step).on\(ordinal).xml"
    }

    public static func legWhisperFile(flow: String, leg: String) -> String {
        "\(flow)/legs/\(leg).whisper.xml"
    }

    public static func queueFile(flow: String, queue: String, kind: DocumentKind) -> String {
        "\(flow)/queues/\(queue).\(kind.rawValue).xml"
    }

    public static func roomFile(flow: String, room: String, kind: DocumentKind) -> String {
        "\(flow)/rooms/\(room).\(kind.rawValue).xml"
    }

    public static func flowHangupFile(flow: String) -> String {
        "\(flow)/\(hangupFile)"
    }

    /// The URL path of a file, relative to the output root: `/` and the file.
    public static func route(ofFile file: String) -> String { "/" + file }

    /// The reference that, resolved against the URL of `source`, names `target` (RFC 3986 §5.2, the way
    /// Twilio resolves relative URLs: Docs/Twilio.md#redirect). Both are files of the output folder. A document that
    /// refers to itself gets its own file name, which is clearer than an empty reference.
    public static func relativeReference(from source: String, to target: String) -> String {
        let sourceFolders = source.split(separator: "/").dropLast()
        var targetParts = target.split(separator: "/")
        let targetName = targetParts.removeLast()
        var shared = 0
        while shared < sourceFolders.count, shared < targetParts.count,
            sourceFolders[sourceFolders.startIndex + shared] == targetParts[shared]
        {
            shared += 1
        }
        let ups = Array(repeating: "..", count: sourceFolders.count - shared)
        let downs = targetParts[shared...].map(String.init)
        return (ups + downs + [String(targetName)]).joined(separator: "/")
    }

    /// A base URL (`serve at`, `--public-url`) without its trailing `/`s, the form every URL under it is
    /// built from as base + `/` + path: `https://x.test/a/` and `https://x.test/a` name the same folder
    /// (Docs/Output.md, "URLs"). Every place that joins or strips a base URL trims it with this.
    public static func trimmedBaseURL(_ baseURL: String) -> String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return String(base)
    }

    /// The absolute URL of `file`, a file of `flow`'s folder, under the flow's base URL (`serve at`),
    /// which is the URL of that folder (Grammar.md §3).
    public static func absoluteURL(of file: String, flow: String, baseURL: String) -> String {
        let base = trimmedBaseURL(baseURL)
        let prefix = flow + "/"
        let inFlow = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
        return base + "/" + inFlow
    }
}
