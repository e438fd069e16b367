// MARK: - Plain-text pieces shared by the text, GitHub and SARIF renderers

extension SourceLocation {
    /// `line:column`.
    var lineColumn: String { "\(line):\(column)" }
}

extension SourceSpan {
    /// `path:line:column` of the start: the gcc/clang location that editors and problem matchers parse.
    var startDescription: String { "\(path):\(start.lineColumn)" }

    /// `line:col-line:col`, prefixed with the path when it differs from `path` of the surrounding
    /// diagnostic, so an edit elsewhere is still unambiguous.
    func rangeDescription(relativeTo contextPath: String?) -> String {
        let range = "\(start.lineColumn)-\(end.lineColumn)"
        return path == contextPath ? range : "\(path):\(range)"
    }

    var isEmpty: Bool { start.offset == end.offset }
}

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

extension String {
    /// The string as a double-quoted literal with `\`, `"` and control characters escaped, so a
    /// replacement containing a newline or a quote stays on one line and reads back unambiguously.
    var quotedLiteral: String {
        let escaped = replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where scalar.properties.generalCategory == .control:
                "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }

    /// The string with every scalar for which `replacement` returns text replaced by that text: the one
    /// loop behind each format's escaping rules.
    func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                result += replaced
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
