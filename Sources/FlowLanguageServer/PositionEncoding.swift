import FlowDiagnostics

/// How the `character` of an LSP position counts: the client and the server agree on it in `initialize`.
/// UTF-16 code units are the protocol's default and the only encoding every client supports; UTF-8 is
/// chosen when the client offers it, because the compiler's offsets are UTF-8 already.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The server's pick among the encodings a client offers (`general.positionEncodings`), in the
    /// client's list or not: UTF-8 if offered, else UTF-16, which the protocol makes the fallback.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        (offered ?? []).contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    /// How many units of this encoding one scalar takes.
    func width(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: UTF8.width(scalar)
        case .utf16: UTF16.width(scalar)
        case .utf32: 1
        }
    }
}

/// A zero-based line and character, as the protocol counts them.
public struct LSPPosition: Sendable, Hashable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    var json: JSON { ["line": .int(line), "character": .int(character)] }

    init?(json: JSON?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else { return nil }
        self.init(line: line, character: character)
    }
}

/// The line table of one text, converting between UTF-8 byte offsets (every `SourceSpan`) and protocol
/// positions in a negotiated encoding.
///
/// What must hold: conversion never traps, whatever the position. Lines are counted as the protocol
/// counts them (LF, CR LF and a lone CR each end a line), which is what the editor shows, even though the
/// language itself rejects a lone CR (FLOW003); a character past the end of its line means the end of
/// the line, before its line break, and a line past the last means the end of the text (the protocol
/// asks servers to clamp);
/// a position inside a character's encoding (the middle of a surrogate pair or of a UTF-8 sequence)
/// moves back to the start of that character, and an offset inside a UTF-8 sequence does too.
public struct LineTable: Sendable {
    public let utf8: [UInt8]
    /// Offsets at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    public init(utf8: [UInt8]) {
        self.utf8 = utf8
        var starts = [0]
        for (index, byte) in utf8.enumerated() {
            if byte == 10 || (byte == 13 && (index + 1 == utf8.count || utf8[index + 1] != 10)) {
                starts.append(index + 1)
            }
        }
        self.lineStarts = starts
    }

    /// The offset of the end of line `line`'s text (before its line break), zero-based line.
    private func lineEnd(_ line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return utf8.count }
        var end = lineStarts[line + 1] - 1
        if utf8[end] == 10, end > lineStarts[line], utf8[end - 1] == 13 { end -= 1 }
        return end
    }

    /// The UTF-8 offset of a protocol position.
    public func offset(of position: LSPPosition, encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return utf8.count }
        let start = lineStarts[position.line]
        let end = lineEnd(position.line)
        var offset = start
        var units = 0
        let target = max(0, position.character)
        while offset < end {
            let (scalar, length) = decode(at: offset, limit: end)
            let width = encoding.width(of: scalar)
            if units + width > target { break }
            units += width
            offset += length
        }
        return offset
    }

    /// The protocol position of a UTF-8 offset (clamped to the text).
    public func position(ofOffset rawOffset: Int, encoding: PositionEncoding) -> LSPPosition {
        let target = max(0, min(rawOffset, utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= target { low = mid } else { high = mid - 1 }
        }
        var offset = lineStarts[low]
        var units = 0
        while offset < target {
            let (scalar, length) = decode(at: offset, limit: utf8.count)
            if offset + length > target { break }
            units += encoding.width(of: scalar)
            offset += length
        }
        return LSPPosition(line: low, character: units)
    }

    /// The position just after the last character.
    public var endPosition: LSPPosition {
        position(ofOffset: utf8.count, encoding: .utf8)
    }

    /// The scalar at `offset` and its length in bytes. A byte that does not start a valid sequence (the
    /// text came from a `String`, so this happens only at an offset inside a sequence) counts as one
    /// U+FFFD of one byte, so that every loop advances.
    private func decode(at offset: Int, limit: Int) -> (Unicode.Scalar, Int) {
        let lead = utf8[offset]
        let length: Int
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return ("\u{FFFD}", 1)
        }
        guard offset + length <= limit else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for index in (offset + 1)..<(offset + length) {
            let byte = utf8[index]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }
}

/// A zero-based half-open range of protocol positions.
public struct LSPRange: Sendable, Hashable {
    public var start: LSPPosition
    public var end: LSPPosition

    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    var json: JSON { ["start": start.json, "end": end.json] }

    init?(json: JSON?) {
        guard let start = LSPPosition(json: json?["start"]), let end = LSPPosition(json: json?["end"]) else {
            return nil
        }
        self.init(start: start, end: end)
    }
}

extension LineTable {
    /// The range of a span of this text.
    public func range(of span: SourceSpan, encoding: PositionEncoding) -> LSPRange {
        LSPRange(
            start: position(ofOffset: span.start.offset, encoding: encoding),
            end: position(ofOffset: span.end.offset, encoding: encoding))
    }
}
