/// Everything the CLI decides about how diagnostics are shown, in one value so that a command builds it
/// once from its flags and hands it to `DiagnosticRenderer`.
///
/// Each format reads only the options that concern it; the others are ignored rather than rejected, so a
/// command never has to special-case a format.
public struct DiagnosticRenderOptions: Sendable, Hashable {
    /// Where SARIF points people for more about the tool.
    public static let defaultInformationURI = "https://github.com/flowc/flowc"

    public var format: DiagnosticFormat
    /// ANSI colour in `text` output. The renderer never looks at the terminal itself: the CLI decides
    /// (`--color`, or whether stderr is a TTY). When `false` the output contains no escape bytes at all.
    public var colour: Bool
    /// Whether `text` output ends with a count line such as `2 errors, 1 warning generated`.
    /// Off by default so that one diagnostic rendered for a test or a log is just that diagnostic.
    public var summary: Bool
    /// The compiler version recorded in SARIF's `tool.driver.version`; omitted when `nil`.
    /// Passed in because this module cannot see the compiler's version.
    public var toolVersion: String?
    /// SARIF's `tool.driver.informationUri`.
    public var informationURI: String

    public init(
        format: DiagnosticFormat = .text,
        colour: Bool = false,
        summary: Bool = false,
        toolVersion: String? = nil,
        informationURI: String = Self.defaultInformationURI
    ) {
        self.format = format
        self.colour = colour
        self.summary = summary
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }
}
