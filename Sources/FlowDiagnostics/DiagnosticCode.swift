/// A stable diagnostic identifier, `FLOW` followed by three digits.
///
/// Codes are permanent: a retired code keeps its number reserved. Ranges:
/// 0xx input and lexical, 1xx syntax, 2xx names and meaning, 3xx continuation and flow graph,
/// 4xx TwiML constraints, 5xx style, 6xx simulation scenarios, 9xx internal errors.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(_ value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The long-form documentation of one code: what `flowc explain` prints and what SARIF's rule catalog holds.
public struct DiagnosticCodeEntry: Sendable {
    public let code: DiagnosticCode
    /// A short kebab-case name, stable like the code (SARIF `name`).
    public let name: String
    public let defaultSeverity: Severity
    /// One-line summary.
    public let title: String
    /// Why this is a problem; cites the section of twiml-semantics.md a Twilio fact comes from.
    public let explanation: String
    /// A `.flow` excerpt that triggers the diagnostic.
    public let wrongExample: String
    /// The same excerpt, corrected.
    public let rightExample: String

    public init(
        _ code: DiagnosticCode, name: String, severity: Severity, title: String, explanation: String,
        wrong: String, right: String
    ) {
        self.code = code
        self.name = name
        self.defaultSeverity = severity
        self.title = title
        self.explanation = explanation
        self.wrongExample = wrong
        self.rightExample = right
    }
}
