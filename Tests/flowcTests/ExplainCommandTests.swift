import FlowDiagnostics
import Testing

/// `flowc explain` end to end.
@Suite struct ExplainCommandTests {
    @Test func knownCodePrintsTitleExplanationAndExamples() throws {
        let result = try FlowcBinary.run(["explain", "FLOW002"])
        #expect(result.status == 0)
        let entry = try #require(DiagnosticCatalog.entry(for: .invalidUTF8))
        #expect(result.stdout.hasPrefix("FLOW002: \(entry.title)"))
        #expect(result.stdout.contains("Wrong (.flow file saved as Latin-1):") && result.stdout.contains("Right (.flow file):"))
        for line in entry.rightExample.split(separator: "\n") { #expect(result.stdout.contains(line)) }
    }

    @Test func codeMayBeLowercaseOrANumber() throws {
        #expect(try FlowcBinary.run(["explain", "flow010"]).stdout.hasPrefix("FLOW010:"))
        #expect(try FlowcBinary.run(["explain", "10"]).stdout.hasPrefix("FLOW010:"))
    }

    @Test func unknownCodeExitsTwoWithASuggestion() throws {
        let result = try FlowcBinary.run(["explain", "FLOW0111"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown diagnostic code 'FLOW0111'"))
        #expect(result.stderr.contains("did you mean 'FLOW011'"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func allListsEveryCodeOncePerLine() throws {
        let result = try FlowcBinary.run(["explain", "--all"])
        #expect(result.status == 0)
        let codes = result.stdout.split(separator: "\n").map { String($0.prefix(7)) }
        #expect(codes == DiagnosticCatalog.all.map(\.code.rawValue).sorted())
    }

    @Test func neitherCodeNorAllIsAUsageError() throws {
        #expect(try FlowcBinary.run(["explain"]).status == 2)
        #expect(try FlowcBinary.run(["explain", "--all", "FLOW001"]).status == 2)
    }
}
