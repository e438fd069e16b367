import FlowDiagnostics
import Testing

/// The span of the `occurrence`-th (1-based) appearance of `needle` in `file`, found by bytes, so tests
/// name the text they mean instead of counting offsets.
func span(of needle: String, in file: SourceFile, occurrence: Int = 1) -> SourceSpan {
    let bytes = Array(needle.utf8)
    var found = 0
    if bytes.count <= file.utf8.count {
        for start in 0...(file.utf8.count - bytes.count) where Array(file.utf8[start..<start + bytes.count]) == bytes {
            found += 1
            if found == occurrence { return file.span(from: start, to: start + bytes.count) }
        }
    }
    Issue.record("'\(needle)' occurs fewer than \(occurrence) times in \(file.path)")
    return file.span(from: 0, to: 0)
}

/// An empty span just after the `occurrence`-th appearance of `needle`.
func point(after needle: String, in file: SourceFile, occurrence: Int = 1) -> SourceSpan {
    let whole = span(of: needle, in: file, occurrence: occurrence)
    return file.span(from: whole.end.offset, to: whole.end.offset)
}

/// A span in a file the renderer is not given, built from explicit coordinates.
func detachedSpan(_ path: String, line: Int, columns: Range<Int>, offset: Int) -> SourceSpan {
    SourceSpan(
        path: path,
        start: SourceLocation(offset: offset, line: line, column: columns.lowerBound),
        end: SourceLocation(offset: offset + columns.count, line: line, column: columns.upperBound))
}

/// `text` without ANSI SGR sequences.
func strippingANSI(_ text: String) -> String {
    text.replacing(/\u{1B}\[[0-9;]*m/, with: "")
}

/// `flows/ivr.flow`: a step, and a transition to a misspelt step, used by several renderer tests.
enum IVRFixture {
    static let file = SourceFile(
        path: "flows/ivr.flow",
        text: """
            flow ivr
              leg caller entry
                step main
                  say "Welcome."
                  dial agent "+1555" then -> mian

            """)

    static var sources: [String: SourceFile] { [file.path: file] }

    /// error FLOW201 at `mian` (5:34-5:38) with a located note at `main` (3:10), an unlocated note,
    /// help and a one-edit fix-it.
    static var unknownStep: Diagnostic {
        Diagnostic(
            .duplicateName, .error, "unknown step 'mian'",
            at: span(of: "mian", in: file),
            notes: [
                Note("step 'main' declared here", at: span(of: "main", in: file)),
                Note("step names are case-sensitive"),
            ],
            help: "did you mean 'main'?",
            fixIts: [FixIt("use 'main'", edits: [TextEdit(span: span(of: "mian", in: file), replacement: "main")])])
    }
}
