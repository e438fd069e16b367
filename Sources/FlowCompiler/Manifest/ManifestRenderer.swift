import Foundation

/// Turns a `RouteManifest` into the exact bytes of `routes.json`.
///
/// The bytes are a contract (goldens compare them, deployment tools diff them), and Foundation's pretty
/// printer differs between platforms and releases (spacing around `:`, the layout of empty containers).
/// So `JSONEncoder` writes compact JSON with sorted keys and unescaped `/`, and `indent` lays it out in one
/// fixed way: two-space indentation, `"key": value`, `[]` and `{}` for empty containers, LF line ends and
/// a final newline. The model is already sorted (flows by name, routes by path), so the same build gives
/// the same bytes on every run and host.
public struct ManifestRenderer: Sendable {
    public init() {}

    /// The manifest as UTF-8 JSON. Encoding plain strings, integers and arrays cannot fail; if it ever
    /// did, `nil` lets the build report an internal error (FLOW900) instead of writing a broken manifest.
    public func renderBytes(_ manifest: RouteManifest) -> [UInt8]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(manifest) else { return nil }
        return Self.indent(Array(data)) + [UInt8(ascii: "\n")]
    }

    /// Pretty-prints compact JSON. Only structure outside strings is touched; string contents, escapes
    /// included, are copied byte for byte.
    static func indent(_ compact: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(compact.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var index = 0
        func newline() {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * max(0, depth)))
        }
        while index < compact.count {
            let byte = compact[index]
            index += 1
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index < compact.count, compact[index] == close {
                    output.append(close)
                    index += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                break
            default:
                output.append(byte)
            }
        }
        return output
    }
}
