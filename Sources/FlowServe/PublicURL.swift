import FlowCompiler

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
        base = RouteLayout.trimmedBaseURL(parts.with(port: parts.port))
    }

    /// The URL Twilio requested for a request whose target (path and query, as received) is `rawTarget`.
    public func url(rawTarget: String) -> String {
        base + rawTarget
    }

    /// The URL for a request seen directly: `http://HOST` + the target. `nil` without a `Host` header, or
    /// with one that is not a bare `host[:port]` (`isValidHost`).
    ///
    /// Twilio signs the whole URL, so the Host header must not be able to carry part of the path: with
    /// `Host: example.com/a` and the target `/b.xml` the URL would be `http://example.com/a/b.xml`, and the
    /// signature Twilio made for the route `/a/b.xml` would be accepted on the route `/b.xml` (issue #15,
    /// item 5). With only a host and a port, the path signed is always the path requested.
    public static func direct(host: String?, rawTarget: String) -> String? {
        guard let host, isValidHost(host), rawTarget.hasPrefix("/") else { return nil }
        return "http://" + host + rawTarget
    }

    /// `host[:port]` and nothing else: a name of letters, digits, `-`, `.` and `_` (no `/`, `?`, `#`, `@`,
    /// `%`, `\`, space or control character), or an IPv6 literal in brackets, then optionally `:` and 1–5
    /// digits. Stricter than RFC 3986's reg-name, which also allows sub-delimiters no Twilio URL needs.
    public static func isValidHost(_ host: String) -> Bool {
        var rest = Substring(host)
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return false }
            let literal = rest[rest.index(after: rest.startIndex)..<close]
            guard !literal.isEmpty,
                literal.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") })
            else { return false }
            rest = rest[rest.index(after: close)...]
        } else {
            let name = rest.prefix { $0 != ":" }
            guard !name.isEmpty, name.count <= 253,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") })
            else { return false }
            rest = rest[name.endIndex...]
        }
        if rest.isEmpty { return true }
        guard rest.first == ":" else { return false }
        let port = rest.dropFirst()
        return (1...5).contains(port.count) && port.allSatisfy { $0.isASCII && $0.isNumber }
            && (Int(port) ?? 65536) <= 65535
    }

    public var description: String { base }
}

extension PublicURL {
    /// The manifest as the development server writes it when Twilio reaches it through this URL: every
    /// absolute URL of a flow under its `serve at` (the production host) is moved under this URL, where the
    /// server serves the flow's folder, so the entry points and REST request URLs a developer copies from
    /// `routes.json` reach the tunnel instead of production (issue 14). `flows[].baseURL` becomes
    /// `BASE/FLOW`, `entryPoints[].url` and the operations' `Url` and `HoldUrl` the route under it; a URL
    /// on any other host, and a flow without `serve at`, are left as they are.
    public func rebase(_ manifest: RouteManifest) -> RouteManifest {
        var manifest = manifest
        for index in manifest.flows.indices {
            var flow = manifest.flows[index]
            guard let production = flow.baseURL else { continue }
            let move = { (url: String) in self.rebase(url, flow: flow.name, servedAt: production) }
            flow.baseURL = move(production)
            for entry in flow.entryPoints.indices {
                flow.entryPoints[entry].url = flow.entryPoints[entry].url.map(move)
            }
            for operation in flow.operations.indices {
                for request in flow.operations[operation].requests.indices {
                    flow.operations[operation].requests[request].parameters =
                        flow.operations[operation].requests[request].parameters.mapValues(move)
                }
            }
            manifest.flows[index] = flow
        }
        return manifest
    }

    /// `url` under this URL instead of `baseURL`, the `serve at` of `flow`: the server serves the output
    /// folder at this URL, so the flow's folder is at `BASE/FLOW`. Any other URL is returned as it is.
    public func rebase(_ url: String, flow: String, servedAt baseURL: String) -> String {
        let production = RouteLayout.trimmedBaseURL(baseURL)
        let served = base + RouteLayout.route(ofFile: flow)
        if RouteLayout.trimmedBaseURL(url) == production { return served }
        guard url.hasPrefix(production + "/") else { return url }
        return served + url.dropFirst(production.count)
    }
}
