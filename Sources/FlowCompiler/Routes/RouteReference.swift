/// Resolves the URLs found in TwiML to the routes they name, the way Twilio resolves them: a relative
/// reference against the URL of the document that contains it (Docs/Twilio.md#redirect, Docs/Twilio.md#urls-and-methods),
/// an absolute URL by stripping the flow's base URL.
enum RouteReference {
    /// The route path named by `reference` inside the document at `route`, or `nil` when it leaves the
    /// flow's routes (another host, a path above the root).
    /// An empty reference is the document itself (an empty `<Redirect/>` re-requests it, Docs/Twilio.md#redirect).
    static func resolve(_ reference: String, from route: String, flowRoot: String, baseURL: String?) -> String? {
        var reference = reference
        if let cut = reference.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            reference = String(reference[..<cut])
        }
        if reference.isEmpty { return route }
        if reference.hasPrefix("http://") || reference.hasPrefix("https://") {
            guard let baseURL else { return nil }
            let base = RouteLayout.trimmedBaseURL(baseURL)
            guard reference.hasPrefix(base + "/") else { return nil }
            return normalize(flowRoot + "/" + reference.dropFirst(base.count + 1))
        }
        if reference.hasPrefix("/") { return normalize(reference) }
        let directory = route.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        return normalize(directory.joined(separator: "/") + "/" + reference)
    }

    /// Removes `.` and `..` segments (RFC 3986 §5.2.4); `nil` if `..` climbs above the root.
    private static func normalize(_ path: String) -> String? {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            } else {
                segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
