import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Inputs from the fuzzer (`Fuzz/`, Docs/Robustness.md) in `Fixtures/crashes/`: `crash-*.flow`, each input
/// that crashed flowc or broke one of the fuzz target's invariants, kept after its fix, and `corpus-*.flow`,
/// inputs of the fuzzer's corpus picked for what they reach (invalid UTF-8, a lone CR, tabs in indentation,
/// several files, a byte-order mark, operations, deep indentation, escapes, long numbers, nested gathers,
/// `during`, comments and blank lines). Each goes through what `flowc build` and `flowc fmt` do, as the fuzz target runs it:
/// the bytes are cut into files at lines that are exactly `#---`, decoded as the loader decodes them, built,
/// and every file without an error is formatted. Nothing may trap, every span must lie inside its file, and
/// formatting must be idempotent and keep the built documents.
@Suite struct CrashFixtureTests {
    static var inputs: [String] {
        let folder = FixtureDiscovery.root.appendingPathComponent("crashes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".flow") }.sorted()
    }

    @Test func thereAreFuzzerInputs() {
        #expect(Self.inputs.count >= 1)
    }

    @Test(arguments: inputs)
    func buildsAndFormatsWithoutCrashing(_ name: String) throws {
        let url = FixtureDiscovery.root.appendingPathComponent("crashes").appendingPathComponent(name)
        let bytes = [UInt8](try Data(contentsOf: url))
        var files: [SourceFile] = []
        var firstInvalid: [String: Int] = [:]
        var loaderDiagnostics: [Diagnostic] = []
        for (index, part) in Self.split(bytes).enumerated() {
            let decoded = SourceLoader.decode(path: "f\(index).flow", bytes: part)
            files.append(decoded.file)
            if let offset = decoded.firstInvalidByte { firstInvalid[decoded.file.path] = offset }
            if let diagnostic = decoded.diagnostic { loaderDiagnostics.append(diagnostic) }
        }
        let result = Compiler.build(
            LoadedSources(files: files, firstInvalidBytes: firstInvalid, diagnostics: loaderDiagnostics))
        Self.expectSpansInside(result.diagnostics, files)

        var formatted: [SourceFile] = []
        for file in files {
            let parsed = Parser.parse(file, firstInvalidByte: firstInvalid[file.path])
            Self.expectSpansInside(parsed.diagnostics, [file])
            guard firstInvalid[file.path] == nil, !parsed.diagnostics.contains(where: { $0.severity == .error })
            else { continue }
            let text = try #require(SourceFormatter.format(parsed.syntax), "\(file.path) has no syntax error")
            let again = Parser.parse(SourceFile(path: file.path, text: text))
            #expect(!again.diagnostics.contains { $0.severity == .error }, "\(file.path) formatted:\n\(text)")
            #expect(SourceFormatter.format(again.syntax) == text, "formatting \(file.path) is not idempotent")
            formatted.append(SourceFile(path: file.path, text: text))
        }
        if formatted.count == files.count {
            let rebuilt = Compiler.build(sources: formatted)
            #expect(
                rebuilt.files.filter { $0.path.hasSuffix(".xml") } == result.files.filter { $0.path.hasSuffix(".xml") })
        }
    }

    /// The fuzz target's cut: at each line that is exactly `#---`, into at most four files.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        let separator = Array("\n#---\n".utf8)
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count, parts.count < 3 {
            if Array(bytes[index..<index + separator.count]) == separator {
                parts.append(Array(bytes[start...index]))
                start = index + separator.count
                index = start
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    static func expectSpansInside(_ diagnostics: [Diagnostic], _ files: [SourceFile]) {
        let spans: [SourceSpan] = diagnostics.flatMap { diagnostic -> [SourceSpan] in
            let located: [SourceSpan?] = [diagnostic.span] + diagnostic.notes.map(\.span)
            return located.compactMap { $0 } + diagnostic.fixIts.flatMap { $0.edits.map(\.span) }
        }
        for span in spans {
            let file = files.first { $0.path == span.path }
            #expect(file != nil, "a span in an unknown file \(span.path)")
            guard let file else { continue }
            #expect(0 <= span.start.offset && span.start.offset <= span.end.offset && span.end.offset <= file.utf8.count)
            #expect(file.location(ofOffset: span.start.offset) == span.start)
            #expect(file.location(ofOffset: span.end.offset) == span.end)
        }
    }
}
