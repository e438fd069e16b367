/// A point in a source file. All three coordinates are kept so that machine formats (byte offset),
/// humans (line, column) and editors agree on the same place.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// UTF-8 byte offset from the start of the file.
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters (grapheme clusters).
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open range `start..<end` in one file. An empty span (start == end) marks a point,
/// for example where a missing token was expected.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// The file's display path.
    public var path: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(path: String, start: SourceLocation, end: SourceLocation) {
        self.path = path
        self.start = start
        self.end = end
    }

    /// The smallest span covering both (same file assumed).
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(path: path, start: min(start, other.start), end: max(end, other.end))
    }
}
