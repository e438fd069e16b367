import Foundation

/// The base protocol's framing: each message is a header block (`Content-Length: N`, optionally
/// `Content-Type`, each line ending in CRLF, the block ending in an empty line) followed by exactly N
/// bytes of JSON.
///
/// `MessageReader` is fed bytes as they arrive, in chunks of any size, and yields whole messages. What
/// must hold: no input makes it trap or grow without bound. A header block without a usable
/// `Content-Length` is reported as `.malformedHeader` and skipped, so the stream resynchronises on the
/// next header; a declared length over `maximumLength` is reported and its bytes are skipped as they come.
public struct MessageReader: Sendable {
    /// What the reader found in the stream.
    public enum Event: Sendable, Equatable {
        case message(Data)
        /// A header block that cannot be used; the text says why (for the error response and the log).
        case malformedHeader(String)
        /// A message longer than `maximumLength`; its body is discarded.
        case tooLong(Int)
    }

    /// The longest body accepted: far above any flow, and small enough that a wrong length cannot make
    /// the server buffer gigabytes.
    public static let defaultMaximumLength = 64 * 1024 * 1024
    /// The longest header block accepted before it is declared malformed.
    static let maximumHeaderLength = 8 * 1024

    public let maximumLength: Int
    private var buffer: [UInt8] = []
    /// Body bytes of a too-long message still to be thrown away.
    private var skipping = 0

    public init(maximumLength: Int = MessageReader.defaultMaximumLength) {
        self.maximumLength = maximumLength
    }

    /// Adds bytes and returns every event now complete, in stream order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while let event = next() { events.append(event) }
        return events
    }

    /// Bytes received but not yet part of a complete message.
    public var pendingByteCount: Int { buffer.count }

    private mutating func next() -> Event? {
        if skipping > 0 {
            let dropped = min(skipping, buffer.count)
            buffer.removeFirst(dropped)
            skipping -= dropped
            if skipping > 0 { return nil }
        }
        guard let headerEnd = Self.find([13, 10, 13, 10], in: buffer) else {
            if buffer.count > Self.maximumHeaderLength {
                // No header block ends anywhere near: drop what was read, up to the last line break, so
                // that a header beginning in the kept tail can still be read.
                let cut = buffer.lastIndex(of: 10).map { $0 + 1 } ?? buffer.count
                buffer.removeFirst(cut)
                return .malformedHeader("no end of the header block within \(Self.maximumHeaderLength) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        guard let length = Self.contentLength(in: header) else {
            buffer.removeFirst(bodyStart)
            return .malformedHeader("the header block has no valid Content-Length: \(header.prefix(200).debugDescription)")
        }
        if length > maximumLength {
            buffer.removeFirst(bodyStart)
            skipping = length
            return .tooLong(length)
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return .message(body)
    }

    /// The value of the one `Content-Length` field; `nil` when it is missing, repeated with another value,
    /// negative or not a decimal number. Field names are case-insensitive (as in HTTP, which the base
    /// protocol's headers follow).
    static func contentLength(in header: String) -> Int? {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard name == "content-length" else { continue }
            guard !value.isEmpty, value.count <= 18, value.allSatisfy({ $0.isASCII && $0.isNumber }),
                let parsed = Int(value)
            else { return nil }
            if let length, length != parsed { return nil }
            length = parsed
        }
        return length
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// Frames one outgoing message.
public enum MessageWriter {
    public static func frame(_ body: Data) -> Data {
        var framed = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        framed.append(body)
        return framed
    }

    public static func frame(_ message: JSON) -> Data { frame(message.encoded()) }
}
