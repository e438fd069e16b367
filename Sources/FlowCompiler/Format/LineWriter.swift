/// Collects the output lines of the formatter and owns the rules that are about lines rather than
/// about constructs: indentation, comments and blank lines (Grammar.md, "Canonical layout").
///
/// Blank lines: a blank line is written where the author had at least one (before a comment or a line
/// of code, as `Trivia` and `Comment` record it), except at the start of the file and directly after
/// a block header. Runs never appear, because at most one blank is written per recorded gap. Blank
/// lines at the end of the file are not recorded by the parser and so never written.
struct LineWriter {
    /// The output, one entry per line, without line ends.
    private(set) var lines: [String] = []
    /// Whether the last line written is a header whose block follows: no blank line may come next.
    private var afterBlockHeader = false

    /// The text of the lines written: LF line ends and one final newline, or nothing at all.
    var text: String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// Writes one line of code, its words separated by one space, with the comments `trivia` holds:
    /// leading comments above it at the same indentation, the trailing comment after one space.
    /// `opensBlock` says that lines indented under this one follow.
    mutating func line(_ words: [String], trivia: Trivia, depth: Int, opensBlock: Bool = false) {
        let indentation = String(repeating: "  ", count: depth)
        for comment in trivia.leadingComments {
            append(indentation + Self.text(of: comment), blankLineBefore: comment.blankLineBefore)
        }
        var line = indentation + words.joined(separator: " ")
        if let comment = trivia.trailingComment {
            line += " " + Self.text(of: comment)
        }
        append(line, blankLineBefore: trivia.blankLineBefore)
        afterBlockHeader = opensBlock
    }

    /// Writes the comments after the last line of code, at the start of their lines: they precede no
    /// line whose indentation they could take.
    mutating func endOfFile(_ comments: [Comment]) {
        for comment in comments {
            append(Self.text(of: comment), blankLineBefore: comment.blankLineBefore)
        }
    }

    private mutating func append(_ line: String, blankLineBefore: Bool) {
        if blankLineBefore, !lines.isEmpty, !afterBlockHeader {
            lines.append("")
        }
        lines.append(line)
        afterBlockHeader = false
    }

    /// `#` and the comment's text as written; only whitespace at its end is dropped, so that no output
    /// line ends in whitespace.
    private static func text(of comment: Comment) -> String {
        var text = Substring(comment.text)
        while let last = text.last, last.isWhitespace {
            text.removeLast()
        }
        return "#" + text
    }
}
