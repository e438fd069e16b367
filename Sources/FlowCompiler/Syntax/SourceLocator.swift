import FlowDiagnostics

/// Turns UTF-8 offsets into `SourceLocation`s with the same result as `SourceFile.location(ofOffset:)`,
/// in amortised constant time when offsets arrive in file order, as they do from the lexer.
///
/// `SourceFile.location` decodes the line from its start on every call, which is quadratic for a file
/// with long lines. Here each line is examined once: a line's column of an offset is the number of
/// grapheme clusters of the line that start before the offset (grapheme breaks depend only on what
/// precedes them, so a prefix of a line breaks where the whole line does). An all-ASCII prefix needs no
/// table; a line with other characters gets its cluster starts listed once.
struct SourceLocator {
    private let file: SourceFile
    /// The 0-based line being served, and its byte range (the line break included).
    private var lineIndex = 0
    private var lineStart = 0
    private var lineEnd = 0
    /// Bytes `lineStart..<asciiEnd` are ASCII, so their columns are their distance from the line start.
    private var asciiEnd = 0
    /// The offsets at which the line's grapheme clusters start, built the first time an offset past
    /// `asciiEnd` is asked for.
    private var clusterStarts: [Int]?

    init(file: SourceFile) {
        self.file = file
        enterLine(0)
    }

    /// The location of `offset` (clamped to the file).
    mutating func location(_ offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, file.utf8.count))
        if offset < lineStart || (offset >= lineEnd && lineIndex + 1 < file.lineStarts.count) {
            enterLine(lineIndexContaining(offset))
        }
        return SourceLocation(offset: offset, line: lineIndex + 1, column: column(offset))
    }

    /// The span from `start` to `end` (offsets in file order).
    mutating func span(_ start: Int, _ end: Int) -> SourceSpan {
        let startLocation = location(start)
        return SourceSpan(path: file.path, start: startLocation, end: location(max(start, end)))
    }

    private func lineIndexContaining(_ offset: Int) -> Int {
        // The next line is by far the most frequent move; anything else is a binary search.
        let next = lineIndex + 1
        if offset >= lineEnd, next < file.lineStarts.count,
            next + 1 >= file.lineStarts.count || offset < file.lineStarts[next + 1]
        {
            return next
        }
        return file.line(ofOffset: offset) - 1
    }

    private mutating func enterLine(_ index: Int) {
        lineIndex = index
        lineStart = file.lineStarts[index]
        lineEnd = index + 1 < file.lineStarts.count ? file.lineStarts[index + 1] : file.utf8.count
        var end = lineStart
        while end < lineEnd, file.utf8[end] < 0x80 { end += 1 }
        asciiEnd = end
        clusterStarts = nil
    }

    private mutating func column(_ offset: Int) -> Int {
        if offset <= asciiEnd { return offset - lineStart + 1 }
        let starts = clusterStarts ?? computeClusterStarts()
        clusterStarts = starts
        // The number of cluster starts below `offset`.
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low + 1
    }

    private func computeClusterStarts() -> [Int] {
        var starts: [Int] = []
        var offset = lineStart
        for character in String(decoding: file.utf8[lineStart..<lineEnd], as: UTF8.self) {
            starts.append(offset)
            offset += character.utf8.count
        }
        return starts
    }
}
