/// The part of the URL that Twilio requested which the server cannot see on its own: scheme, host, port
/// and a path prefix, when a tunnel or reverse proxy rewrites them (`--public-url`).
///
/// Twilio signs the URL it requested. Behind a tunnel (`https://abc.ngrok.app` → `http://127.0.0.1:8080`)
/// the server sees another scheme and host, and behind a proxy that strips a prefix
/// (`https://example.com/twiml/…` → `/…`) another path, so the signature could not be checked. With
/// `--public-url https://example.com/twiml` the URL checked is that base followed by the raw request target
/// (path and query exactly as received). Without it the base is `http://` + the `Host` header.
public struct PublicURL: Sendable, Equatable, CustomStringConvertible {
    /// `scheme://authority[/prefix]`, with no trailing `/`, query or fragment.
    public let base: String

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case invalid(String)

        public var description: String {
            switch self {
            case .invalid(let why): "--public-url: \(why)"
            }
        }
    }

    /// Parses `--public-url`: an `http` or `https` URL with a host, optionally a path prefix, and no query,
    /// fragment or whitespace. A trailing `/` is dropped (`https://x.test/` is `https://x.test`).
    public init(_ text: String) throws(Problem) {
        guard let parts = URLParts(text), parts.scheme == "http" || parts.scheme == "https" else {
            throw .invalid("'\(text)' is not an http:// or https:// URL with a host")
        }
        guard !text.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }) else {
            throw .invalid("'\(text)' must not contain a query, a fragment or spaces")
        }
        var base = parts.with(port: parts.port)
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// The URL Twilio requested for a request whose target (path and query, as received) is `rawTarget`.
    public func url(rawTarget: String) -> String {
        base + rawTarget
    }

    /// The URL for a request seen directly: `http://HOST` + the target. `nil` without a `Host` header.
    public static func direct(host: String?, rawTarget: String) -> String? {
        guard let host, !host.isEmpty else { return nil }
        return "http://" + host + rawTarget
    }

    public var description: String { base }
}
