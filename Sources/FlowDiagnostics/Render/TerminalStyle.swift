/// The ANSI SGR styles of text output. One palette, used only when colour was asked for, so that the
/// plain output is the coloured output with every escape removed.
enum TerminalStyle: String {
    case bold = "\u{1B}[1m"
    case error = "\u{1B}[1;31m"
    case warning = "\u{1B}[1;33m"
    case note = "\u{1B}[1;36m"
    /// `help:` and `fix-it:`: the way out, in green.
    case remedy = "\u{1B}[1;32m"
    case gutter = "\u{1B}[1;34m"

    static let reset = "\u{1B}[0m"

    init(_ severity: Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .note: self = .note
        }
    }

    /// `text` wrapped in this style and a reset when `enabled`, else `text` unchanged.
    func paint(_ text: String, enabled: Bool) -> String {
        enabled && !text.isEmpty ? rawValue + text + Self.reset : text
    }
}
