import FlowDiagnostics
import Testing

@Suite struct SourceFileTests {
    @Test func columnsCountCharactersNotBytes() {
        let file = SourceFile(path: "a.flow", text: "say \"héllo 👋🏽\" x\nnext")
        let x = file.text.utf8.count - "\nnext".utf8.count - 1
        #expect(file.location(ofOffset: x) == SourceLocation(offset: x, line: 1, column: 15))
        #expect(file.location(ofOffset: file.utf8.count).line == 2)
    }

    @Test func crlfLineTextExcludesTheCarriageReturn() {
        let file = SourceFile(path: "a.flow", text: "one\r\ntwo\r\n")
        #expect(file.lineText(1) == "one")
        #expect(file.lineText(2) == "two")
        #expect(file.lineCount == 3)
    }

    @Test func invalidUTF8IsRepairedAndLocated() {
        let (file, bad) = SourceFile.decode(path: "a.flow", bytes: [0x61, 0x62, 0xFF, 0x63])
        #expect(bad == 2)
        #expect(file.text == "ab\u{FFFD}c")
    }
}
