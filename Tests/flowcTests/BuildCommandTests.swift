import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `flowc build` end to end, in temporary folders: what is written, what is kept, what is removed, and
/// that a failed or killed build leaves the previous output usable.
@Suite struct BuildCommandTests {
    /// The repository, found from this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every regular file below `folder` (flowc's inventory included), by relative path.
    private func tree(_ folder: URL) -> [String: Data] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        var files: [String: Data] = [:]
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    private func build(_ arguments: [String], in folder: TemporaryFolder) throws -> FlowcBinary.Result {
        try FlowcBinary.run(["build"] + arguments, in: folder.url)
    }

    @Test func buildsTheBundledFlowsExactlyAsTheGoldens() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("twiml")
        let result = try FlowcBinary.run(["build", "flows", "--out", out.path], in: Self.repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = tree(Self.repositoryRoot.appendingPathComponent("Tests/FlowFixtureTests/Fixtures/flows-expected"))
        // The summary counts every file it writes, routes.json included.
        let documents = golden.count
        let flows = Set(golden.keys.filter { $0.hasSuffix(".xml") }.map { $0.prefix { $0 != "/" } }).count
        #expect(flows >= 4 && documents > 30)
        #expect(
            result.stdout
                == "built \(flows) flows: \(documents) documents (\(documents) written, 0 unchanged, 0 removed) in \(out.path)\n")
        var built = tree(out)
        #expect(built.removeValue(forKey: OutputInventory.fileName) != nil)
        #expect(built == golden, "the CLI must write what the golden test checks")
    }

    @Test func defaultsToFlowsIntoBuildTwiml() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        let result = try build([], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "built 1 flow: 2 documents (2 written, 0 unchanged, 0 removed) in build/twiml\n")
        let xml = try folder.read("build/twiml/hello/legs/caller/start.xml")
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#) && xml.contains("<Hangup/>"))
        #expect(try folder.read("build/twiml/routes.json").contains("\"/hello/legs/caller/start.xml\""))
    }

    @Test func rebuildKeepsModificationTimesAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        #expect(try build([], in: folder).status == 0)
        let path = "build/twiml/hello/legs/caller/start.xml"
        let before = try folder.modificationDate(path)
        Thread.sleep(forTimeInterval: 1.1)
        let again = try build([], in: folder)
        #expect(again.status == 0)
        #expect(again.stdout.contains("(0 written, 2 unchanged, 0 removed)"), "\(again.stdout)")
        #expect(try folder.modificationDate(path) == before)
    }

    @Test func changedFlowRewritesOnlyWhatChangedAndRemovesStaleFiles() throws {
        let folder = try TemporaryFolder()
        let twoSteps = "flow hello\n  leg caller entry\n    step start\n      go -> bye\n    step bye\n      hangup\n"
        try folder.write("flows/hello.flow", twoSteps)
        try folder.write("flows/other.flow", "flow other\n  leg caller entry\n    step start\n      hangup\n")
        #expect(try build([], in: folder).status == 0)
        try folder.write("build/twiml/README.txt", "mine\n")
        let byeBefore = try folder.modificationDate("build/twiml/hello/legs/caller/bye.xml")
        Thread.sleep(forTimeInterval: 1.1)

        try folder.write(
            "flows/hello.flow", twoSteps.replacingOccurrences(of: "go -> bye", with: "say \"Hi.\"\n      go -> bye"))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("flows/other.flow"))
        let result = try build([], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 documents (2 written, 1 unchanged, 1 removed)"), "\(result.stdout)")
        #expect(try folder.read("build/twiml/hello/legs/caller/start.xml").contains("<Say>Hi.</Say>"))
        #expect(try folder.modificationDate("build/twiml/hello/legs/caller/bye.xml") == byeBefore)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("build/twiml/other").path))
        #expect(try folder.read("build/twiml/README.txt") == "mine\n", "files flowc did not write are kept")
    }

    @Test func buildWithErrorsExitsOneAndLeavesThePreviousOutputUntouched() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        #expect(try build([], in: folder).status == 0)
        let out = folder.url.appendingPathComponent("build/twiml")
        let before = tree(out)
        let mtime = try folder.modificationDate("build/twiml/routes.json")

        try folder.write("flows/hello.flow", SampleFlows.withError)
        let result = try build([], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error:") && result.stdout.isEmpty, "\(result.stdout)")
        #expect(tree(out) == before)
        #expect(try folder.modificationDate("build/twiml/routes.json") == mtime)
    }

    @Test func aTwiMLLimitFailsTheBuildAtTheFlowLine() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "flows/bell.flow", "flow bell\n  leg caller entry\n    step start\n      say \"a\\u{1}b\"\n      hangup\n")
        let result = try build(["--out", "out"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("flows/bell.flow:4:11: error:") && result.stderr.contains("[FLOW406]"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }

    @Test func strictRefusesABuildWithAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.withWarning)
        #expect(try build(["--out", "relaxed"], in: folder).status == 0)
        let strict = try build(["--strict", "--out", "strict"], in: folder)
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("strict").path))
    }

    @Test func dryRunReportsWithoutWriting() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        let result = try build(["--dry-run"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == "would write hello/legs/caller/start.xml\nwould write routes.json\n"
                + "would build 1 flow: 2 documents (2 to write, 0 unchanged, 0 to remove) in build/twiml\n")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("build").path))
    }

    @Test func absoluteURLsComeFromServeAt() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.withWarning)
        #expect(try build(["--urls", "absolute"], in: folder).status == 0)
        let xml = try folder.read("build/twiml/hello/legs/caller/start.xml")
        #expect(xml.contains(#"waitUrl"#) == false && xml.contains("<Conference>desk</Conference>"), "\(xml)")
        try folder.write("flows/plain.flow", SampleFlows.clean.replacingOccurrences(of: "hello", with: "plain"))
        let result = try build(["--urls", "absolute"], in: folder)
        #expect(result.status == 1 && result.stderr.contains("FLOW412"), "\(result.stderr)")
    }

    @Test func jsonFormatKeepsStandardOutputForTheDocument() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        let result = try build(["--format", "json"], in: folder)
        #expect(result.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(result.stdout)")
        #expect(result.stderr.hasPrefix("built 1 flow:"))
    }

    @Test func unwritableOutputExitsTwo() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write("taken", "a file, not a folder\n")
        let result = try build(["--out", "taken"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a directory"), "\(result.stderr)")
    }

    /// SIGKILL a build of many documents at several moments: the output folder is always one whole build,
    /// the old one or the new one, and the next build recovers.
    @Test func aKilledBuildLeavesAWholeTree() throws {
        let folder = try TemporaryFolder()
        let flows = (0..<120).map { index in
            "flow f\(index)\n  leg caller entry\n"
                + (0..<8).map { "    step s\($0)\n      say \"Step \($0).\"\n      hangup\n" }.joined()
        }
        try folder.write("flows/many.flow", flows.joined())
        #expect(try build([], in: folder).status == 0)
        let out = folder.url.appendingPathComponent("build/twiml")
        let old = tree(out)
        try folder.write("flows/many.flow", flows.joined().replacingOccurrences(of: "Step", with: "Stage"))
        for delay in [0.0, 0.05, 0.1, 0.2, 0.4] {
            let process = Process()
            process.executableURL = FlowcBinary.url
            process.arguments = ["build"]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = tree(out)
            #expect(
                now == old
                    || now["f0/legs/caller/s0.xml"].map { String(decoding: $0, as: UTF8.self).contains("Stage") }
                        == true
            )
            if now != old {
                let result = try build(["--dry-run"], in: folder)
                #expect(
                    result.stdout.contains("(0 to write"),
                    "a swapped tree must be the whole new build: \(result.stdout)")
                break
            }
        }
        let finish = try build([], in: folder)
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(try folder.read("build/twiml/f119/legs/caller/s7.xml").contains("Stage 7."))
        let siblings = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("build").path)
        #expect(siblings == ["twiml"], "orphaned staging trees are cleaned up: \(siblings)")
    }
}
