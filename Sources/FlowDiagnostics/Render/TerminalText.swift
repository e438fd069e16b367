/// What a terminal does with a character: how many cells it takes, and what to print so that nothing in
/// the user's file can move the cursor or start an escape sequence.
///
/// Both matter for the underline: it is laid out in terminal cells, so that the `^` stays under the span
/// when the line holds CJK text or emoji (two cells each) or zero-width characters such as a byte-order
/// mark. The width table is the East Asian Wide/Fullwidth blocks plus emoji presentation, which is what
/// terminals implement in practice; it is deliberately not a full UAX #11 table.
enum TerminalText {
    /// The cells `character` occupies once made `visible`: 0, 1 or 2. A tab counts as one; callers that
    /// lay out columns keep tabs as tabs instead.
    static func cells(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: \.properties.isEmojiPresentation) { return 2 }
        if first.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
        if isWide(first.value) { return 2 }
        switch first.properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark: return 0
        default: return 1
        }
    }

    /// `character`, with C0 controls other than tab shown as their Control Pictures (`␛` for ESC, `␍` for
    /// a stray CR), DEL as `␡` and C1 controls as `�`. Each replacement is one character of one cell, so
    /// columns computed on the original line stay valid.
    static func visible(_ character: Character) -> Character {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else {
            return character
        }
        switch scalar.value {
        case 0x09: return character
        case 0x00...0x1F: return Character(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{FFFD}"
        default: return character
        }
    }

    /// `text` with every character made `visible`; with `keepingLineBreaks`, LF and CR stay as they are,
    /// for formats that escape line breaks themselves.
    static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        String(text.map { keepingLineBreaks && ($0 == "\n" || $0 == "\r" || $0 == "\r\n") ? $0 : visible($0) })
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
