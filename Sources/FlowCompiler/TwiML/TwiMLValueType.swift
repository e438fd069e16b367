import Foundation

/// The unit an integer attribute is counted in; it only changes how a range is worded in messages.
public enum TwiMLUnit: String, Sendable, Hashable {
    case none = ""
    case seconds
    case milliseconds
}

/// The type of one attribute value or of an element's text, as Twilio checks it.
///
/// The vocabulary table (`TwiMLVocabulary`) gives every attribute and every text body one of these,
/// so that checking a value is a lookup plus `TwiMLValueType.problem(with:)`, never code per element.
/// Value sets and ranges come from Docs/Twilio.md#verbs, Docs/Twilio.md#schema; limits from Docs/Twilio.md#limits.
public indirect enum TwiMLValueType: Sendable, Hashable {
    /// The literals `true` or `false` and nothing else (Docs/Twilio.md#document-validity, error 13231).
    case boolean
    /// A decimal integer without sign inside `range` (Docs/Twilio.md#verbs).
    case integer(ClosedRange<Int>, unit: TwiMLUnit)
    /// A decimal integer in `range`, or one of `keywords` (`speechTimeout="auto"`, Docs/Twilio.md#gather).
    case integerOrKeyword(ClosedRange<Int>, keywords: [String])
    /// A non-negative decimal number such as `10.50` (`Pay chargeAmount`).
    case decimal
    /// Exactly one of `values` (case-sensitive, Docs/Twilio.md#document-validity).
    case enumeration([String])
    /// One or more of `values`, separated by single spaces, each at most once (`statusCallbackEvent`).
    case enumerationList([String])
    /// `GET` or `POST` (Docs/Twilio.md#urls-and-methods).
    case httpMethod
    /// An absolute `http`/`https` URL with a real host, or a relative reference (Docs/Twilio.md#urls-and-methods).
    /// `allowsEmpty` is for the places where an empty value means something (`waitUrl=""` is silence,
    /// an empty `<Redirect/>` re-requests the current document: Docs/Twilio.md#redirect, Docs/Twilio.md#conference and Enqueue).
    case url(allowsEmpty: Bool)
    /// An absolute `wss://` URL without a query string (Docs/Twilio.md#verbs Connect, `<Stream url>`; Docs/Twilio.md#limits).
    case webSocketURL
    /// Free text whose length in Unicode scalars is in `length`, without any of `forbidden`.
    case string(length: ClosedRange<Int>, forbidden: String)
    /// A sequence of the characters in `allowed` (DTMF keys, `finishOnKey`), at most `maxLength` long.
    case keys(allowed: String, maxLength: Int, allowsEmpty: Bool)
    /// A phone number in E.164 form: `+` then 1–15 digits, the first not `0` (Docs/Twilio.md#dial).
    case phoneNumber
    /// A `sip:` or `sips:` URI: URI part < 255 characters, header part < 1024 characters (Docs/Twilio.md#dial, Docs/Twilio.md#limits).
    case sipURI
    /// A `<Say voice>`: `man`, `woman`, `alice`, `Polly.<Name>…` or `Google.<locale>-…` (Docs/Twilio.md#say).
    case voice
    /// A BCP-47-like tag such as `en-US` (Docs/Twilio.md#say and Gather `language`).
    case languageTag
    /// A JSON object (`<Task>` body, Docs/Twilio.md#nesting).
    case jsonObject

    /// Free text of any length, including empty.
    public static let anyString = TwiMLValueType.string(length: 0...Int.max, forbidden: "")
    /// Free text that must not be empty.
    public static let nonEmptyString = TwiMLValueType.string(length: 1...Int.max, forbidden: "")
    /// A non-negative integer without upper bound.
    public static let count = TwiMLValueType.integer(0...Int.max, unit: .none)
    /// A positive number of seconds without upper bound.
    public static let positiveSeconds = TwiMLValueType.integer(1...Int.max, unit: .seconds)
    /// `in-progress completed absent` (Docs/Twilio.md#dial, Record, Conference `recordingStatusCallbackEvent`).
    public static let recordingEvents = TwiMLValueType.enumerationList(["in-progress", "completed", "absent"])
    /// `initiated ringing answered completed` (Docs/Twilio.md#dial, Client, Sip `statusCallbackEvent`; Docs/Twilio.md#schema).
    public static let callProgressEvents = TwiMLValueType.enumerationList([
        "initiated", "ringing", "answered", "completed",
    ])
    /// `trim-silence` or `do-not-trim` (Docs/Twilio.md#record, Dial, Conference `trim`).
    public static let trim = TwiMLValueType.enumeration(["trim-silence", "do-not-trim"])
    /// DTMF keys for `<Play digits>` and `<Number sendDigits>`: `0-9 A-D # * w W` (Docs/Twilio.md#play, Number).
    public static let dtmfSequence = TwiMLValueType.keys(
        allowed: "0123456789ABCD#*wW", maxLength: Int.max, allowsEmpty: false)
    /// Media tracks of `<Stream>`, `<Siprec>` and `<Transcription>` in `<Start>` (Docs/Twilio.md#verbs Connect, Docs/Twilio.md#schema).
    public static let mediaTrack = TwiMLValueType.enumeration(["inbound_track", "outbound_track", "both_tracks"])
}

/// Why a value does not fit its type; the validator turns it into a `TwiMLViolation`.
public struct TwiMLValueProblem: Sendable, Hashable {
    /// The violation kind to report.
    public var kind: TwiMLViolation.Kind
    /// What was expected, phrased to follow "must be" / "must" in a message.
    public var expectation: String
}

extension TwiMLValueType {
    /// Checks `value` against this type; `nil` when it fits.
    public func problem(with value: String) -> TwiMLValueProblem? {
        switch self {
        case .boolean:
            return ["true", "false"].contains(value)
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidBoolean, expectation: "be 'true' or 'false'")
        case .integer(let range, let unit):
            guard let number = Self.unsignedInteger(value), range.contains(number) else {
                return TwiMLValueProblem(
                    kind: Self.unsignedInteger(value) == nil ? .invalidInteger : .valueOutOfRange,
                    expectation: "be " + Self.describe(range, unit: unit))
            }
            return nil
        case .integerOrKeyword(let range, let keywords):
            if keywords.contains(value) { return nil }
            return TwiMLValueType.integer(range, unit: .seconds).problem(with: value).map {
                TwiMLValueProblem(
                    kind: $0.kind, expectation: $0.expectation + " or " + Self.quotedList(keywords, joiner: "or"))
            }
        case .decimal:
            return Self.isDecimal(value)
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidInteger, expectation: "be a decimal number such as '10.50'")
        case .enumeration(let values):
            return values.contains(value)
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidEnumValue, expectation: "be one of " + Self.quotedList(values, joiner: "or"))
        case .enumerationList(let values):
            let items = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let fits = !value.isEmpty && items.allSatisfy(values.contains) && Set(items).count == items.count
            return fits
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidEnumValue,
                    expectation: "be a space-separated list of distinct values from "
                        + Self.quotedList(values, joiner: "and"))
        case .httpMethod:
            return ["GET", "POST"].contains(value)
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidMethod, expectation: "be 'GET' or 'POST'")
        case .url(let allowsEmpty):
            if value.isEmpty {
                return allowsEmpty ? nil : TwiMLValueProblem(kind: .invalidURL, expectation: "not be empty")
            }
            return TwiMLURLCheck.problem(with: value, schemes: ["http", "https"], allowsRelative: true)
                .map { TwiMLValueProblem(kind: .invalidURL, expectation: $0) }
        case .webSocketURL:
            return TwiMLURLCheck.problem(with: value, schemes: ["wss"], allowsRelative: false, allowsQuery: false)
                .map { TwiMLValueProblem(kind: .invalidURL, expectation: $0) }
        case .string(let length, let forbidden):
            return Self.stringProblem(value, length: length, forbidden: forbidden)
        case .keys(let allowed, let maxLength, let allowsEmpty):
            let fits = (allowsEmpty || !value.isEmpty) && value.count <= maxLength && value.allSatisfy(allowed.contains)
            let lengthText = maxLength == 1 ? "a single key" : "keys"
            return fits
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidKeys,
                    expectation: "be \(lengthText) from '\(allowed)'" + (allowsEmpty ? " or empty" : ""))
        case .phoneNumber:
            return Self.isE164(value)
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidPhoneNumber, expectation: "be an E.164 number such as '+14155550100'")
        case .sipURI:
            return Self.sipURIProblem(value).map { TwiMLValueProblem(kind: .invalidSIPURI, expectation: $0) }
        case .voice:
            return Self.isVoice(value)
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidEnumValue,
                    expectation: "be 'man', 'woman', 'alice', 'Polly.<name>' or 'Google.<locale>-<model>'")
        case .languageTag:
            return Self.isLanguageTag(value)
                ? nil
                : TwiMLValueProblem(
                    kind: .invalidEnumValue, expectation: "be a language tag such as 'en-US'")
        case .jsonObject:
            let object = try? JSONSerialization.jsonObject(with: Data(value.utf8))
            return object is [String: Any]
                ? nil : TwiMLValueProblem(kind: .invalidString, expectation: "be a JSON object")
        }
    }

    // MARK: - Helpers

    private static func unsignedInteger(_ value: String) -> Int? {
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(value) ?? Int.max
    }

    private static func describe(_ range: ClosedRange<Int>, unit: TwiMLUnit) -> String {
        let suffix = unit == .none ? "" : " " + unit.rawValue
        if range.upperBound == Int.max {
            return range.lowerBound == 0
                ? "a non-negative integer" + (unit == .none ? "" : " of" + suffix)
                : "an integer of at least \(range.lowerBound)" + suffix
        }
        return "an integer from \(range.lowerBound) to \(range.upperBound)" + suffix
    }

    /// `a, b and c` (or `a, b or c`) for messages.
    static func list(_ items: [String], joiner: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(joiner) " + (items.last ?? "")
    }

    /// `'a', 'b' or 'c'` for messages.
    static func quotedList(_ values: [String], joiner: String) -> String {
        list(values.map { "'\($0)'" }, joiner: joiner)
    }

    private static func isDecimal(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func stringProblem(_ value: String, length: ClosedRange<Int>, forbidden: String)
        -> TwiMLValueProblem?
    {
        let count = value.unicodeScalars.count
        if count < length.lowerBound {
            return TwiMLValueProblem(kind: .invalidString, expectation: "not be empty")
        }
        if count > length.upperBound {
            return TwiMLValueProblem(
                kind: .valueTooLong, expectation: "be at most \(length.upperBound) characters long, found \(count)")
        }
        if let bad = value.first(where: forbidden.contains) {
            return TwiMLValueProblem(kind: .invalidString, expectation: "not contain '\(bad)'")
        }
        return nil
    }

    /// E.164: `+`, then 1–15 digits with a non-zero first digit (country codes never start with 0).
    /// Unformatted US numbers (`4155550100`), which Twilio also accepts (Docs/Twilio.md#dial), are rejected on
    /// purpose: the compiler cannot tell a US number from a local number of another country, so it
    /// asks for the unambiguous form.
    private static func isE164(_ value: String) -> Bool {
        let digits = value.utf8.dropFirst()
        return value.hasPrefix("+") && (1...15).contains(digits.count)
            && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && digits.first != UInt8(ascii: "0")
    }

    private static func sipURIProblem(_ value: String) -> String? {
        let lowered = value.lowercased()
        guard let prefix = ["sip:", "sips:"].first(where: lowered.hasPrefix), value.count > prefix.count else {
            return "start with 'sip:' or 'sips:' followed by an address"
        }
        if value.contains(where: { $0.isWhitespace }) { return "not contain whitespace" }
        let parts = value.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        if parts[0].unicodeScalars.count >= 255 { return "be shorter than 255 characters before its headers" }
        if parts.count > 1, parts[1].unicodeScalars.count >= 1024 { return "have headers shorter than 1024 characters" }
        return nil
    }

    private static func isVoice(_ value: String) -> Bool {
        if ["man", "woman", "alice"].contains(value) { return true }
        for prefix in ["Polly.", "Google."] where value.hasPrefix(prefix) {
            let name = value.dropFirst(prefix.count)
            return !name.isEmpty && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        }
        return false
    }

    private static func isLanguageTag(_ value: String) -> Bool {
        let subtags = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return subtags.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

/// URL checks shared by `.url` and `.webSocketURL` (Docs/Twilio.md#urls-and-methods).
enum TwiMLURLCheck {
    /// Returns what the URL must do, or `nil` when it is acceptable.
    ///
    /// A value with a scheme is absolute and must use one of `schemes`, have `//`, and name a host made
    /// of letters, digits, `-` and `.` (Twilio rejects `_` in host names, Docs/Twilio.md#call-update, Docs/Twilio.md#limits) or a bracketed IPv6
    /// address. A value without a scheme is a relative reference, resolved against the document's URL.
    static func problem(with value: String, schemes: [String], allowsRelative: Bool, allowsQuery: Bool = true)
        -> String?
    {
        if value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "not contain spaces or control characters (percent-encode them)"
        }
        if !allowsQuery, value.contains("?") { return "not have a query string" }
        let schemeList = TwiMLValueType.quotedList(schemes.map { $0 + "://" }, joiner: "or")
        guard let scheme = scheme(of: value) else {
            if value.hasPrefix("//") { return hostProblem(authority(afterScheme: value)) }
            return allowsRelative ? nil : "be an absolute URL starting with " + schemeList
        }
        guard schemes.contains(scheme.lowercased()) else { return "use " + schemeList + ", not '\(scheme):'" }
        let rest = value.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else { return "have a host after '\(scheme):'" }
        return hostProblem(authority(afterScheme: rest))
    }

    private static func scheme(of value: String) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let candidate = value[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(candidate)
    }

    private static func authority(afterScheme rest: Substring) -> Substring {
        let afterSlashes = rest.dropFirst(2)
        let end = afterSlashes.firstIndex(where: { "/?#".contains($0) }) ?? afterSlashes.endIndex
        let authority = afterSlashes[..<end]
        if let at = authority.lastIndex(of: "@") { return authority[authority.index(after: at)...] }
        return authority
    }

    private static func authority(afterScheme rest: String) -> Substring {
        authority(afterScheme: rest[...])
    }

    private static func hostProblem(_ authority: Substring) -> String? {
        var host = authority
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "have a valid host" }
            host = authority[authority.index(after: close)...]
            return portProblem(host)
        }
        if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            if let problem = portProblem(authority[colon...]) { return problem }
        }
        if host.contains("_") { return "not have '_' in its host name '\(host)'" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !host.isEmpty
            && labels.allSatisfy {
                !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-")
                    && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        return valid ? nil : "have a valid host name, found '\(host)'"
    }

    private static func portProblem(_ suffix: Substring) -> String? {
        guard !suffix.isEmpty else { return nil }
        let digits = suffix.dropFirst()
        let valid = suffix.hasPrefix(":") && !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        return valid ? nil : "have a numeric port"
    }
}
