import Testing

@testable import FlowLanguageServer

@Suite struct PositionEncodingTests {
    // "a é ☎ 😀 b": é is 2 UTF-8 bytes and 1 UTF-16 unit, ☎ 3 and 1, 😀 4 and 2.
    let text = "first\r\na é ☎ 😀 b\nlast"

    @Test func offsetsAndPositionsAgreeInEveryEncoding() {
        let table = LineTable(text)
        let bOffset = Array(text.utf8).lastIndex(of: UInt8(ascii: "b"))!
        let expected: [PositionEncoding: Int] = [.utf8: 14, .utf16: 9, .utf32: 8]
        for (encoding, character) in expected {
            let position = table.position(ofOffset: bOffset, encoding: encoding)
            #expect(position == LSPPosition(line: 1, character: character), "\(encoding)")
            #expect(table.offset(of: position, encoding: encoding) == bOffset, "\(encoding)")
        }
    }

    @Test func utf16CountsAnEmojiAsTwoUnits() {
        let table = LineTable("😀x")
        #expect(table.position(ofOffset: 4, encoding: .utf16).character == 2)
        #expect(table.offset(of: LSPPosition(line: 0, character: 2), encoding: .utf16) == 4)
        // Inside the surrogate pair: the start of the character.
        #expect(table.offset(of: LSPPosition(line: 0, character: 1), encoding: .utf16) == 0)
        // Inside the UTF-8 sequence: the start of the character too.
        #expect(table.position(ofOffset: 2, encoding: .utf16).character == 0)
    }

    @Test func outOfRangePositionsClamp() {
        let table = LineTable(text)
        #expect(table.offset(of: LSPPosition(line: 0, character: 999), encoding: .utf16) == 5, "before the CR LF")
        #expect(table.offset(of: LSPPosition(line: 99, character: 0), encoding: .utf16) == text.utf8.count)
        #expect(table.offset(of: LSPPosition(line: -1, character: -1), encoding: .utf16) == 0)
        #expect(table.position(ofOffset: 10_000, encoding: .utf16) == table.endPosition)
        #expect(table.endPosition == LSPPosition(line: 2, character: 4))
    }

    @Test func aLoneCarriageReturnEndsALineAsEditorsCountIt() {
        let table = LineTable("a\rb\r\nc\r")
        #expect(table.position(ofOffset: 2, encoding: .utf16) == LSPPosition(line: 1, character: 0))
        #expect(table.position(ofOffset: 5, encoding: .utf16) == LSPPosition(line: 2, character: 0))
        #expect(table.endPosition == LSPPosition(line: 3, character: 0))
    }

    @Test func emptyTextHasOneEmptyLine() {
        let table = LineTable("")
        #expect(table.position(ofOffset: 0, encoding: .utf16) == LSPPosition(line: 0, character: 0))
        #expect(table.offset(of: LSPPosition(line: 3, character: 3), encoding: .utf8) == 0)
    }

    @Test func negotiationPrefersUTF8AndFallsBackToUTF16() {
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(offered: ["utf-32"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: nil) == .utf16)
    }
}
