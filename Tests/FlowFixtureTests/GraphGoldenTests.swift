import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// `flowc graph` output for every bundled flow, byte for byte against `Fixtures/graph/<flow>.dot` and
/// `.mmd`; the DOT rendered by Graphviz; the Mermaid read by `MermaidFlowchartCheck`.
/// `FLOWC_BLESS=1 swift test --filter GraphGoldenTests` rewrites the goldens in the source tree; read the
/// diff before committing it.
@Suite struct GraphGoldenTests {
    static let goldens = SourceTree.testsFolder.appendingPathComponent("Fixtures/graph")

    /// Every flow of `flows/`, resolved together as `flowc check` resolves them.
    static let bundled: [Flow] = {
        let sources = SourceTree.flowSources(
            in: SourceTree.repositoryRoot.appendingPathComponent("flows"), displayPrefix: "flows/")
        return Compiler.check(sources: sources).program.flows
    }()

    static let names = bundled.map(\.name)

    static func fileExtension(_ format: GraphFormat) -> String {
        switch format {
        case .dot: "dot"
        case .mermaid: "mmd"
        }
    }

    static func graph(_ name: String) throws -> FlowGraph {
        FlowGraph(flow: try #require(bundled.first { $0.name == name }))
    }

    @Test func bundledFlowsCheckWithoutErrors() {
        let sources = SourceTree.flowSources(
            in: SourceTree.repositoryRoot.appendingPathComponent("flows"), displayPrefix: "flows/")
        let result = Compiler.check(sources: sources)
        #expect(!result.hasErrors(strict: false), "\(TestBuild.describe(result.diagnostics))")
        #expect(Self.names.count >= 3)
    }

    @Test(arguments: names, GraphFormat.allCases)
    func matchesTheGolden(_ name: String, _ format: GraphFormat) throws {
        let text = format.render(try Self.graph(name))
        let file = "\(name).\(Self.fileExtension(format))"
        let url = Self.goldens.appendingPathComponent(file)
        if SourceTree.isBlessing {
            try FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Fixtures/graph/\(file) is missing (run with FLOWC_BLESS=1)")
            return
        }
        let golden = String(decoding: expected, as: UTF8.self)
        if text != golden {
            let diff = LineDiff.unified(expected: golden, actual: text, path: file)
            Issue.record("\(file) differs (FLOWC_BLESS=1 rewrites it):\n\(diff)")
        }
    }

    /// A golden without a bundled flow is left over from a renamed or removed flow.
    @Test func everyGoldenHasABundledFlow() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path).sorted()
        let expected = Self.names.flatMap { name in GraphFormat.allCases.map { "\(name).\(Self.fileExtension($0))" } }
        #expect(files == expected.sorted())
    }

    @Test(arguments: names)
    func mermaidIsInTheCheckedSubset(_ name: String) throws {
        let text = MermaidRenderer.render(try Self.graph(name))
        #expect(MermaidFlowchartCheck.problems(in: text) == [], "\(text)")
    }

    @Test(.enabled(if: Graphviz.isAvailableOrRequired), arguments: names)
    func dotRendersWithGraphviz(_ name: String) throws {
        let graph = try Self.graph(name)
        let svg = try Graphviz.svg(DOTRenderer.render(graph))
        #expect(svg.contains("<title>\(name)</title>"))
        for node in graph.nodes where node.kind == .step(isTerminal: false) || node.kind == .step(isTerminal: true) {
            #expect(svg.contains(">\(node.title)</text>"), "\(node.id) is not drawn")
        }
    }

    /// The README's picture (`flowc graph flows/support_line.flow | dot -Tsvg > Docs/support_line.svg`)
    /// draws every node and edge of today's graph. Coordinates are not compared: they depend on the
    /// Graphviz version and the fonts installed.
    @Test func readmePictureIsCurrent() throws {
        let url = SourceTree.repositoryRoot.appendingPathComponent("Docs/support_line.svg")
        let svg = String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
        let graph = try Self.graph("support_line")
        let titles = svg.components(separatedBy: "<title>").dropFirst().compactMap {
            $0.components(separatedBy: "</title>").first
        }
        let expected =
            [graph.name] + graph.clusters.map { Self.xmlEscaped("cluster_\($0.id)") }
            + graph.nodes.map { Self.xmlEscaped($0.id) }
            + graph.edges.map { Self.xmlEscaped($0.from) + "&#45;&gt;" + Self.xmlEscaped($0.to) }
        #expect(titles.sorted() == expected.sorted(), "regenerate Docs/support_line.svg as the README says")
    }

    /// The README's ```mermaid block is today's picture of flows/sales_line.flow.
    @Test func readmeMermaidIsCurrent() throws {
        let readme = try String(
            contentsOf: SourceTree.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```mermaid\n").dropFirst().first)
        let text = try #require(block.components(separatedBy: "```\n").first)
        #expect(text == MermaidRenderer.render(try Self.graph("sales_line")))
    }

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "-", with: "&#45;")
    }
}

/// Runs Graphviz's `dot`. Found on `PATH`; when `CI` is set its absence is a failure, since CI installs
/// it (.ci/run), and elsewhere the tests that need it are skipped.
enum Graphviz {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("dot") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var isAvailableOrRequired: Bool {
        executable != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The SVG `dot -Tsvg` draws from `source`; throws when `dot` is missing, fails, or warns.
    static func svg(_ source: String) throws -> String {
        guard let executable else {
            throw Failure(description: "Graphviz 'dot' is not on PATH (CI installs it: apt-get install graphviz)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("graph.dot")
        let output = folder.appendingPathComponent("graph.svg")
        let messages = folder.appendingPathComponent("stderr.txt")
        try Data(source.utf8).write(to: input)
        FileManager.default.createFile(atPath: messages.path, contents: nil)
        // Files rather than pipes, so that no amount of output can block `dot` on a full pipe.
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-Tsvg", input.path, "-o", output.path]
        process.standardError = try FileHandle(forWritingTo: messages)
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: try Data(contentsOf: messages), as: UTF8.self)
        guard process.terminationStatus == 0, stderr.isEmpty else {
            throw Failure(description: "dot exited with \(process.terminationStatus): \(stderr)")
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
