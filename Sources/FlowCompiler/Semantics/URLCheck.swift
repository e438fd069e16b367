/// The URL rules of Docs/Twilio.md#limits, Docs/Twilio.md#urls-and-methods: where Twilio has no document to resolve a
/// URL against (the number's webhook, REST requests, audio fetched by `<Play>` from another host),
/// it must be absolute `http(s)` with a real host name, and Twilio rejects `_` in host names.
enum URLCheck {
    /// What is wrong with `url`, phrased as "expected …, found …", or `nil` when it is acceptable.
    /// `isBase` also rejects a query or fragment, which a base URL for relative paths cannot carry.
    static func problem(in url: String, isBase: Bool) -> String? {
        let lowered = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else {
            return "expected an absolute 'https://' or 'http://' URL, found \"\(url)\""
        }
        if let bad = url.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        {
            let shown = bad == " " ? "a space" : "U+\(String(bad.value, radix: 16, uppercase: true))"
            return "expected a URL without spaces or control characters, found \(shown)"
        }
        let rest = url.dropFirst(scheme.count)
        let authority = rest.prefix { !"/?#".contains($0) }
        if isBase, let mark = rest.first(where: { "?#".contains($0) }) {
            return "expected a base URL without a query or fragment, found '\(mark)'"
        }
        if authority.contains("@") {
            return "expected a host name without a user name or password, found '\(authority)'"
        }
        var host = Substring(authority)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else {
                return "expected ']' at the end of the IPv6 address, found '\(authority)'"
            }
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { return nil }
            guard after.hasPrefix(":") else { return "expected ':' or '/' after ']', found '\(after)'" }
            return portProblem(after.dropFirst())
        }
        if let colon = host.lastIndex(of: ":") {
            if let problem = portProblem(host[host.index(after: colon)...]) { return problem }
            host = host[..<colon]
        }
        guard !host.isEmpty else {
            return "expected a host name after '\(scheme)', found none"
        }
        if host.contains("_") {
            return "expected a host name without '_', found '\(host)'"
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        for label in labels where label.isEmpty || !label.allSatisfy(allowed.contains)
            || label.hasPrefix("-") || label.hasSuffix("-")
        {
            return "expected a host name of letters, digits, '-' and '.', found '\(host)'"
        }
        return nil
    }

    private static func portProblem(_ port: Substring) -> String? {
        guard port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port),
            (1...65535).contains(number)
        else {
            return "expected a port number from 1 to 65535 after ':', found '\(port)'"
        }
        return nil
    }
}
