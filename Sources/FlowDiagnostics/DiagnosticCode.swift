/// A stable diagnostic identifier, `FLOW` followed by three digits, with its kebab-case name and its
/// default severity.
///
/// Codes are permanent: a retired code keeps its number reserved. Ranges:
/// 0xx input and lexical, 1xx syntax, 2xx names and meaning, 3xx continuation and flow graph,
/// 4xx TwiML constraints, 5xx style, 6xx simulation scenarios, 9xx internal errors.
///
/// Every code is a constant declared beside its catalog entry (`DiagnosticCode.undefinedReference`,
/// in `Catalog/NameCodes.swift`), and the initializer is internal to this module, so a stage cannot
/// emit a code by spelling it and no code exists that the catalog does not document
/// (`DiagnosticCatalogTests` checks that every constant has exactly one entry). Text that names a code
/// (`flowc explain 201`, JSON read back) goes through `DiagnosticCatalog.code(_:)`, which fails on an
/// unknown one.
public struct DiagnosticCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code as users see it: `FLOW201`.
    public let rawValue: String
    /// A short kebab-case name, stable like the code (SARIF `name`); the constant is its camelCase.
    public let name: String
    /// The severity a diagnostic with this code has unless the stage says otherwise.
    public let defaultSeverity: Severity

    init(_ rawValue: String, _ name: String, _ severity: Severity) {
        self.rawValue = rawValue
        self.name = name
        self.defaultSeverity = severity
    }

    public var description: String { rawValue }

    /// Identity is the code alone; the name and severity follow from it.
    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Reads a code written by `encode(to:)`; a code the catalog does not hold is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let code = DiagnosticCatalog.code(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not a diagnostic code of the catalog")
        }
        self = code
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
    public var name: String { code.name }
    public var defaultSeverity: Severity { code.defaultSeverity }
    /// One-line summary.
    public let title: String
    /// Why this is a problem; cites the section of twiml-semantics.md a Twilio fact comes from.
    public let explanation: String
    /// A `.flow` excerpt that triggers the diagnostic.
    public let wrongExample: String
    /// The same excerpt, corrected.
    public let rightExample: String

    public init(_ code: DiagnosticCode, title: String, explanation: String, wrong: String, right: String) {
        self.code = code
        self.title = title
        self.explanation = explanation
        self.wrongExample = wrong
        self.rightExample = right
    }
}
