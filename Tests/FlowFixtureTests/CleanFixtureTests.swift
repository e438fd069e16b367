import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// The passing half of the continuation checker's fixtures: each file of `Fixtures/clean/` is a correct flow
/// that looks like a broken one of `Fixtures/diagnostics/` and fixes it. It must build under `--strict` with
/// no diagnostic of any severity, notes included, and produce its files (so lowering, TwiML validation and
/// the checker all ran on it).
///
/// A clean fixture's name starts with the code of the rule it passes (`FLOW301-…`), and its first comment
/// line names the broken fixture it fixes: `# Fixed twin of FLOW301-hold-….` (several, joined by `and`).
@Suite struct CleanFixtureTests {
    static let folder = FixtureDiscovery.root.appendingPathComponent("clean")
    static let brokenFolder = FixtureDiscovery.root.appendingPathComponent("diagnostics")

    static let fixtureNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".flow") }.sorted()
    }()

    /// The FLOW3xx rules a `.flow` file can trigger. The others (FLOW302, 305, 306, 308, 312, 313) are
    /// prevented by code generation and are tested on hand-built documents in `ContinuationRuleTests`.
    static let rulesTriggeredBySource = ["FLOW301", "FLOW303", "FLOW304", "FLOW307", "FLOW309", "FLOW310", "FLOW311", "FLOW314", "FLOW317"]

    @Test(arguments: fixtureNames)
    func buildsWithNoDiagnosticUnderStrict(_ name: String) {
        let url = Self.folder.appendingPathComponent(name)
        let result = Compiler.build(paths: [url.path], options: BuildOptions(strict: true))
        #expect(result.diagnostics.isEmpty, "\(name):\n\(render(result))")
        #expect(result.manifest != nil, "\(name) produced no route manifest")
        #expect(result.files.contains { $0.path.hasSuffix(".xml") }, "\(name) produced no document")
    }

    @Test(arguments: fixtureNames)
    func fixesABrokenTwinOfItsRule(_ name: String) throws {
        let code = String(name.prefix(7))
        #expect(Self.rulesTriggeredBySource.contains(code), "\(name) should start with the FLOW3xx code it passes")
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let twins = Self.twins(named: text)
        #expect(!twins.isEmpty, "\(name): the first line should be '# Fixed twin of FLOW3NN-….'")
        for twin in twins {
            let url = Self.brokenFolder.appendingPathComponent(twin + ".flow")
            #expect(FileManager.default.fileExists(atPath: url.path), "\(name): no fixture \(twin).flow in diagnostics/")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let codes = Compiler.build(paths: [url.path]).diagnostics.map(\.code.rawValue)
            #expect(codes.contains(code), "\(name): its twin \(twin) does not report \(code), but \(codes)")
        }
    }

    @Test(arguments: rulesTriggeredBySource)
    func everyRuleHasAFailingAndAPassingFixture(_ code: String) throws {
        let broken = try FileManager.default.contentsOfDirectory(atPath: Self.brokenFolder.path)
        #expect(broken.contains { $0.hasPrefix(code) }, "no failing fixture for \(code)")
        #expect(Self.fixtureNames.contains { $0.hasPrefix(code) }, "no passing fixture for \(code)")
    }

    @Test func twinNamesAreReadFromTheFirstLine() {
        #expect(Self.twins(named: "# Fixed twin of FLOW310-a and FLOW310-b-c: text\nflow x\n") == ["FLOW310-a", "FLOW310-b-c"])
        #expect(Self.twins(named: "# Fixed twin of FLOW301-hold-x: the caller\n") == ["FLOW301-hold-x"])
        #expect(Self.twins(named: "# A comment\n# Fixed twin of FLOW301-x\n").isEmpty)
    }

    /// The broken fixtures named on the first line, `# Fixed twin of NAME[ and NAME]…`.
    static func twins(named text: String) -> [String] {
        let first = text.prefix { $0 != "\n" }
        guard let match = first.firstMatch(of: /^# Fixed twin of (.*)$/) else { return [] }
        return match.1.matches(of: /FLOW3[0-9]{2}(?:-[A-Za-z0-9]+)+/).map { String($0.output) }
    }

    private func render(_ result: BuildResult) -> String {
        DiagnosticRenderer.render(
            result.diagnostics, sources: DiagnosticRenderer.sources(result.compilation.sources),
            options: DiagnosticRenderOptions())
    }
}
