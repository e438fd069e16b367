/// How serious a diagnostic is. `--strict` promotes warnings to errors at the edge, not here.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, with its own optional location
/// ("first declared here", one step of a counterexample path).
public struct Note: Sendable, Hashable, Codable {
    public var message: String
    public var span: SourceSpan?

    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// One replacement of a span's text.
public struct TextEdit: Sendable, Hashable, Codable {
    public var span: SourceSpan
    public var replacement: String

    public init(span: SourceSpan, replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}

/// A suggested change that makes the diagnostic go away; its edits never overlap.
public struct FixIt: Sendable, Hashable, Codable {
    public var message: String
    public var edits: [TextEdit]

    public init(_ message: String, edits: [TextEdit]) {
        self.message = message
        self.edits = edits
    }
}

/// A finding of any stage. Diagnostics are data: stages collect them and go on;
/// rendering happens once, at the edge, in the format the user asked for.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// Stable code such as `FLOW201`; its long explanation lives in `DiagnosticCatalog`.
    public var code: DiagnosticCode
    public var severity: Severity
    /// One line, lowercase start, no final period; user names in single quotes.
    public var message: String
    /// The tight range to underline. `nil` only for diagnostics about a whole input that has no text
    /// (a missing file, an unreadable folder).
    public var span: SourceSpan?
    public var notes: [Note]
    /// A one-line hint ("did you mean 'start'?").
    public var help: String?
    public var fixIts: [FixIt]
    /// Why a warning is reported as an error (`--strict`, or the configuration file's severity table);
    /// `nil` when the severity is the diagnostic's own. Shown by every format, so a promoted warning never
    /// looks like an error of the code's own.
    public var promotedBy: String? = nil

    public init(
        _ code: DiagnosticCode,
        _ severity: Severity? = nil,
        _ message: String,
        at span: SourceSpan?,
        notes: [Note] = [],
        help: String? = nil,
        fixIts: [FixIt] = []
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.span = span
        self.notes = notes
        self.help = help
        self.fixIts = fixIts
    }
}

extension Diagnostic {
    /// The order in which diagnostics are shown: by file, then position, then code.
    /// Sorting makes output independent of the order in which stages found things.
    public static func presentationOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let lp = lhs.span?.path ?? ""
        let rp = rhs.span?.path ?? ""
        if lp != rp { return lp < rp }
        let lo = lhs.span?.start.offset ?? -1
        let ro = rhs.span?.start.offset ?? -1
        if lo != ro { return lo < ro }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}
