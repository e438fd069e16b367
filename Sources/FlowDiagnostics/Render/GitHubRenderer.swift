/// Diagnostics as GitHub Actions workflow commands, so a CI run annotates the pull request's diff.
///
/// One line per diagnostic, in presentation order:
///
///     ::error file=flows/ivr.flow,line=14,col=7,endLine=14,endColumn=11,title=FLOW201::unknown step 'mian'%0Ahelp: did you mean 'main'?
///
/// - `error` → `::error`, `warning` → `::warning`, `note` → `::notice`. A promoted warning is an `::error`
///   whose title says so: `title=FLOW224 (warning, promoted by --strict)`.
/// - Positions are our 1-based character columns with an exclusive end, like the span. GitHub accepts
///   columns only within one line, so a span over several lines gives `line` and `endLine` alone.
///   A diagnostic without a span has only `title`.
/// - The message is followed by the same `note:`, `help:` and `fix-it:` lines as the text format (no
///   snippets), joined by escaped newlines so the command stays one line.
/// - The log viewer interprets ANSI sequences, so control characters other than line breaks, in messages
///   and paths, are shown as visible symbols first, as in the text format (`␛` for ESC).
/// - Escaping follows the runner: in the message `%` → `%25`, CR → `%0D`, LF → `%0A`; in property values
///   additionally `:` → `%3A` and `,` → `%2C`.
public struct GitHubRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted(by: Diagnostic.presentationOrder).map { command($0) + "\n" }.joined()
    }

    /// The workflow command for one diagnostic, without the final newline.
    public func command(_ diagnostic: Diagnostic) -> String {
        var properties: [(String, String)] = []
        if let span = diagnostic.span {
            properties.append(("file", span.path))
            properties.append(("line", String(span.start.line)))
            if span.end.line == span.start.line {
                properties.append(("col", String(span.start.column)))
                properties.append(("endLine", String(span.end.line)))
                properties.append(("endColumn", String(max(span.end.column, span.start.column))))
            } else {
                properties.append(("endLine", String(max(span.end.line, span.start.line))))
            }
        }
        properties.append(
            ("title", diagnostic.code.rawValue + (diagnostic.promotionLabel.map { " (\($0))" } ?? "")))
        let renderedProperties = properties.map { name, value in
            "\(name)=\(Self.escapeProperty(TerminalText.visible(value, keepingLineBreaks: true)))"
        }
        let message = ([diagnostic.message] + diagnostic.detailLines)
            .map { TerminalText.visible($0, keepingLineBreaks: true) }
            .joined(separator: "\n")
        let name = Self.command(for: diagnostic.severity)
        return "::\(name) \(renderedProperties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The runner's escaping of a command's message.
    static func escapeData(_ text: String) -> String {
        escape(text, property: false)
    }

    /// The runner's escaping of a property value: the message escaping plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escape(text, property: true)
    }

    private static func escape(_ text: String, property: Bool) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            case ":" where property: "%3A"
            case "," where property: "%2C"
            default: nil
            }
        }
    }
}
