import Crypto
import FlowCompiler
import Foundation

/// Twilio's request validation (`X-Twilio-Signature`), exactly as the official helper library's
/// `RequestValidator` computes and checks it (PyPI `twilio` 9.13.0, `twilio/request_validator.py`):
///
/// - The signed string is the full URL Twilio requested, followed, for a form-encoded POST, by every
///   parameter name and value: names sorted, each name's values sorted, duplicates (the same name with the
///   same value) counted once, each pair appended as `name + value`. Sorting is by Unicode code point,
///   as Python sorts `str`, and two strings are the same only when their code points are: a precomposed
///   `é` and `e` + combining accent are different parameters, as in Python, though Swift's `==` says equal.
/// - The signature is base64 of HMAC-SHA1 over the UTF-8 bytes of that string, keyed by the UTF-8 bytes of
///   the auth token (swift-crypto; nothing here is hand-written cryptography).
/// - A request is valid when the header equals, in constant time, the signature of the URL **without** its
///   port or the signature of the URL **with** its port (`:443` for https, `:80` otherwise, when the URL
///   has none): Twilio's own servers are inconsistent about it.
/// - A request whose URL has a `bodySHA256` query parameter and whose body is not form-encoded (a JSON
///   webhook) is valid when, in addition, the hex SHA-256 of the body equals that parameter; its signature
///   is then over the URL alone.
///
/// Only `HMAC_SHA1` keyed by the account's auth token is supported: a request that names another algorithm
/// in `X-Twilio-Webhooks-Signature-Settings` (the SharedKey scheme) is refused (see `Verdict`).
public struct TwilioSignature: Sendable {
    /// The request header that carries the signature.
    public static let header = "X-Twilio-Signature"
    /// The request header of Twilio's SharedKey scheme, which names the algorithm; absent for auth tokens.
    public static let settingsHeader = "X-Twilio-Webhooks-Signature-Settings"

    private let key: SymmetricKey

    /// - Parameter authToken: the account's auth token (`TWILIO_AUTH_TOKEN`).
    public init(authToken: String) {
        key = SymmetricKey(data: Array(authToken.utf8))
    }

    /// The signature Twilio sends for `url` and the POST `parameters` (empty for GET and JSON bodies).
    public func signature(url: String, parameters: [FormParameter] = []) -> String {
        let message = Self.signedString(url: url, parameters: parameters)
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: Array(message.utf8), using: key)
        return Data(code).base64EncodedString()
    }

    /// The string that is signed: `url` followed by `name + value` for every distinct parameter, sorted.
    public static func signedString(url: String, parameters: [FormParameter]) -> String {
        var seen = Set<FormParameter>()
        let distinct = parameters.filter { seen.insert($0).inserted }
        let sorted = distinct.sorted { lhs, rhs in
            if lhs.name != rhs.name { return codePointsPrecede(lhs.name, rhs.name) }
            return codePointsPrecede(lhs.value, rhs.value)
        }
        return sorted.reduce(into: url) { $0 += $1.name + $1.value }
    }

    /// Why a request passed or failed; the server logs the reason of a refusal.
    public enum Verdict: Sendable, Equatable {
        case valid
        case missingSignature
        case wrongSignature
        /// `bodySHA256` in the URL does not match the body.
        case wrongBodyHash
        /// The SharedKey scheme names an algorithm other than HMAC_SHA1.
        case unsupportedAlgorithm(String)
        /// The form body is not valid `application/x-www-form-urlencoded` UTF-8.
        case unreadableBody
        /// Neither `--public-url` nor a `Host` header says which URL was requested.
        case unknownURL

        public var isValid: Bool { self == .valid }

        /// A short reason for the request log.
        public var reason: String {
            switch self {
            case .valid: "signed"
            case .missingSignature: "no X-Twilio-Signature"
            case .wrongSignature: "wrong signature"
            case .wrongBodyHash: "bodySHA256 does not match the body"
            case .unsupportedAlgorithm(let name): "unsupported signature algorithm \(name)"
            case .unreadableBody: "form body is not UTF-8 url-encoded"
            case .unknownURL: "no Host header and no --public-url"
            }
        }
    }

    /// Checks one request as `RequestValidator.validate` does.
    ///
    /// - Parameters:
    ///   - url: the full URL Twilio requested (scheme, host, optional port, path and raw query).
    ///   - body: the request body; read as form parameters when `isForm`, else hashed for `bodySHA256`.
    ///     `nil` for a request without one (GET, HEAD): the library checks `bodySHA256` only against a
    ///     body string it is given, so a GET is never refused for it.
    ///   - isForm: whether the body is `application/x-www-form-urlencoded` (a POST webhook).
    ///   - signature: the `X-Twilio-Signature` header, if any.
    ///   - settings: the `X-Twilio-Webhooks-Signature-Settings` header, if any.
    public func validate(url: String, body: [UInt8]?, isForm: Bool, signature: String?, settings: String? = nil)
        -> Verdict
    {
        if let algorithm = Self.algorithm(settings: settings), algorithm.uppercased() != "HMAC_SHA1" {
            return .unsupportedAlgorithm(algorithm)
        }
        guard let signature, !signature.isEmpty else { return .missingSignature }
        var parameters: [FormParameter] = []
        var bodyHashMatches = true
        if isForm {
            guard let form = FormParameter.parse(body ?? []) else { return .unreadableBody }
            parameters = form
        } else if let body, let expected = Self.bodyHashParameter(url: url) {
            let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
            bodyHashMatches = ConstantTime.isEqual(digest, expected)
        }
        var matches = false
        for candidate in Self.candidateURLs(url) {
            // No short-circuit: both candidates are always computed and compared.
            matches = ConstantTime.isEqual(self.signature(url: candidate, parameters: parameters), signature) || matches
        }
        guard matches else { return .wrongSignature }
        return bodyHashMatches ? .valid : .wrongBodyHash
    }

    /// The URL without its port and the URL with its port (the scheme's default when it has none), as the
    /// helper library's `remove_port` and `add_port` make them. An IPv6 literal keeps its brackets.
    public static func candidateURLs(_ url: String) -> [String] {
        guard let parts = URLParts(url) else { return [url] }
        let defaultPort = parts.scheme == "https" ? "443" : "80"
        return [parts.with(port: nil), parts.with(port: parts.port ?? defaultPort)]
    }

    /// The algorithm named by `X-Twilio-Webhooks-Signature-Settings` (`key=…,algorithm=HMAC_SHA256`).
    static func algorithm(settings: String?) -> String? {
        for part in (settings ?? "").split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces) == "algorithm" else { continue }
            let value = pieces[1].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// The first non-empty `bodySHA256` of the URL's query, decoded as Python's `parse_qs` decodes it.
    static func bodyHashParameter(url: String) -> String? {
        guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        let withoutFragment = query.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parameters = FormParameter.parse(Array(withoutFragment.utf8)) ?? []
        return parameters.first { $0.name == "bodySHA256" && !$0.value.isEmpty }?.value
    }

    /// Python's `str` order: lexicographic by Unicode code point, with no normalization.
    static func codePointsPrecede(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars) { $0.value < $1.value }
    }
}

/// One `name=value` pair of an `application/x-www-form-urlencoded` body, decoded (`+` is a space, `%XX`
/// a byte, the bytes UTF-8). Equality and hashing compare code points, not canonical equivalence, so that
/// deduplication matches Python's `set`.
public struct FormParameter: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func == (lhs: FormParameter, rhs: FormParameter) -> Bool {
        lhs.name.unicodeScalars.elementsEqual(rhs.name.unicodeScalars)
            && lhs.value.unicodeScalars.elementsEqual(rhs.value.unicodeScalars)
    }

    public func hash(into hasher: inout Hasher) {
        for scalar in name.unicodeScalars { hasher.combine(scalar.value) }
        hasher.combine(UInt32.max)
        for scalar in value.unicodeScalars { hasher.combine(scalar.value) }
    }

    public var description: String { "\(name)=\(value)" }

    /// Decodes a form body; `nil` when a `%` escape is malformed or the bytes are not UTF-8. Empty segments
    /// (`a=1&&b=2`) are skipped; a segment without `=` is a name with an empty value.
    public static func parse(_ body: [UInt8]) -> [FormParameter]? {
        var result: [FormParameter] = []
        for segment in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pieces = segment.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(pieces[0]), let value = decode(pieces.count > 1 ? pieces[1] : []) else {
                return nil
            }
            result.append(FormParameter(name, value))
        }
        return result
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        RouteDispatch.formDecoded(bytes, strict: true)
    }
}

/// `scheme://host[:port]rest` split just enough to drop or add the port, as Python's `urlparse` and
/// `geturl` do for the URLs Twilio signs. The scheme is lowercased; an empty query (`?` with nothing after
/// it) is dropped, as `geturl` drops it.
struct URLParts {
    var scheme: String
    var userInfo: String?
    var host: String
    var port: String?
    var rest: String

    init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        scheme = url[..<schemeEnd.lowerBound].lowercased()
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var authority = afterScheme[..<authorityEnd]
        var rest = String(afterScheme[authorityEnd...])
        if rest.hasSuffix("?") { rest.removeLast() }
        self.rest = rest
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        // The port follows the last ':' that is not inside an IPv6 literal's brackets.
        let hostEnd = authority.lastIndex(of: "]") ?? authority.startIndex
        if let colon = authority[hostEnd...].lastIndex(of: ":") {
            host = String(authority[..<colon])
            let digits = authority[authority.index(after: colon)...]
            port = digits.isEmpty ? nil : String(digits)
        } else {
            host = String(authority)
            port = nil
        }
        guard !host.isEmpty else { return nil }
    }

    func with(port: String?) -> String {
        let user = userInfo.map { $0 + "@" } ?? ""
        let portPart = port.map { ":" + $0 } ?? ""
        return scheme + "://" + user + host + portPart + rest
    }
}
