import FlowCompiler
import FlowDiagnostics
import Foundation
import PropertyBased
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Properties of the whole compiler over random valid flow sets (`FlowSetGenerator.swift`): the formatter,
/// the rendered XML and the independence from input order. A failure prints the flow set and the seed to
/// reproduce it with `.fixedSeed(…)`.
@Suite struct FlowPropertyTests {
    /// A random flow set together with the seed of everything else the property draws (layouts, orders).
    static let flowSets = Generator<(FlowSet, UInt64), Shrink.None<(FlowSet, UInt64)>>(run: { rng in
        var random = SplitMix64(seed: rng.next())
        return (FlowSet.random(using: &random), random.next())
    })

    static func sources(_ files: [[FlowLine]], layout: Layout = .canonical) -> [SourceFile] {
        files.enumerated().map { SourceFile(path: "flows/file\($0.offset).flow", text: layout.text(of: $0.element)) }
    }

    static func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map {
            "\($0.code.rawValue) \($0.span.map { "\($0.path):\($0.start.line):\($0.start.column)" } ?? "") \($0.message)"
        }
    }

    /// The generator itself: what it makes is valid, or the other properties would test little.
    @Test func generatedFlowsBuildWithoutErrors() async {
        await propertyCheck(count: 200, input: Self.flowSets) { set, _ in
            let result = Compiler.build(sources: Self.sources(set.files))
            #expect(Self.errors(result.diagnostics) == [], "\(set)")
            #expect(!result.files.isEmpty)
        }
    }

    /// `fmt` of canonical text is that text, and of any other layout the canonical text, when the layout
    /// adds nothing the formatter keeps (comments, blank lines).
    @Test func formatterWritesTheCanonicalLayout() async {
        await propertyCheck(count: 150, input: Self.flowSets) { set, seed in
            var rng = SplitMix64(seed: seed)
            var layout = Layout.random(using: &rng, keepingPositions: Bool.random(using: &rng))
            layout.commentEvery = 0
            layout.noteEvery = 0
            layout.blankEvery = 0
            for (canonical, other) in zip(Self.sources(set.files), Self.sources(set.files, layout: layout)) {
                #expect(format(canonical) == canonical.text, "\(set)")
                #expect(format(other) == canonical.text, "layout \(layout)\n\(other.text)")
            }
        }
    }

    /// `fmt(fmt(x)) == fmt(x)`, and `build(fmt(x)) == build(x)`: the same documents byte for byte, and the same
    /// manifest: byte for byte when formatting keeps every line where it was, otherwise once each source
    /// reference is replaced by the words it points at.
    @Test func formattingIsIdempotentAndKeepsMeaning() async {
        await propertyCheck(count: 150, input: Self.flowSets) { set, seed in
            var rng = SplitMix64(seed: seed)
            let layout = Layout.random(using: &rng, keepingPositions: Bool.random(using: &rng))
            let messy = Self.sources(set.files, layout: layout)
            let formatted = messy.map { SourceFile(path: $0.path, text: format($0) ?? "") }
            for file in formatted {
                #expect(format(file) == file.text, "formatting is not idempotent:\n\(file.text)")
            }
            let before = Compiler.build(sources: messy)
            let after = Compiler.build(sources: formatted)
            #expect(Self.errors(before.diagnostics) == [], "layout \(layout)\n\(messy.map(\.text).joined())")
            #expect(!before.files.isEmpty)
            #expect(documents(before.files) == documents(after.files), "\(set)")
            let manifestBefore = manifest(before.files)
            let manifestAfter = manifest(after.files)
            if layout.keepsPositions {
                #expect(manifestBefore == manifestAfter, "layout \(layout)\n\(set)")
            }
            #expect(
                anchored(manifestBefore, in: messy) == anchored(manifestAfter, in: formatted),
                "layout \(layout)\n\(set)")
        }
    }

    /// Every document is well-formed XML, and every `say` text comes back from an XML parser exactly as it
    /// was written in the flow, whatever its characters.
    @Test func everyDocumentIsWellFormedXMLWithTheTextSpoken() async {
        await propertyCheck(count: 200, input: Self.flowSets) { set, _ in
            let result = Compiler.build(sources: Self.sources(set.files))
            #expect(Self.errors(result.diagnostics) == [], "\(set)")
            var heard: Set<String> = []
            for file in result.files where file.path.hasSuffix(".xml") {
                let parsed = SpokenText.parse(file.bytes)
                #expect(parsed != nil, "\(file.path) is not well-formed XML:\n\(String(decoding: file.bytes, as: UTF8.self))")
                heard.formUnion(parsed ?? [])
            }
            for text in set.spokenTexts {
                #expect(heard.contains(text), "'\(text)' is not spoken as written\n\(set)")
            }
        }
    }

    /// Every C0 and C1 control character, DEL, and the noncharacters XML 1.0 excludes.
    static let controlScalars: [UInt32] = Array(0...0x1F) + Array(0x7F...0x9F) + [0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF]

    /// Written into a `say` string as itself (`raw`) or as a `\u{…}` escape, each of these characters is either
    /// refused with an error diagnostic and no file written, or written so that an XML parser reads the text
    /// back exactly: a control character written as itself (other than tab) is refused by the lexer
    /// (FLOW008; a raw LF or CR breaks the string), and a character XML 1.0 does not allow, escaped or not, by
    /// the TwiML check (FLOW406). Escapes of the characters XML allows (tab, LF, CR, DEL, C1) round-trip.
    @Test(arguments: controlScalars, [true, false])
    func controlCharactersAreRejectedOrRoundTrip(value: UInt32, raw: Bool) {
        let scalar = Unicode.Scalar(value)!
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        let text = "a\(Character(scalar))b"
        let body = raw ? "\"\(text)\"" : "\"a\\u{\(String(value, radix: 16))}b\""
        let flow = "flow hello\n  leg caller entry\n    step start\n      say \(body)\n      hangup\n"
        let result = Compiler.build(sources: [SourceFile(path: "hello.flow", text: flow)])
        let codes = Set(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue))
        let name = "U+\(String(value, radix: 16, uppercase: true)) \(raw ? "raw" : "escaped")"
        if raw && isControl && scalar != "\t" {
            if scalar != "\n" && scalar != "\r" { #expect(codes.contains("FLOW008"), "\(name): \(codes)") }
            #expect(!codes.isEmpty && result.files.isEmpty, "\(name): \(codes)")
        } else if !XMLWriter.isAllowed(scalar) {
            #expect(codes.contains("FLOW406"), "\(name): \(codes)")
            #expect(result.files.isEmpty, "\(name)")
        } else {
            #expect(codes.isEmpty, "\(name): \(codes)")
            let document = result.files.first { $0.path.hasSuffix("start.xml") }
            #expect(document.flatMap { SpokenText.parse($0.bytes) } == [text], "\(name)")
        }
    }

    /// The output does not depend on the order of the input files, nor on how the flows are split into files.
    @Test func outputIsIdenticalForAnyOrderOfTheInputs() async {
        await propertyCheck(count: 100, input: Self.flowSets) { set, seed in
            var rng = SplitMix64(seed: seed)
            let sources = Self.sources(set.files)
            let expected = Compiler.build(sources: sources)
            #expect(!expected.files.isEmpty, "\(set)")
            for _ in 0..<3 {
                let shuffled = Compiler.build(sources: sources.shuffled(using: &rng))
                #expect(shuffled.files == expected.files, "\(set)")
                #expect(shuffled.diagnostics == expected.diagnostics)
            }
        }
    }

    // MARK: - Helpers

    private func format(_ file: SourceFile) -> String? {
        let parsed = Parser.parse(file)
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return SourceFormatter.format(parsed.syntax)
    }

    private func documents(_ files: [OutputFile]) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: files.filter { $0.path.hasSuffix(".xml") }.map { ($0.path, $0.bytes) })
    }

    private func manifest(_ files: [OutputFile]) -> String {
        String(decoding: files.first { $0.path == "routes.json" }?.bytes ?? [], as: UTF8.self)
    }

    /// The manifest with each `source` reference (`path`, `line`, `column`) replaced by the words at that
    /// place of the source: the same construct, wherever the layout put it.
    private func anchored(_ manifest: String, in sources: [SourceFile]) -> String {
        guard let json = try? JSONSerialization.jsonObject(with: Data(manifest.utf8)) else { return "not JSON" }
        func walk(_ value: Any) -> Any {
            if var object = value as? [String: Any] {
                if let source = object["source"] as? [String: Any], let path = source["path"] as? String,
                    let line = source["line"] as? Int, let column = source["column"] as? Int
                {
                    object["source"] = words(path: path, line: line, column: column, in: sources)
                }
                return object.mapValues(walk)
            }
            if let array = value as? [Any] { return array.map(walk) }
            return value
        }
        let data = try? JSONSerialization.data(withJSONObject: walk(json), options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "not encodable"
    }

    private func words(path: String, line: Int, column: Int, in sources: [SourceFile]) -> String {
        guard let file = sources.first(where: { $0.path == path }), line >= 1, line <= file.lineCount else {
            return "nowhere"
        }
        let start = file.lineStarts[line - 1]
        let end = line < file.lineCount ? file.lineStarts[line] : file.utf8.count
        // Columns count characters, as an editor does.
        let rest = String(decoding: file.utf8[start..<end], as: UTF8.self).dropFirst(column - 1)
        return path + ": " + rest.split(whereSeparator: \.isWhitespace).prefix(3).joined(separator: " ")
    }
}

/// The character data of every `<Say>` element of a document, or `nil` when it is not well-formed XML.
final class SpokenText: NSObject, XMLParserDelegate {
    private var current: String?
    private var texts: [String] = []

    static func parse(_ bytes: [UInt8]) -> [String]? {
        let collector = SpokenText()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        return parser.parse() ? collector.texts : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        if elementName == "Say" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "Say", let text = current {
            texts.append(text)
            current = nil
        }
    }
}
