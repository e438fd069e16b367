/// The one source line shown under a diagnostic or a note, with the underline that marks the span.
///
/// Invariants:
/// - The line is the span's start line; columns are the span's own character columns, so the snippet
///   always agrees with the `path:line:col` in the header.
/// - `padding` has a tab wherever the source has a tab before the span and otherwise as many spaces as
///   the characters take cells, so the `^` sits under the span's first character whatever the tab width.
/// - `marker` is `^` followed by `~` up to the span's last cell on this line: a span reaching past the
///   line (multi-line, or covering the line break) stops at the end of the line, and an empty span, or
///   one starting at the end of the line, gets a lone `^`.
struct SourceExcerpt {
    let line: Int
    /// The line's text without its line break, made `TerminalText.visible`.
    let text: String
    let padding: String
    let marker: String

    /// `nil` when the span's line is not in `file` (a stale span); the header is then shown alone.
    init?(span: SourceSpan, in file: SourceFile) {
        guard span.start.line >= 1, span.start.line <= file.lineCount else { return nil }
        let characters = Array(file.lineText(span.start.line)).map(TerminalText.visible)
        let start = min(max(span.start.column - 1, 0), characters.count)
        let end: Int
        if span.end.line > span.start.line {
            end = characters.count
        } else if span.end.line == span.start.line {
            end = min(max(span.end.column - 1, start), characters.count)
        } else {
            end = start
        }
        self.line = span.start.line
        self.text = String(characters)
        self.padding = characters[..<start].map {
            $0 == "\t" ? "\t" : String(repeating: " ", count: TerminalText.cells($0))
        }
        .joined()
        let cells = characters[start..<end].reduce(0) { $0 + ($1 == "\t" ? 1 : TerminalText.cells($1)) }
        self.marker = "^" + String(repeating: "~", count: max(cells, 1) - 1)
    }
}
