import FlowDiagnostics

/// A JSON value with the source span of every value and key, so a configuration or baseline problem is
/// reported at its line and column.
///
/// Why a parser of our own: the compiler library depends on nothing but FlowDiagnostics (the plugin's
/// tool builds in every app that adopts it), and Foundation's `JSONSerialization` gives neither locations
/// nor the order of keys. It reads all of RFC 8259 and nothing more: no comments, no trailing commas,
/// a single value with only whitespace around it, and strings in UTF-8.
indirect enum LocatedJSON: Sendable {
    case object([Member], SourceSpan)
    case array([LocatedJSON], SourceSpan)
    case string(String, SourceSpan)
    case number(Double, isInteger: Bool, SourceSpan)
    case bool(Bool, SourceSpan)
    case null(SourceSpan)

    struct Member: Sendable {
        var key: String
        var keySpan: SourceSpan
        var value: LocatedJSON
    }

    var span: SourceSpan {
        switch self {
        case .object(_, let span), .array(_, let span), .string(_, let span), .number(_, _, let span),
            .bool(_, let span), .null(let span):
            span
        }
    }

    /// What a value is, for "expected a string, found an array" messages.
    var kind: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// Parses `file`'s whole text. A syntax error is one FLOW703 diagnostic at the first byte that is not JSON.
    static func parse(_ file: SourceFile) -> Result<LocatedJSON, DiagnosticError> {
        var parser = Parser(file: file)
        do {
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            if parser.offset < file.utf8.count { throw parser.failure("expected the end of the file after the value") }
            return .success(value)
        } catch let failure as Parser.Failure {
            return .failure(DiagnosticError(failure.diagnostic))
        } catch {
            return .failure(DiagnosticError(Diagnostic(.configurationNotJson, .error, "\(error)", at: nil)))
        }
    }

    private struct Parser {
        struct Failure: Error { var diagnostic: Diagnostic }

        let file: SourceFile
        var offset = 0
        /// Deeper nesting than any configuration needs is refused rather than recursed into.
        static let maximumDepth = 64

        init(file: SourceFile) { self.file = file }

        var bytes: [UInt8] { file.utf8 }
        var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        func failure(_ message: String, at start: Int? = nil) -> Failure {
            let from = min(start ?? offset, bytes.count)
            let to = min(from + (from < bytes.count ? 1 : 0), bytes.count)
            return Failure(
                diagnostic: Diagnostic(
                    .configurationNotJson, .error, "\(file.path) is not valid JSON: \(message)", at: file.span(from: from, to: to)))
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        mutating func value(depth: Int) throws -> LocatedJSON {
            guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels") }
            guard let byte = current else { throw failure("expected a value, found the end of the file") }
            let start = offset
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""):
                let text = try string()
                return .string(text, file.span(from: start, to: offset))
            case UInt8(ascii: "t"): return try literal("true", .bool(true, file.span(from: start, to: start + 4)))
            case UInt8(ascii: "f"): return try literal("false", .bool(false, file.span(from: start, to: start + 5)))
            case UInt8(ascii: "n"): return try literal("null", .null(file.span(from: start, to: start + 4)))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default:
                throw failure("expected a value (an object, array, string, number, true, false or null)")
            }
        }

        mutating func literal(_ word: String, _ value: LocatedJSON) throws -> LocatedJSON {
            let expected = Array(word.utf8)
            guard offset + expected.count <= bytes.count, Array(bytes[offset..<offset + expected.count]) == expected
            else { throw failure("expected '\(word)'") }
            offset += expected.count
            return value
        }

        mutating func object(depth: Int) throws -> LocatedJSON {
            let start = offset
            offset += 1
            var members: [Member] = []
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                offset += 1
                return .object(members, file.span(from: start, to: offset))
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else {
                    throw failure(
                        current == UInt8(ascii: "}") ? "a comma before '}' (JSON has no trailing commas)"
                            : "expected a key in double quotes")
                }
                let keyStart = offset
                let key = try string()
                let keySpan = file.span(from: keyStart, to: offset)
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key") }
                offset += 1
                skipWhitespace()
                members.append(Member(key: key, keySpan: keySpan, value: try value(depth: depth + 1)))
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    offset += 1
                    continue
                }
                guard current == UInt8(ascii: "}") else { throw failure("expected ',' or '}' after a member") }
                offset += 1
                return .object(members, file.span(from: start, to: offset))
            }
        }

        mutating func array(depth: Int) throws -> LocatedJSON {
            let start = offset
            offset += 1
            var items: [LocatedJSON] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                offset += 1
                return .array(items, file.span(from: start, to: offset))
            }
            while true {
                skipWhitespace()
                if current == UInt8(ascii: "]") { throw failure("a comma before ']' (JSON has no trailing commas)") }
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    offset += 1
                    continue
                }
                guard current == UInt8(ascii: "]") else { throw failure("expected ',' or ']' after an element") }
                offset += 1
                return .array(items, file.span(from: start, to: offset))
            }
        }

        mutating func string() throws -> String {
            let start = offset
            offset += 1
            var scalars = String.UnicodeScalarView()
            var run = offset
            func flush(_ parser: Parser, to end: Int) {
                scalars.append(contentsOf: String(decoding: parser.bytes[run..<end], as: UTF8.self).unicodeScalars)
            }
            while true {
                guard let byte = current else { throw failure("a string is not closed", at: start) }
                switch byte {
                case UInt8(ascii: "\""):
                    flush(self, to: offset)
                    offset += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush(self, to: offset)
                    offset += 1
                    scalars.append(try escape())
                    run = offset
                case 0x00..<0x20:
                    throw failure("a control character in a string must be escaped")
                default:
                    offset += 1
                }
            }
        }

        mutating func escape() throws -> Unicode.Scalar {
            guard let byte = current else { throw failure("a string is not closed") }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let high = try hex4()
                if (0xD800..<0xDC00).contains(high) {
                    guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
                    else { throw failure("a high surrogate must be followed by a low one") }
                    offset += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("expected a low surrogate") }
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                }
                guard let scalar = Unicode.Scalar(high) else { throw failure("a lone low surrogate") }
                return scalar
            default:
                throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))'", at: offset - 2)
            }
        }

        mutating func hex4() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Self.hexValue(byte) else {
                    throw failure("expected four hexadecimal digits after '\\u'")
                }
                value = value * 16 + digit
                offset += 1
            }
            return value
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() throws -> LocatedJSON {
            let start = offset
            func digits(_ parser: inout Parser) -> Int {
                var count = 0
                while let byte = parser.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    parser.offset += 1
                    count += 1
                }
                return count
            }
            if current == UInt8(ascii: "-") { offset += 1 }
            if current == UInt8(ascii: "0") {
                offset += 1
            } else if digits(&self) == 0 {
                throw failure("expected a digit")
            }
            var isInteger = true
            if current == UInt8(ascii: ".") {
                offset += 1
                isInteger = false
                guard digits(&self) > 0 else { throw failure("expected a digit after '.'") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                offset += 1
                isInteger = false
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
                guard digits(&self) > 0 else { throw failure("expected a digit in the exponent") }
            }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            guard let value = Double(text) else { throw failure("the number is out of range", at: start) }
            return .number(value, isInteger: isInteger, file.span(from: start, to: offset))
        }
    }
}

/// A diagnostic carried by a `Result`, for loaders whose one problem ends what they do.
public struct DiagnosticError: Error, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
