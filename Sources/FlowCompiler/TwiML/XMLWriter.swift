/// A minimal, deterministic XML 1.0 writer: the declaration, escaping, indentation and line ends.
///
/// It knows nothing about TwiML; `TwiMLRenderer` decides the layout and the attribute order.
/// Output rules (Docs/Twilio.md#document-validity): the declaration `<?xml version="1.0" encoding="UTF-8"?>`
/// is the very first bytes (no BOM, no whitespace), lines end with LF, indentation is two spaces.
///
/// Escaping decisions:
/// - text escapes `&`, `<` and `>`; escaping every `>` means `]]>` can never appear, and CR becomes
///   `&#13;` because a parser would otherwise turn it into LF;
/// - attribute values (always double-quoted) escape `&`, `<`, `>`, `"` and `'`, and tab, LF and CR as
///   character references, because attribute-value normalization would turn literal ones into spaces;
/// - characters XML 1.0 forbids become U+FFFD. `TwiMLValidator` reports them first
///   (`invalidXMLCharacter`), so valid documents never lose a character.
public struct XMLWriter: Sendable {
    /// The XML declaration every document starts with.
    public static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
    /// One level of indentation.
    public static let indentation = "  "

    /// Everything written so far, starting with the declaration line.
    public private(set) var output: String

    public init() {
        output = Self.declaration + "\n"
    }

    /// Appends `fragment` on its own line, indented `depth` levels, ending with LF.
    public mutating func writeLine(_ fragment: String, depth: Int) {
        output += String(repeating: Self.indentation, count: depth) + fragment + "\n"
    }

    /// `<name a="1" b="2">`, or `<name a="1"/>` when `selfClosing`.
    public static func startTag(_ name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
        -> String
    {
        let attributeText = attributes.map { " \($0.name)=\"\(escapeAttribute($0.value))\"" }.joined()
        return "<" + name + attributeText + (selfClosing ? "/>" : ">")
    }

    /// `</name>`.
    public static func endTag(_ name: String) -> String { "</" + name + ">" }

    /// Whether XML 1.0 allows the scalar in a document (`Char` production): tab, LF, CR,
    /// U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Character data escaped for element content.
    public static func escapeText(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    /// A value escaped for a double-quoted attribute.
    public static func escapeAttribute(_ value: String) -> String {
        escape(value) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            case "\t": "&#9;"
            case "\n": "&#10;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    private static func escape(_ text: String, replacement: (Unicode.Scalar) -> String?) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                result.append(contentsOf: replaced.unicodeScalars)
            } else {
                result.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return String(result)
    }
}
