/// How a router picks the file of a route that branches (`dispatch` in routes.json; Docs/Output.md).
///
/// Twilio sends what happened (the digits pressed, a `<Dial>`'s `DialCallStatus`, an `<Enqueue>`'s
/// `QueueResult`, …) as query parameters of the GET that fetches a continuation
/// (Docs/Twilio.md#request-parameters). A static file cannot read them; a router in front of the files
/// can, and this type is all it needs: a pure function from (route, query) to one file of the manifest.
///
/// What must always hold:
/// - Cases are tried in order; the first whose value matches wins; otherwise `default`.
/// - `default` is the route's own file and path, so a host with no router serves the default branch,
///   and the checker proves that degraded flow too.
/// - Every `file` named here is itself a route of the manifest; no router serves anything else.
/// - An absent parameter and an empty one are the same to every router.
/// - Every router flowc generates (`flowc serve`, nginx, the edge function, the Swift dispatch) matches
///   exactly as `select` does; tests hold each of them to it.
public struct RouteDispatch: Codable, Sendable, Hashable {
    /// How a received value is compared with a case's values.
    public enum Match: String, Codable, Sendable, Hashable, CaseIterable {
        /// Byte for byte, after percent-decoding (and `+` as a space).
        case exact
        /// Speech: both sides normalised by `RouteDispatch.normalizedWords` (flowc writes values normalised),
        /// and a value matches when its words stand together, in order, among the words received:
        /// "sales" matches "I want sales please", not "wholesales". A caller rarely says only the word.
        case words
    }

    /// One file a route may serve, named both ways the manifest names files.
    public struct Target: Codable, Sendable, Hashable {
        public var file: String
        public var path: String

        public init(file: String, path: String) {
            self.file = file
            self.path = path
        }
    }

    public struct Case: Codable, Sendable, Hashable {
        /// Overrides the dispatch's parameter (a gather of digits and speech has both on one route).
        public var parameter: String?
        /// Overrides the dispatch's match.
        public var match: Match?
        public var values: [String]
        public var file: String
        public var path: String

        public init(parameter: String? = nil, match: Match? = nil, values: [String], file: String, path: String) {
            self.parameter = parameter
            self.match = match
            self.values = values
            self.file = file
            self.path = path
        }

        public var target: Target { Target(file: file, path: path) }
    }

    /// The Twilio request parameter, spelled exactly as Twilio sends it (`Digits`, `DialCallStatus`, …).
    public var parameter: String
    public var match: Match
    public var cases: [Case]
    public var `default`: Target

    public init(parameter: String, match: Match = .exact, cases: [Case], default: Target) {
        self.parameter = parameter
        self.match = match
        self.cases = cases
        self.default = `default`
    }

    /// The index of the case a request takes, or `nil` for the default. `query` is the request's decoded
    /// query parameters (the first value of a repeated name counts, as with every router flowc writes).
    public func caseIndex(query: [String: String]) -> Int? {
        for (index, candidate) in cases.enumerated() {
            let name = candidate.parameter ?? parameter
            let received = query[name] ?? ""
            switch candidate.match ?? match {
            case .exact:
                if candidate.values.contains(received) { return index }
            case .words:
                let words = " " + Self.normalizedWords(received) + " "
                if candidate.values.contains(where: { !$0.isEmpty && words.contains(" " + $0 + " ") }) { return index }
            }
        }
        return nil
    }

    /// The file a request with these query parameters gets.
    public func select(query: [String: String]) -> Target {
        caseIndex(query: query).map { cases[$0].target } ?? self.default
    }

    /// The `words` normal form: lowercased, every character that is not a letter or a digit a space,
    /// runs of spaces collapsed, trimmed. "Sales, please!" is "sales please".
    public static func normalizedWords(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// Decodes a raw query string (`a=1&b=x%20y+z`) the way a router must: split on `&`, the first `=`
    /// separates name and value, `+` is a space, then percent-decoding (an invalid escape stays as it is).
    /// The first occurrence of a name wins.
    public static func decodeQuery(_ query: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecoded(parts[0])
            let value = parts.count > 1 ? percentDecoded(parts[1]) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    static func percentDecoded(_ text: Substring) -> String {
        formDecoded(Array(text.utf8)[...], strict: false) ?? ""
    }

    /// One form or query component decoded: `+` is a space, `%XX` a byte. The one decoder of
    /// `application/x-www-form-urlencoded` text in flowc (routers here, Twilio's signed form bodies in
    /// FlowServe). `strict`: `nil` for a malformed escape or bytes that are not UTF-8 (a signature must
    /// not be checked against a guess); otherwise a malformed escape stays as written and invalid UTF-8
    /// becomes U+FFFD, as a router falls back to the default for a value it cannot read.
    public static func formDecoded(_ bytes: ArraySlice<UInt8>, strict: Bool) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 2
            } else if byte == UInt8(ascii: "%"), strict {
                return nil
            } else {
                output.append(byte)
            }
            index += 1
        }
        return strict ? String(validating: output, as: UTF8.self) : String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
