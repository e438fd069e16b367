/// One input file as the compiler sees it: its display path and its text.
///
/// Every span in every diagnostic points into a `SourceFile`, so the location arithmetic lives here once.
/// Offsets are UTF-8 byte offsets into `utf8`; columns are 1-based and counted in `Character`s
/// (grapheme clusters), which is what an editor shows. A tab counts as one column.
/// Invalid UTF-8 in the input is repaired (U+FFFD) before the file is made; the loader reports it.
public struct SourceFile: Sendable {
    /// The path as the user gave it (relative paths stay relative), used in every rendered location.
    public let path: String
    /// The text of the file.
    public let text: String
    /// The UTF-8 bytes of `text`, kept so that lexing and offset lookups never re-encode.
    public let utf8: [UInt8]
    /// UTF-8 offsets at which each line starts; `lineStarts[0] == 0`. A line ends at LF; a CR before
    /// the LF belongs to the line break, not to the line's text.
    public let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.utf8 = Array(text.utf8)
        var starts = [0]
        for (index, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.lineStarts = starts
    }

    /// Decodes raw bytes, replacing invalid UTF-8 with U+FFFD.
    /// Returns the offset of the first invalid byte so the loader can report it with a location.
    public static func decode(path: String, bytes: [UInt8]) -> (file: SourceFile, firstInvalidByte: Int?) {
        var firstInvalid: Int?
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var consumed = 0
        // Track the position by re-encoding each decoded scalar's length.
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                consumed += UTF8.width(scalar)
            case .error:
                if firstInvalid == nil { firstInvalid = consumed }
                scalars.append("\u{FFFD}")
                consumed += 1
            case .emptyInput:
                break loop
            }
        }
        return (SourceFile(path: path, text: String(scalars)), firstInvalid)
    }

    /// The number of lines (a final line without a line break counts; an empty file has one empty line).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line containing `offset`; an offset at the end of the file is on the last line.
    public func line(ofOffset offset: Int) -> Int {
        let clamped = max(0, min(offset, utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The location of a UTF-8 offset: its line and its column in characters.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, utf8.count))
        let line = line(ofOffset: clamped)
        let start = lineStarts[line - 1]
        let prefix = String(decoding: utf8[start..<clamped], as: UTF8.self)
        return SourceLocation(offset: clamped, line: line, column: prefix.count + 1)
    }

    /// A span from `start` to `end` UTF-8 offsets.
    public func span(from start: Int, to end: Int) -> SourceSpan {
        SourceSpan(path: path, start: location(ofOffset: start), end: location(ofOffset: max(start, end)))
    }

    /// The text of a 1-based line without its line break (LF or CRLF).
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }
}
