import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Every example of the diagnostic catalog, run: a wrong example raises its code, a right example raises
/// nothing at all (no error, warning or note). `flowc explain` prints these examples, so a stale one is a
/// wrong answer to a user's question.
///
/// `.flow` examples go through `diagnostics(of:)`, the one place that names the compiler's entry point.
/// Commands run the built `flowc` in a folder holding `DiagnosticExample.workspace`; scenarios are simulated
/// against `DiagnosticExample.scenarioFlow`. The hand-written TwiML of internal codes is not run here:
/// no public stage takes a TwiML document, and `ContinuationRuleTests` checks each of those rules and its
/// corrected twin on hand-built documents.
@Suite struct CatalogExampleTests {
    /// The compiler as a user runs it on one file: every diagnostic of a full build.
    static func diagnostics(of source: SourceFile) -> [Diagnostic] {
        Compiler.build(sources: [source]).diagnostics
    }

    static var runnable: [DiagnosticCodeEntry] {
        DiagnosticCatalog.all.filter { !$0.isInternal }
    }

    @Test(arguments: runnable.map(\.code.rawValue))
    func wrongRaisesItsCodeAndRightRaisesNothing(_ raw: String) throws {
        let code = try #require(DiagnosticCatalog.code(raw))
        let entry = DiagnosticCatalog.entry(for: code)
        let wrong = try Self.codes(raisedBy: entry.wrong)
        #expect(wrong.contains(code), "\(raw)'s wrong example raises \(wrong)")
        let right = try Self.codes(raisedBy: entry.right)
        #expect(right.isEmpty, "\(raw)'s right example raises \(right)")
    }

    /// Internal codes are documented by hand-written TwiML, user codes never are; only FLOW900 has no example.
    @Test func internalCodesAndOnlyThemHaveTwiMLExamples() {
        for entry in DiagnosticCatalog.all {
            for example in [entry.wrong, entry.right] {
                switch example {
                case .twiml: #expect(entry.isInternal, "\(entry.code) is a user error with a TwiML example")
                case .none: #expect(entry.code == .internalError, "\(entry.code) has no example")
                default: #expect(!entry.isInternal, "\(entry.code) is internal but has a \(example.kind) example")
                }
            }
            if entry.isInternal, entry.code != .internalError {
                #expect(entry.wrong.text.contains("<Response>") && entry.right.text.contains("<Response>"))
            }
        }
    }

    static func codes(raisedBy example: DiagnosticExample) throws -> [DiagnosticCode] {
        switch example {
        case .flow(let text):
            return diagnostics(of: SourceFile(path: "example.flow", text: text)).map(\.code)
        case .latin1Flow(let text):
            let folder = try TemporaryFolder()
            let bytes = try #require(text.data(using: .isoLatin1))
            let file = try folder.write("example.flow", bytes: Array(bytes))
            return Compiler.build(paths: [file.path]).diagnostics.map(\.code)
        case .scenario(let text):
            let folder = try TemporaryFolder()
            let flow = try folder.write("example.flow", DiagnosticExample.scenarioFlow)
            let scenario = try folder.write("example.scenario", text)
            let result = Compiler.simulate(path: flow.path, flow: nil, scenario: scenario.path)
            return (result.compilation.diagnostics + result.diagnostics).map(\.code)
        case .command(let line):
            return try codes(ofCommand: line)
        case .twiml, .none:
            return []
        }
    }

    /// Runs `flowc …` in a fresh copy of the example workspace and reads the codes it reports.
    static func codes(ofCommand line: String) throws -> [DiagnosticCode] {
        var words = line.split(separator: " ").map(String.init)
        try #require(words.first == "flowc", "a command example starts with flowc: \(line)")
        words.removeFirst()
        let folder = try TemporaryFolder()
        for (path, contents) in DiagnosticExample.workspace { try folder.write(path, contents) }
        let recording = try folder.write("recordings/call.wav", bytes: [])
        let handle = try FileHandle(forWritingTo: recording)
        try handle.truncate(atOffset: 65 * 1024 * 1024)  // sparse: no disk is used
        try handle.close()
        if words.first == "build" { words += ["--out", folder.url.appendingPathComponent("out").path] }
        let result = try FlowcBinary.run(words, in: folder.url)
        let text = result.stdout + result.stderr
        return text.matches(of: /\[(FLOW[0-9]{3})\]/).map { match in
            DiagnosticCatalog.code(String(match.1)) ?? .internalError
        }
    }
}
