/// A stable diagnostic identifier, `FLOW` followed by three digits, with its kebab-case name and its
/// default severity.
///
/// Codes are permanent: a retired code keeps its number reserved. Ranges:
/// 0xx input and lexical, 1xx syntax, 2xx names and meaning, 3xx continuation and flow graph,
/// 4xx TwiML constraints, 5xx style, 6xx simulation scenarios, 7xx the tool (command line, output folder,
/// configuration, suppressions, baselines), 9xx internal errors.
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

/// A complete input that shows a code, as `flowc explain` prints it under "Wrong" and "Right".
///
/// Every example is a whole input, never a fragment, and `CatalogExampleTests` runs each one: a wrong
/// example raises its code, a right one raises nothing at all. Which kind of input an example is follows
/// from where its code is found: most codes in a `.flow` file; input codes in a command line; scenario codes
/// in a scenario file; internal codes, which no `.flow` can raise, only in a hand-written TwiML document.
public enum DiagnosticExample: Sendable, Hashable {
    /// A whole `.flow` file, saved as UTF-8.
    case flow(String)
    /// A whole `.flow` file saved as ISO 8859-1 instead of UTF-8 (an `é` becomes the lone byte E9).
    case latin1Flow(String)
    /// A scenario file, simulated against `DiagnosticExample.scenarioFlow`.
    case scenario(String)
    /// A `flowc` command line, run in a folder holding `DiagnosticExample.workspace`.
    case command(String)
    /// A hand-written TwiML document, for an internal code; a first-line comment says where it is deployed.
    case twiml(String)
    /// No example (FLOW900: no input is at fault).
    case none

    /// The example as printed.
    public var text: String {
        switch self {
        case .flow(let text), .latin1Flow(let text), .scenario(let text), .command(let text), .twiml(let text): text
        case .none: ""
        }
    }

    /// What kind of input it is, for the heading `flowc explain` prints above it.
    public var kind: String {
        switch self {
        case .flow: ".flow file"
        case .latin1Flow: ".flow file saved as Latin-1"
        case .scenario: "scenario file"
        case .command: "command"
        case .twiml: "hand-written TwiML"
        case .none: ""
        }
    }

    /// The folder a `.command` example runs in: file paths and their contents. `recordings/call.wav` (65 MiB)
    /// is created by the test rather than listed, and `/dev/null` is the system's.
    public static let workspace: [String: String] = [
        "flows/support.flow": "flow support\n  leg caller entry\n    step start\n      say \"Thanks for calling.\"\n      hangup\n",
        "flows/served.flow": """
            flow served
              serve at "https://twiml.example.com/served"
              leg caller entry
                step start
                  say "Thanks for calling."
                  hangup

            """,
        "flows/all.flow": """
            flow sales
              leg caller entry
                step start
                  hangup
            flow billing
              leg caller entry
                step start
                  hangup

            """,
        "Sources/App.swift": "print(\"hello\")\n",
        // The configuration, baseline and suppression examples of FLOW703–FLOW710 (Docs/Configuration.md).
        "configs/strict.json": "{ \"strict\": true }\n",
        "configs/trailing-comma.json": "{ \"strict\": true, }\n",
        "configs/unknown-key.json": "{ \"strikt\": true }\n",
        "configs/wrong-type.json": "{ \"strict\": \"yes\" }\n",
        "configs/unknown-code.json": "{ \"severity\": { \"FLOW2244\": \"off\" } }\n",
        "configs/off.json": "{ \"severity\": { \"FLOW224\": \"off\" } }\n",
        "configs/error-off.json": "{ \"severity\": { \"FLOW301\": \"off\" } }\n",
        "configs/baseline.json": "{ \"version\": 1, \"findings\": [] }\n",
        "suppressed/unused.flow": "flow unused\n  leg caller entry\n    step start\n      hangup  # flowc: ignore FLOW224\n",
        "suppressed/malformed.flow": "flow malformed\n  leg caller entry\n    step start\n      hangup  # flowc: ignroe FLOW224\n",
        "suppressed/used.flow": """
            flow used
              audio spare = "https://cdn.example.com/spare.mp3"  # flowc: ignore FLOW224
              leg caller entry
                step start
                  hangup
            """,
    ]

    /// The flow every `.scenario` example is simulated against.
    public static let scenarioFlow = """
        flow support
          leg caller entry
            step start
              gather num_digits=1 then -> start
                say "Press a key."
              hangup

        """
}

/// The long-form documentation of one code: what `flowc explain` prints and what SARIF's rule catalog holds.
public struct DiagnosticCodeEntry: Sendable {
    public let code: DiagnosticCode
    /// A short kebab-case name, stable like the code (SARIF `name`).
    public var name: String { code.name }
    public var defaultSeverity: Severity { code.defaultSeverity }
    /// One-line summary.
    public let title: String
    /// Why this is a problem; cites the anchor of Docs/Twilio.md a Twilio fact comes from.
    public let explanation: String
    /// A complete input that raises the code.
    public let wrong: DiagnosticExample
    /// The same input, corrected: it raises nothing.
    public let right: DiagnosticExample
    /// Whether only a fault of flowc itself can raise the code: code generation makes it impossible for any
    /// `.flow`, so it is a check on the compiler (a generated document that breaks a rule), not a user
    /// error, and its examples are hand-written TwiML.
    public let isInternal: Bool

    public init(
        _ code: DiagnosticCode, title: String, explanation: String, wrong: DiagnosticExample,
        right: DiagnosticExample, internal isInternal: Bool = false
    ) {
        self.code = code
        self.title = title
        self.explanation = explanation
        self.wrong = wrong
        self.right = right
        self.isInternal = isInternal
    }

    /// The wrong example's text (empty when there is none).
    public var wrongExample: String { wrong.text }
    /// The right example's text (empty when there is none).
    public var rightExample: String { right.text }
}
