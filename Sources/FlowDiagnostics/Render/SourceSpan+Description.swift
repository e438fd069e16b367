// The `path:line:col` spellings every human-facing format uses.

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
