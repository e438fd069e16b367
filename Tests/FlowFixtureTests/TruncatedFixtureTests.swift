import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Every `.flow` file the repository holds (bundled flows, compile, diagnostic, format and clean fixtures),
/// cut after every line and fed through the whole pipeline (issue #2, "Bad input"): it must end, never
/// trap, and every diagnostic must point inside the text it was given. A cut file is what an editor saves
/// mid-keystroke, so this is the input `flowc check` sees most often after valid flows.
@Suite struct TruncatedFixtureTests {
    static let files: [String] = {
        let roots = [SourceTree.testsFolder.appendingPathComponent("Fixtures"), SourceTree.repositoryRoot.appendingPathComponent("flows")]
        var found: [String] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "flow" {
                found.append(url.path)
            }
        }
        return found.sorted()
    }()

    @Test func thereAreFilesToCut() {
        #expect(Self.files.count >= 50, "\(Self.files.count)")
    }

    @Test(.timeLimit(.minutes(5)), arguments: files)
    func everyLinePrefixBuildsWithoutTrapping(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var cuts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { cuts.append(index + 1) }
        cuts.append(bytes.count)
        for end in cuts {
            let (file, _) = SourceFile.decode(path: "cut.flow", bytes: Array(bytes[0..<end]))
            let result = Compiler.build(sources: [file])
            for diagnostic in result.diagnostics {
                guard let span = diagnostic.span else { continue }
                #expect(
                    span.path == "cut.flow" && span.start.offset >= 0 && span.end.offset <= file.utf8.count
                        && span.start.offset <= span.end.offset,
                    "\(path) cut at byte \(end): \(diagnostic.code) span \(span.start.offset)..<\(span.end.offset) outside \(file.utf8.count) bytes")
            }
        }
    }
}
