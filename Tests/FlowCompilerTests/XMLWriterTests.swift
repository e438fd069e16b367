import FlowCompiler
import Testing

@Suite struct XMLWriterTests {
    @Test func startsWithDeclarationAndNoBOM() {
        let writer = XMLWriter()
        #expect(writer.output == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        #expect(Array(writer.output.utf8.prefix(5)) == Array("<?xml".utf8))
    }

    @Test func writesIndentedLinesWithLF() {
        var writer = XMLWriter()
        writer.writeLine("<a>", depth: 0)
        writer.writeLine("<b/>", depth: 2)
        #expect(writer.output.hasSuffix("<a>\n    <b/>\n"))
        #expect(!writer.output.contains("\r"))
    }

    @Test func escapesTextMarkupButNotQuotes() {
        #expect(XMLWriter.escapeText("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
        #expect(XMLWriter.escapeText(#"say "hi" it's"#) == #"say "hi" it's"#)
    }

    @Test func cdataTerminatorNeverSurvivesInText() {
        let escaped = XMLWriter.escapeText("x]]>y")
        #expect(escaped == "x]]&gt;y")
        #expect(!escaped.contains("]]>"))
    }

    @Test func escapesAllFiveCharactersInAttributes() {
        #expect(XMLWriter.escapeAttribute(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;")
    }

    @Test func keepsWhitespaceInAttributesAsCharacterReferences() {
        #expect(XMLWriter.escapeAttribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        #expect(XMLWriter.escapeText("a\tb\nc\rd") == "a\tb\nc&#13;d")
    }

    @Test func leavesNonASCIIAlone() {
        let hostile = "שלום 👋🏽 café"
        #expect(XMLWriter.escapeText(hostile) == hostile)
        #expect(XMLWriter.escapeAttribute(hostile) == hostile)
    }

    @Test func replacesCharactersXMLForbids() {
        #expect(XMLWriter.escapeText("a\u{7}b\u{FFFE}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(XMLWriter.escapeAttribute("\u{0}") == "\u{FFFD}")
    }

    @Test func classifiesXMLCharacters() {
        for allowed: Unicode.Scalar in ["\t", "\n", "\r", " ", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{10000}"] {
            #expect(XMLWriter.isAllowed(allowed), "U+\(String(allowed.value, radix: 16))")
        }
        for forbidden: Unicode.Scalar in ["\u{0}", "\u{8}", "\u{B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"] {
            #expect(!XMLWriter.isAllowed(forbidden), "U+\(String(forbidden.value, radix: 16))")
        }
    }

    @Test func buildsTags() {
        let attributes = [(name: "a", value: "1&2"), (name: "b", value: "\"")]
        #expect(XMLWriter.startTag("X", attributes: attributes, selfClosing: true) == #"<X a="1&amp;2" b="&quot;"/>"#)
        #expect(XMLWriter.startTag("X", attributes: [], selfClosing: false) == "<X>")
        #expect(XMLWriter.endTag("X") == "</X>")
    }
}
