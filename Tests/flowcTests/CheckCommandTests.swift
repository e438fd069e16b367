import Foundation
import Testing

/// `flowc check` end to end: exit codes, output formats, and inputs that are not flows at all.
@Suite struct CheckCommandTests {
    @Test func cleanFlowExitsZeroAndPrintsNothing() throws {
        let result = try check(SampleFlows.clean)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    }

    @Test func flowWithAnErrorExitsOneAndNamesTheFileAsGiven() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.withError)
        let result = try FlowcBinary.run(["check", "flows"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("flows/hello.flow:5:"), "\(result.stderr)")
        #expect(result.stderr.contains("error:"))
        #expect(!result.stderr.contains(folder.url.path), "a relative path must stay relative")
    }

    @Test func missingPathExitsTwo() throws {
        let folder = try TemporaryFolder()
        let result = try FlowcBinary.run(["check", "nowhere.flow"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("FLOW001") && result.stderr.contains("'nowhere.flow'"), "\(result.stderr)")
    }

    @Test func missingFolderExitsTwo() throws {
        let folder = try TemporaryFolder()
        let result = try FlowcBinary.run(["check", "no/such/folder/"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("FLOW001"), "\(result.stderr)")
    }

    @Test func folderWithoutFlowFilesExitsTwo() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes/readme.txt", "not a flow\n")
        let result = try FlowcBinary.run(["check", "notes"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("FLOW010"), "\(result.stderr)")
    }

    @Test func unknownOptionExitsTwo() throws {
        let result = try FlowcBinary.run(["check", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-option"))
    }

    @Test func unknownFormatExitsTwo() throws {
        let result = try FlowcBinary.run(["check", "--format", "xml"])
        #expect(result.status == 2)
    }

    @Test func noPathChecksTheFlowsFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/support/hello.flow", SampleFlows.clean)
        let clean = try FlowcBinary.run(["check"], in: folder.url)
        #expect(clean.status == 0, "\(clean.stderr)")

        try folder.write("flows/broken.flow", SampleFlows.withError)
        let broken = try FlowcBinary.run(["check"], in: folder.url)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("flows/broken.flow:"), "\(broken.stderr)")
    }

    @Test func noPathAndNoFlowsFolderExitsTwo() throws {
        let folder = try TemporaryFolder()
        let result = try FlowcBinary.run(["check"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'flows'"), "\(result.stderr)")
    }

    @Test func warningPassesUnlessStrict() throws {
        let lenient = try check(SampleFlows.withWarning)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning:"), "\(lenient.stderr)")

        let strict = try check(SampleFlows.withWarning, ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error:"), "\(strict.stderr)")
    }

    @Test func binaryNoiseIsReportedNotCrashedOn() throws {
        let folder = try TemporaryFolder()
        var generator = SeededGenerator(seed: 0x5EED)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try folder.write("noise.flow", bytes: noise)
        let result = try FlowcBinary.run(["check", "--format", "json", "noise.flow"], in: folder.url)
        #expect(result.status == 1)
        let document = try jsonDocument(result.stdout)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "FLOW002" })
    }

    // MARK: - Formats

    @Test func jsonIsParseableAndGoesToStandardOutput() throws {
        let result = try check(SampleFlows.withError, ["--format", "json"])
        #expect(result.status == 1)
        let document = try jsonDocument(result.stdout)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0["path"] as? String == "hello.flow" })
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonOfACleanRunIsStillADocument() throws {
        let result = try check(SampleFlows.clean, ["--format", "json"])
        #expect(result.status == 0)
        let document = try jsonDocument(result.stdout)
        #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func sarifIsVersion210() throws {
        let result = try check(SampleFlows.withError, ["--format", "sarif"])
        #expect(result.status == 1)
        let document = try jsonDocument(result.stdout)
        #expect(document["version"] as? String == "2.1.0")
        let runs = try #require(document["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [Any])
        #expect(!results.isEmpty)
    }

    @Test func githubLinesAreWorkflowCommands() throws {
        let result = try check(SampleFlows.withError, ["--format", "github"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("::") }, "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("::error file=hello.flow") })
    }

    @Test func textHasNoColourWhenNotATerminal() throws {
        let plain = try check(SampleFlows.withError)
        #expect(!plain.stderr.contains("\u{1B}["))
        let forced = try check(SampleFlows.withError, ["--color", "always"])
        #expect(forced.stderr.contains("\u{1B}["))
    }
}

/// Runs `flowc check ARGUMENTS hello.flow` in a fresh folder holding `flow` as `hello.flow`.
func check(_ flow: String, _ arguments: [String] = []) throws -> FlowcBinary.Result {
    let folder = try TemporaryFolder()
    try folder.write("hello.flow", flow)
    return try FlowcBinary.run(["check"] + arguments + ["hello.flow"], in: folder.url)
}

/// The JSON object a machine format printed; fails the test when the output is not one.
func jsonDocument(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
}

/// A small deterministic generator (SplitMix64), so that the noise test reads the same bytes every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
