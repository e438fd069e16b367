import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Golden tests of `flowc build`: each compile fixture (`Fixtures/compile/<case>/*.flow`, built with the
/// options of its `options.txt`) and the bundled flows (`flows/`) against their committed output trees,
/// byte for byte. `FLOWC_BLESS=1 swift test --filter BuildGoldenTests` rewrites the goldens; read every
/// blessed file against Docs/Twilio.md before committing it.
@Suite struct BuildGoldenTests {
    static let cases = SourceTree.subfolders(of: SourceTree.compileFixtures)

    @Test func thereAreEnoughCompileCases() {
        #expect(Self.cases.count >= 8, "\(Self.cases)")
    }

    @Test(arguments: cases)
    func compileFixture(_ name: String) throws {
        let folder = SourceTree.compileFixtures.appendingPathComponent(name)
        let sources = SourceTree.flowSources(in: folder, displayPrefix: "")
        try #require(!sources.isEmpty, "no .flow file in \(name)")
        let urls = Self.urlStyle(of: folder)
        let result = TestBuild.build(sources, urls: urls)
        #expect(!result.hasErrors(strict: false), "\(TestBuild.describe(result.diagnostics))")
        for problem in GoldenTree.compare(TestBuild.tree(result), with: folder.appendingPathComponent("expected")) {
            Issue.record("\(name): \(problem)")
        }
        let reversed = TestBuild.build(sources.reversed(), urls: urls)
        #expect(TestBuild.tree(reversed) == TestBuild.tree(result), "output depends on the order of the input files")
    }

    @Test func bundledFlows() throws {
        let folder = SourceTree.repositoryRoot.appendingPathComponent("flows")
        let sources = SourceTree.flowSources(in: folder, displayPrefix: "flows/")
        try #require(sources.count >= 3)
        let result = TestBuild.build(sources)
        #expect(!result.hasErrors(strict: true), "\(TestBuild.describe(result.diagnostics))")
        for problem in GoldenTree.compare(TestBuild.tree(result), with: SourceTree.flowsExpected) {
            Issue.record("flows: \(problem)")
        }
    }

    /// `urls=absolute` in the case's `options.txt` builds with absolute URLs.
    private static func urlStyle(of folder: URL) -> URLStyle {
        let options = (try? String(contentsOf: folder.appendingPathComponent("options.txt"), encoding: .utf8)) ?? ""
        return options.contains("urls=absolute") ? .absolute : .relative
    }
}
