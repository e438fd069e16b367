import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// `flowc graph` end to end: the picture on standard output, diagnostics and refusals on standard error,
/// and the exit codes.
@Suite struct GraphCommandTests {
    static let twoFlows = """
        flow beta
          leg caller entry
            step start
              hangup
        flow alpha
          leg caller entry
            step start
              say "Hi."
              hangup

        """

    @Test func drawsABundledFlowAsTheLibraryRendersIt() throws {
        let result = try FlowcBinary.run(["graph", "flows/support_line.flow"], in: BundledFlowsTests.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let check = Compiler.check(paths: [
            BundledFlowsTests.repository.appendingPathComponent("flows/support_line.flow").path
        ])
        let flow = try #require(check.program.flow(named: "support_line"))
        #expect(result.stdout == DOTRenderer.render(FlowGraph(flow: flow)))
    }

    @Test func mermaidFormat() throws {
        let result = try FlowcBinary.run(
            ["graph", "flows/front_desk.flow", "--format", "mermaid"], in: BundledFlowsTests.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("flowchart TD\n"))
        #expect(result.stdout.contains("-.->|\"hold-caller\"|"))
    }

    @Test func severalFlowsNeedFlowAndNamesAreListed() throws {
        let folder = try TemporaryFolder()
        try folder.write("two.flow", Self.twoFlows)
        let ambiguous = try FlowcBinary.run(["graph", "two.flow"], in: folder.url)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stdout.isEmpty)
        #expect(
            ambiguous.stderr == "error: two.flow: the input declares 2 flows; choose one with --flow: alpha, beta\n")

        let unknown = try FlowcBinary.run(["graph", "two.flow", "--flow", "gamma"], in: folder.url)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: two.flow: no flow named 'gamma'; the input declares: alpha, beta\n")

        let chosen = try FlowcBinary.run(
            ["graph", "two.flow", "--flow", "alpha", "--format", "mermaid"], in: folder.url)
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("say #quot;Hi.#quot;"))
        #expect(!chosen.stdout.contains("beta"))
    }

    @Test func aFileWithErrorsPrintsItsDiagnosticsAndNoPicture() throws {
        let folder = try TemporaryFolder()
        try folder.write("broken.flow", "flow broken\n  leg caller entry\n    step start\n      go -> nowhere\n")
        let result = try FlowcBinary.run(["graph", "broken.flow", "--color", "never"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("broken.flow:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("error:"))
    }

    @Test func warningsArePrintedAndThePictureIsDrawn() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "warn.flow",
            "flow warn\n  audio unused = \"https://cdn.example.com/a.mp3\"\n"
                + "  leg caller entry\n    step start\n      hangup\n")
        let result = try FlowcBinary.run(["graph", "warn.flow", "--color", "never"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning:"), "\(result.stderr)")
        #expect(result.stdout.hasPrefix("digraph \"warn\" {\n"))
    }

    @Test func missingFileAndBadFormatAreUsageErrors() throws {
        let folder = try TemporaryFolder()
        let missing = try FlowcBinary.run(["graph", "missing.flow"], in: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        try folder.write("one.flow", "flow one\n  leg caller entry\n    step start\n      hangup\n")
        let badFormat = try FlowcBinary.run(["graph", "one.flow", "--format", "png"], in: folder.url)
        #expect(badFormat.status == 2)
        let noFile = try FlowcBinary.run(["graph"], in: folder.url)
        #expect(noFile.status == 2)
    }

    @Test func emptyFileHasNoFlowToDraw() throws {
        let folder = try TemporaryFolder()
        try folder.write("empty.flow", "")
        let result = try FlowcBinary.run(["graph", "empty.flow"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "error: empty.flow: the input declares no flow\n")
    }

    @Test func helpDescribesTheExitCodes() throws {
        let result = try FlowcBinary.run(["graph", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes"))
    }
}
