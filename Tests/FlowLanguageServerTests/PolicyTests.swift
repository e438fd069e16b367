import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

@testable import FlowLanguageServer

/// The language server reports what `flowc check` reports: the `.flowc.json` above the file and its
/// `# flowc: ignore` comments go through the same `DiagnosticPolicy`.
@Suite struct PolicyTests {
    static let flow = """
        flow hello
          serve at "https://twiml.example.com/hello"
          audio spare = "https://cdn.example.com/a.mp3"  # flowc: ignore FLOW224
          audio other = "https://cdn.example.com/b.mp3"
          leg caller entry
            step start
              say "Hello."
              hangup

        """

    @Test func suppressionsAndTheConfigurationApplyToTheServersDiagnostics() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-lsp-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hello.flow").path
        let source = SourceFile(path: path, text: Self.flow)

        let plain = CompilerAdapter.diagnostics(of: LoadedSources(files: [source]))
        #expect(plain.map(\.code.rawValue) == ["FLOW224"], "line 3 is suppressed, line 4 is not: \(plain)")
        #expect(plain.first?.span?.start.line == 4 && plain.first?.severity == .warning)

        try Data(#"{ "strict": true }"#.utf8).write(to: folder.appendingPathComponent(".flowc.json"))
        let strict = CompilerAdapter.diagnostics(of: LoadedSources(files: [source]))
        #expect(strict.first?.severity == .error && strict.first?.promotedBy == "--strict", "\(strict)")

        try Data(#"{ "severity": { "FLOW224": "off" } }"#.utf8).write(to: folder.appendingPathComponent(".flowc.json"))
        #expect(CompilerAdapter.diagnostics(of: LoadedSources(files: [source])).isEmpty)
    }
}
