/// Human-readable diagnostics, for a terminal or a build log.
///
/// Layout of one diagnostic (the gutter is as wide as the largest line number the diagnostic shows):
///
///     flows/ivr.flow:5:34: error: unknown step 'mian' [FLOW201]
///       5 |       dial agent "+1555" then -> mian
///         |                                  ^~~~
///       note: flows/ivr.flow:3:10: step 'main' declared here
///       3 |     step main
///         |          ^~~~
///       note: step names are case-sensitive
///       help: did you mean 'main'?
///       fix-it: use 'main' [replace 5:34-5:38 with "main"]
///
/// - The header is exactly gcc/clang/swiftc's `path:line:col: severity: message`, with the code in
///   brackets at the end, so Xcode, editors and CI problem matchers read it. It is the only line that
///   starts in column 0; everything belonging to the diagnostic is indented beneath it.
/// - A warning promoted to an error says so after its code: `[FLOW224] (warning, promoted by --strict)`.
/// - A diagnostic without a span has no file to name (a missing input, a bad option); its header names
///   the tool instead, as clang does: `flowc: error: message [FLOW001]`.
/// - The snippet is the span's first line only (see `SourceExcerpt`); it is left out when the file is
///   not in `sources`.
/// - Then notes, help and fix-its, in that order, each `  label: text`. A note with a span carries its
///   location after the label (`note: path:line:col: message`), always, even in the same file, so every
///   note reads the same way; its snippet follows when the file is known.
/// - A fix-it lists its edits in brackets (`replace L:C-L:C with "…"`, `insert "…" at L:C`,
///   `delete L:C-L:C`), with the path in front of an edit in another file.
/// - Colour (`colour`) adds ANSI styles and changes nothing else. Control characters from the source or
///   from messages are shown as visible symbols, so with colour off the output has no escape bytes.
/// - With `summary`, a final line counts errors and warnings (`DiagnosticSummary.sentence`).
public struct TextRenderer: Sendable {
    public var colour: Bool
    public var summary: Bool

    public init(colour: Bool = false, summary: Bool = false) {
        self.colour = colour
        self.summary = summary
    }

    public init(options: DiagnosticRenderOptions) {
        self.init(colour: options.colour, summary: options.summary)
    }

    /// All diagnostics in presentation order, then the summary line if asked for. Empty for no diagnostics.
    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
        var output = diagnostics.sorted(by: Diagnostic.presentationOrder)
            .map { render($0, sources: sources) }
            .joined()
        if summary, let sentence = DiagnosticSummary(diagnostics).sentence {
            output += sentence + "\n"
        }
        return output
    }

    /// One diagnostic with its snippet, notes, help and fix-its; every line ends with a newline.
    public func render(_ diagnostic: Diagnostic, sources: [String: SourceFile]) -> String {
        func excerpt(_ span: SourceSpan?) -> SourceExcerpt? {
            span.flatMap { span in sources[span.path].flatMap { SourceExcerpt(span: span, in: $0) } }
        }
        let mainExcerpt = excerpt(diagnostic.span)
        let noteExcerpts = diagnostic.notes.map { excerpt($0.span) }
        let gutterWidth = ([mainExcerpt] + noteExcerpts).compactMap { $0.map { String($0.line).count } }.max() ?? 1

        var lines = [header(diagnostic)]
        if let mainExcerpt {
            lines += snippet(mainExcerpt, gutterWidth: gutterWidth, style: TerminalStyle(diagnostic.severity))
        }
        for (note, noteExcerpt) in zip(diagnostic.notes, noteExcerpts) {
            lines.append(detail("note:", .note, note.locatedMessage))
            if let noteExcerpt { lines += snippet(noteExcerpt, gutterWidth: gutterWidth, style: .note) }
        }
        if let help = diagnostic.help {
            lines.append(detail("help:", .remedy, help))
        }
        for fixIt in diagnostic.fixIts {
            lines.append(detail("fix-it:", .remedy, fixIt.summary(relativeTo: diagnostic.span?.path)))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    // MARK: - Lines

    private func header(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.span?.startDescription ?? "flowc"
        return paint(TerminalText.visible(location) + ":", .bold) + " "
            + paint(diagnostic.severity.rawValue + ":", TerminalStyle(diagnostic.severity)) + " "
            + paint(TerminalText.visible(diagnostic.message), .bold) + " [\(diagnostic.code)]"
            + (diagnostic.promotionLabel.map { " (\($0))" } ?? "")
    }

    private func detail(_ label: String, _ style: TerminalStyle, _ text: String) -> String {
        "  " + paint(label, style) + " " + TerminalText.visible(text)
    }

    private func snippet(_ excerpt: SourceExcerpt, gutterWidth: Int, style: TerminalStyle) -> [String] {
        let number = String(excerpt.line)
        let numbered = "  " + String(repeating: " ", count: gutterWidth - number.count) + number + " |"
        let blank = "  " + String(repeating: " ", count: gutterWidth) + " |"
        return [
            paint(numbered, .gutter) + (excerpt.text.isEmpty ? "" : " " + excerpt.text),
            paint(blank, .gutter) + " " + excerpt.padding + paint(excerpt.marker, style),
        ]
    }

    private func paint(_ text: String, _ style: TerminalStyle) -> String {
        style.paint(text, enabled: colour)
    }
}
