import Foundation
import Testing

/// `.flowc.json`, `# flowc: ignore` and `--baseline`, end to end through the `flowc` binary
/// (Docs/Configuration.md): each setting changes what a run reports and how it exits.
@Suite struct ConfigurationTests {
    /// Two unused audio assets (FLOW224 warnings), on lines 3 and 4.
    static let twoUnused = """
        flow hello
          serve at "https://twiml.example.com/hello"
          audio spare = "https://cdn.example.com/a.mp3"
          audio other = "https://cdn.example.com/b.mp3"
          leg caller entry
            step start
              say "Hello."
              hangup

        """

    @Test func configurationIsFoundByWalkingUpFromTheInput() throws {
        let folder = try TemporaryFolder()
        try folder.write("project/.flowc.json", #"{ "strict": true }"#)
        try folder.write("project/flows/deep/hello.flow", Self.twoUnused)
        // Run from outside the project: the file is found from the input's folder, not the working directory.
        let result = try FlowcBinary.run(["check", "project/flows/deep/hello.flow"], in: folder.url)
        #expect(result.status == 1, "strict from the file makes the warnings fail: \(result.stderr)")
        #expect(result.stderr.contains("(warning, promoted by --strict)"))
        let off = try FlowcBinary.run(["check", "--no-strict", "project/flows/deep/hello.flow"], in: folder.url)
        #expect(off.status == 0, "--no-strict wins over the file: \(off.stderr)")
        let ignored = try FlowcBinary.run(["check", "--no-config", "project/flows/deep/hello.flow"], in: folder.url)
        #expect(ignored.status == 0)
    }

    @Test func defaultPathsAndOutputFolderAreTheFilesRelativeToItsFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write(".flowc.json", #"{ "paths": ["call-flows"], "out": "public/twiml" }"#)
        try folder.write("call-flows/hello.flow", SampleFlows.clean)
        let result = try FlowcBinary.run(["build"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("public/twiml/routes.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("build").path))
    }

    @Test func severityTableTurnsOffOrPromotesAWarningAndSaysWhy() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", Self.twoUnused)
        try folder.write(".flowc.json", #"{ "severity": { "FLOW224": "off" } }"#)
        let off = try FlowcBinary.run(["check"], in: folder.url)
        #expect(off.status == 0 && !off.stderr.contains("FLOW224"), "\(off.stderr)")
        #expect(off.stderr.contains("2 warnings turned off by the configuration"))

        try folder.write(".flowc.json", #"{ "severity": { "FLOW224": "error" } }"#)
        let promoted = try FlowcBinary.run(["check", "--format", "json"], in: folder.url)
        #expect(promoted.status == 1)
        #expect(promoted.stdout.contains(#""promotedBy": "severity in .flowc.json""#), "\(promoted.stdout)")
    }

    /// Every problem of the file is reported at its line and column, with exit code 2 and no run.
    @Test(arguments: [
        (#"{ "strict": true, }"#, "FLOW703", ":1:19:"),
        ("{\n  \"strikt\": true\n}", "FLOW704", ":2:3:"),
        (#"{ "strict": "yes" }"#, "FLOW705", ":1:13:"),
        (#"{ "errorLimit": -1 }"#, "FLOW705", ":1:17:"),
        (#"{ "severity": { "FLOW2244": "off" } }"#, "FLOW706", ":1:17:"),
        (#"{ "severity": { "FLOW201": "off" } }"#, "FLOW707", ":1:28:"),
        (#"{ "severity": { "FLOW224": "loud" } }"#, "FLOW705", ":1:28:"),
        ("[]", "FLOW705", ":1:1:"),
    ])
    func invalidConfigurationIsAUsageErrorWithALocation(_ text: String, _ code: String, _ location: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write(".flowc.json", text)
        let result = try FlowcBinary.run(["check"], in: folder.url)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(".flowc.json\(location) error:"), "\(result.stderr)")
        #expect(result.stderr.contains("[\(code)]"), "\(result.stderr)")
    }

    @Test func unknownKeyGetsASuggestion() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write(".flowc.json", #"{ "stirct": true }"#)
        let result = try FlowcBinary.run(["check"], in: folder.url)
        #expect(result.stderr.contains("did you mean 'strict'?"), "\(result.stderr)")
    }

    @Test func suppressionSilencesOneCodeOnOneLineOnly() throws {
        let folder = try TemporaryFolder()
        let text = Self.twoUnused.replacingOccurrences(
            of: "audio spare = \"https://cdn.example.com/a.mp3\"",
            with: "audio spare = \"https://cdn.example.com/a.mp3\"  # flowc: ignore FLOW224 -- kept for the next release")
        try folder.write("flows/hello.flow", text)
        let result = try FlowcBinary.run(["check", "--strict"], in: folder.url)
        #expect(result.status == 1, "line 4's FLOW224 is not suppressed: \(result.stderr)")
        #expect(!result.stderr.contains("hello.flow:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("hello.flow:4:9: error: audio 'other' is never used [FLOW224]"), "\(result.stderr)")
        #expect(result.stderr.contains("1 warning suppressed by comments"))
    }

    @Test func wholeLineSuppressionAppliesToTheNextLine() throws {
        let folder = try TemporaryFolder()
        let text = Self.twoUnused.replacingOccurrences(
            of: "  audio spare", with: "  # flowc: ignore FLOW224\n\n  audio spare")
            .replacingOccurrences(of: "  audio other", with: "  # flowc: ignore FLOW224\n  audio other")
        try folder.write("flows/hello.flow", text)
        let result = try FlowcBinary.run(["check", "--strict"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func unusedSuppressionIsReportedAtItsCode() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "flows/hello.flow",
            SampleFlows.clean.replacingOccurrences(of: "hangup", with: "hangup  # flowc: ignore FLOW224"))
        let result = try FlowcBinary.run(["check"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("hello.flow:5:31: warning:"), "\(result.stderr)")
        #expect(result.stderr.contains("[FLOW708]"))
        #expect(try FlowcBinary.run(["check", "--strict"], in: folder.url).status == 1)
    }

    @Test(arguments: [
        ("# flowc: ignroe FLOW224", "FLOW709", "did you mean 'ignore'?"),
        ("# flowc: ignore FLOW2244", "FLOW706", "did you mean 'FLOW224'?"),
        ("# flowc: ignore FLOW201", "FLOW707", "cannot be suppressed"),
        ("# flowc: ignore", "FLOW709", "names no code"),
    ])
    func malformedSuppressionIsAnError(_ comment: String, _ code: String, _ text: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean.replacingOccurrences(of: "hangup", with: "hangup  \(comment)"))
        let result = try FlowcBinary.run(["check"], in: folder.url)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("[\(code)]") && result.stderr.contains(text), "\(result.stderr)")
        #expect(result.stderr.contains("hello.flow:5:"), "at its line: \(result.stderr)")
    }

    @Test func aHashInAStringIsNoSuppression() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "flows/hello.flow",
            Self.twoUnused.replacingOccurrences(of: "say \"Hello.\"", with: "say \"Press # flowc: ignore FLOW224\""))
        let result = try FlowcBinary.run(["check"], in: folder.url)
        #expect(!result.stderr.contains("FLOW70"), "\(result.stderr)")
    }

    @Test func baselineReportsOnlyNewFindingsAndSurvivesLineShifts() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", Self.twoUnused)
        let record = try FlowcBinary.run(["check", "--strict", "--write-baseline", "baseline.json"], in: folder.url)
        #expect(record.status == 0, "recording is not failing: \(record.stderr)")
        let baseline = try folder.read("baseline.json")
        #expect(baseline.contains(#""path": "flows/hello.flow""#) && baseline.contains("'spare'"), "\(baseline)")
        #expect(!baseline.contains("\"line\""), "keyed without lines: \(baseline)")

        // Lines shift (a comment and a blank line above), and one new unused asset appears.
        let shifted = Self.twoUnused
            .replacingOccurrences(of: "flow hello\n", with: "# the hello line\n\nflow hello\n")
            .replacingOccurrences(of: "  leg caller", with: "  audio third = \"https://cdn.example.com/c.mp3\"\n  leg caller")
        try folder.write("flows/hello.flow", shifted)
        let result = try FlowcBinary.run(["check", "--strict", "--baseline", "baseline.json"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("audio 'third' is never used"), "\(result.stderr)")
        #expect(!result.stderr.contains("'spare'") && !result.stderr.contains("'other'"), "\(result.stderr)")
        #expect(result.stderr.contains("2 warnings in the baseline"), "\(result.stderr)")

        // The same baseline from another working directory, through the configuration file.
        try folder.write("flows/.flowc.json", #"{ "baseline": "../baseline.json", "strict": true }"#)
        try folder.write("flows/hello.flow", Self.twoUnused)
        let elsewhere = try FlowcBinary.run(["check", "hello.flow"], in: folder.url.appendingPathComponent("flows"))
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    }

    @Test func invalidBaselineIsAUsageError() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write("baseline.json", #"{ "version": 7, "findings": [] }"#)
        let result = try FlowcBinary.run(["check", "--baseline", "baseline.json"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("baseline.json:1:14: error:") && result.stderr.contains("[FLOW710]"), "\(result.stderr)")
        let missing = try FlowcBinary.run(["check", "--baseline", "nowhere.json"], in: folder.url)
        #expect(missing.status == 2 && missing.stderr.contains("FLOW001"), "\(missing.stderr)")
    }

    /// The plugin runs `flowc build` with absolute paths; the configuration beside the flows applies there too.
    @Test func buildWithAbsolutePathsUsesTheConfigurationBesideTheFlows() throws {
        let folder = try TemporaryFolder()
        try folder.write("Sources/App/.flowc.json", #"{ "severity": { "FLOW224": "error" } }"#)
        let flow = try folder.write("Sources/App/hello.flow", Self.twoUnused)
        let out = folder.url.appendingPathComponent("out").path
        let result = try FlowcBinary.run(["build", flow.path, "--out", out])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/routes.json"), "a failed build writes nothing")
    }
}
