// Notes, fix-its and edits as one line of plain text each: shared by the text, GitHub and SARIF renderers.

extension Note {
    /// `path:line:col: message` when the note has a span, else just the message.
    var locatedMessage: String {
        guard let span else { return message }
        return "\(span.startDescription): \(message)"
    }
}

extension TextEdit {
    /// `replace 3:5-3:9 with "main"`, `insert "x" at 3:5` or `delete 3:5-3:9`.
    func summary(relativeTo contextPath: String?) -> String {
        if span.isEmpty {
            let at = span.path == contextPath ? span.start.lineColumn : span.startDescription
            return "insert \(replacement.quotedLiteral) at \(at)"
        }
        let range = span.rangeDescription(relativeTo: contextPath)
        if replacement.isEmpty { return "delete \(range)" }
        return "replace \(range) with \(replacement.quotedLiteral)"
    }
}

extension FixIt {
    /// `message [edit; edit]`, or the message alone for a fix-it without edits.
    func summary(relativeTo contextPath: String?) -> String {
        guard !edits.isEmpty else { return message }
        let sorted = edits.sorted { ($0.span.path, $0.span.start.offset) < ($1.span.path, $1.span.start.offset) }
        return "\(message) [\(sorted.map { $0.summary(relativeTo: contextPath) }.joined(separator: "; "))]"
    }
}

extension Diagnostic {
    /// The lines that follow the header in every human-facing format, without snippets:
    /// notes, then help, then fix-its, each as `label: text`.
    var detailLines: [String] {
        notes.map { "note: \($0.locatedMessage)" }
            + (help.map { ["help: \($0)"] } ?? [])
            + fixIts.map { "fix-it: \($0.summary(relativeTo: span?.path))" }
    }
}
