import Foundation
import Testing

/// `flowc fmt -`: standard input to standard output, as an editor's format-on-save runs it.
@Suite struct FmtStandardInputTests {
    @Test func formatsStandardInputToStandardOutput() throws {
        let folder = try TemporaryFolder()
        let result = try FlowcBinary.run(["fmt", "-"], in: folder.url, input: Data(SampleFlows.unformatted.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == SampleFlows.clean)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing is written")
    }

    @Test func aSyntaxErrorWritesNothingToStandardOutputAndExitsOne() throws {
        let broken = "flow hello\n  leg caller entry\n    step start\n      say \"unterminated\n      hangup\n"
        let result = try FlowcBinary.run(["fmt", "-"], input: Data(broken.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "an editor must never receive a refused file as its new text")
        #expect(result.stderr.contains("<stdin>:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("FLOW006"), "\(result.stderr)")
    }

    @Test func checkReportsWhetherStandardInputWouldChange() throws {
        let changed = try FlowcBinary.run(["fmt", "--check", "-"], input: Data(SampleFlows.unformatted.utf8))
        #expect(changed.status == 1)
        #expect(changed.stdout == "would reformat <stdin>\n")
        let unchanged = try FlowcBinary.run(["fmt", "--check", "-"], input: Data(SampleFlows.clean.utf8))
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.isEmpty)
    }

    @Test func invalidUTF8IsReportedAtItsByte() throws {
        var bytes = Array("flow hello\n  leg caller entry\n    step start\n      say \"caf".utf8)
        bytes += [0xE9] + Array("\"\n      hangup\n".utf8)
        let result = try FlowcBinary.run(["fmt", "-"], input: Data(bytes))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("FLOW002"), "\(result.stderr)")
    }

    @Test func dashWithOtherPathsIsAUsageError() throws {
        let result = try FlowcBinary.run(["fmt", "-", "flows"], input: Data())
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard input"), "\(result.stderr)")
    }

    @Test func emptyInputFormatsToEmptyOutput() throws {
        let result = try FlowcBinary.run(["fmt", "-"], input: Data("\n\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
