// The libFuzzer target of flowc (Docs/Robustness.md). `Fuzz/build.sh` compiles it with the FlowDiagnostics
// and FlowCompiler sources under `-sanitize=fuzzer,address`; `Fuzz/run.sh` runs it on a corpus seeded with
// every .flow file of the repository.
//
// One input is one or more .flow files: the bytes are split at lines that are exactly `#---` (a comment, so
// a seed stays a valid flow). Each input goes through what `flowc build` and `flowc fmt` do in memory, and
// the target traps when an invariant does not hold:
// - nothing crashes: load (UTF-8 decoding), lex, parse, resolve, lower, validate, render, the continuation
//   check and the manifest (`Compiler.build`, with relative and, when that succeeds, absolute URLs), and
//   the formatter;
// - every diagnostic, note and fix-it points into an input file: a known path, offsets within its bytes,
//   start before end, and the line and column that the offset has in that file;
// - a file without errors (no syntax error, valid UTF-8) is formatted (`SourceFormatter.format` is not `nil`), the
//   formatted text parses without error and formats to itself (idempotence);
// - when every file formats, building the formatted files gives the same documents, byte for byte;
// - building the files in reverse order gives the same output files, byte for byte.
import FlowCompiler
import FlowDiagnostics

@_cdecl("LLVMFuzzerTestOneInput")
public func flowFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FlowFuzz.run(bytes)
    return 0
}

enum FlowFuzz {
    /// The line that separates two files in one fuzz input.
    static let separator = Array("\n#---\n".utf8)
    /// More files than this are read as one: a handful is enough to exercise cross-file naming.
    static let maximumFiles = 4

    static func run(_ bytes: [UInt8]) {
        let parts = split(bytes)
        var files: [SourceFile] = []
        var firstInvalid: [String: Int] = [:]
        var loaderDiagnostics: [Diagnostic] = []
        for (index, part) in parts.enumerated() {
            let decoded = SourceLoader.decode(path: "f\(index).flow", bytes: part)
            files.append(decoded.file)
            if let offset = decoded.firstInvalidByte { firstInvalid[decoded.file.path] = offset }
            if let diagnostic = decoded.diagnostic { loaderDiagnostics.append(diagnostic) }
        }
        let input = LoadedSources(files: files, firstInvalidBytes: firstInvalid, diagnostics: loaderDiagnostics)
        let result = Compiler.build(input)
        checkSpans(result.diagnostics, in: files, stage: "build")
        // Absolute URLs take other paths through lowering and the manifest; the same files must come out.
        if !result.files.isEmpty {
            let absolute = Compiler.build(input, options: BuildOptions(urls: .absolute))
            checkSpans(absolute.diagnostics, in: files, stage: "build --urls absolute")
            // A flow without `serve at` has no absolute URLs (an error); otherwise the same files come out.
            if !absolute.files.isEmpty, absolute.files.map(\.path) != result.files.map(\.path) {
                fail("absolute URLs change the set of output files", files.map(\.text).joined(separator: "\n#---\n"))
            }
        }

        // The formatter, exactly as `flowc fmt` decides what it may format.
        var formattedFiles: [SourceFile] = []
        for file in files {
            let parsed = Parser.parse(file, firstInvalidByte: firstInvalid[file.path])
            checkSpans(parsed.diagnostics, in: [file], stage: "parse")
            let hasError =
                firstInvalid[file.path] != nil || parsed.diagnostics.contains { $0.severity == .error }
            let formatted = SourceFormatter.format(parsed.syntax)
            if hasError { continue }
            guard let formatted else {
                fail("the formatter refused '\(file.path)', which has no syntax error", file.text)
            }
            let again = SourceFile(path: file.path, text: formatted)
            let reparsed = Parser.parse(again)
            if let error = reparsed.diagnostics.first(where: { $0.severity == .error }) {
                fail("the formatted text of '\(file.path)' has an error: \(error.code.rawValue) \(error.message)", formatted)
            }
            guard let twice = SourceFormatter.format(reparsed.syntax) else {
                fail("the formatter refused its own output for '\(file.path)'", formatted)
            }
            if twice != formatted {
                fail("formatting is not idempotent for '\(file.path)'", formatted + "\n----- formatted again -----\n" + twice)
            }
            formattedFiles.append(again)
        }

        // Formatting keeps meaning: the same documents, byte for byte. (The manifest's source references
        // are lines and columns of the text, which formatting may move.)
        if formattedFiles.count == files.count, !files.isEmpty {
            let reformatted = Compiler.build(sources: formattedFiles)
            let before = documentBytes(result.files)
            let after = documentBytes(reformatted.files)
            if before != after {
                fail("formatting changed the built documents", files.map(\.text).joined(separator: "\n#---\n"))
            }
            if result.files.isEmpty != reformatted.files.isEmpty {
                fail("formatting changed whether the build succeeds", files.map(\.text).joined(separator: "\n#---\n"))
            }
        }

        // Input order does not matter.
        if files.count > 1 {
            let reversed = LoadedSources(
                files: files.reversed(), firstInvalidBytes: firstInvalid, diagnostics: loaderDiagnostics)
            let other = Compiler.build(reversed)
            if other.files != result.files {
                fail("the output depends on the order of the input files", files.map(\.text).joined(separator: "\n#---\n"))
            }
        }
    }

    /// The input's files: its bytes cut at each separator line, at most `maximumFiles`.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count, parts.count < maximumFiles - 1 {
            if bytes[index] == separator[0], Array(bytes[index..<index + separator.count]) == separator {
                parts.append(Array(bytes[start..<index + 1]))
                start = index + separator.count
                index = start
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    static func documentBytes(_ files: [OutputFile]) -> [String: [UInt8]] {
        var bytes: [String: [UInt8]] = [:]
        for file in files where file.path != "routes.json" { bytes[file.path] = file.bytes }
        return bytes
    }

    static func checkSpans(_ diagnostics: [Diagnostic], in files: [SourceFile], stage: String) {
        for diagnostic in diagnostics {
            let what = "\(stage): \(diagnostic.code.rawValue) \(diagnostic.message)"
            check(diagnostic.span, in: files, what)
            for note in diagnostic.notes { check(note.span, in: files, what + " (note)") }
            for fixIt in diagnostic.fixIts {
                for edit in fixIt.edits { check(edit.span, in: files, what + " (fix-it)") }
            }
        }
    }

    static func check(_ span: SourceSpan?, in files: [SourceFile], _ what: String) {
        guard let span else { return }
        guard let file = files.first(where: { $0.path == span.path }) else {
            fail("\(what): span in unknown file '\(span.path)'", "")
        }
        let size = file.utf8.count
        guard span.start.offset >= 0, span.start.offset <= span.end.offset, span.end.offset <= size else {
            fail("\(what): span \(span.start.offset)..<\(span.end.offset) outside a file of \(size) bytes", file.text)
        }
        for location in [span.start, span.end] where file.location(ofOffset: location.offset) != location {
            fail("\(what): location \(location) is not where offset \(location.offset) is", file.text)
        }
    }

    static func fail(_ message: String, _ text: String) -> Never {
        fatalError("flowc fuzz invariant: \(message)\n----- input -----\n\(text)\n-----")
    }
}
