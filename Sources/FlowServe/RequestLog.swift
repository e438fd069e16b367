import FlowCompiler

/// The one line the server prints per request:
///
/// ```
/// GET /front_desk/legs/caller/start.xml flow=front_desk leg=caller step=start 200 0.4ms
/// POST /nope.xml flow=- leg=- step=- 404 0.1ms
/// GET /support_line/legs/caller/start.xml flow=support_line leg=caller step=start 403 0.3ms (wrong signature)
/// INSECURE GET /front_desk/rooms/desk.hold.xml flow=front_desk leg=- step=- 200 0.2ms
/// ```
///
/// The query string is never logged: Twilio puts the caller's number and the CallSid in it. The path is
/// printed with every byte outside printable ASCII escaped as `\xNN`, so a request cannot forge log lines.
public struct RequestLogLine: Sendable, Equatable {
    public var method: String
    public var path: String
    public var route: RouteManifest.Route?
    public var status: Int
    /// Milliseconds from the moment the request was decoded to the moment its response was ready.
    public var milliseconds: Double
    /// Why a request was refused, when it was.
    public var note: String?
    /// Signature checking is off (`--insecure`).
    public var insecure: Bool

    public init(
        method: String, path: String, route: RouteManifest.Route?, status: Int, milliseconds: Double,
        note: String? = nil, insecure: Bool = false
    ) {
        self.method = method
        self.path = path
        self.route = route
        self.status = status
        self.milliseconds = milliseconds
        self.note = note
        self.insecure = insecure
    }

    public var text: String {
        var line = insecure ? "INSECURE " : ""
        line += Self.escaped(method) + " " + Self.escaped(path)
        line += " flow=\(route?.flow ?? "-") leg=\(route?.leg ?? "-") step=\(route?.step ?? "-")"
        line += " \(status) \(Self.format(milliseconds))ms"
        if let note { line += " (\(Self.escaped(note)))" }
        return line
    }

    /// One decimal place, without Foundation's locale-dependent formatting.
    static func format(_ milliseconds: Double) -> String {
        let tenths = Int((max(0, milliseconds) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
