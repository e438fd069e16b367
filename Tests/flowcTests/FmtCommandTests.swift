import Foundation
import Testing

/// `flowc fmt` end to end: what is rewritten, what is left alone, and when.
@Suite struct FmtCommandTests {
    @Test func checkNamesAnUnformattedFileExitsOneAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.unformatted)
        let before = try folder.modificationDate("flows/hello.flow")
        let result = try FlowcBinary.run(["fmt", "--check"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("flows/hello.flow"), "\(result.stdout)")
        #expect(try folder.read("flows/hello.flow") == SampleFlows.unformatted)
        #expect(try folder.modificationDate("flows/hello.flow") == before)
    }

    @Test func checkPassesOnAFormattedFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("hello.flow", SampleFlows.clean)
        let result = try FlowcBinary.run(["fmt", "--check", "hello.flow"], in: folder.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func rewritesOnceThenLeavesTheFileAlone() throws {
        let folder = try TemporaryFolder()
        try folder.write("hello.flow", SampleFlows.unformatted)
        let first = try FlowcBinary.run(["fmt", "hello.flow"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("hello.flow"))
        #expect(try folder.read("hello.flow") == SampleFlows.clean)

        let rewritten = try folder.modificationDate("hello.flow")
        let second = try FlowcBinary.run(["fmt", "hello.flow"], in: folder.url)
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty)
        #expect(try folder.modificationDate("hello.flow") == rewritten)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(leftovers == ["hello.flow"], "no temporary file may be left behind")
    }

    @Test func keepsTheFilePermissions() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("hello.flow", SampleFlows.unformatted)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let result = try FlowcBinary.run(["fmt", "hello.flow"], in: folder.url)
        #expect(result.status == 0)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test func rewritesThroughASymbolicLinkAndKeepsTheLink() throws {
        let folder = try TemporaryFolder()
        try folder.write("real/hello.flow", SampleFlows.unformatted)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("link.flow").path, withDestinationPath: "real/hello.flow")
        let result = try FlowcBinary.run(["fmt", "link.flow"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folder.read("real/hello.flow") == SampleFlows.clean)
        let destination = try FileManager.default.destinationOfSymbolicLink(
            atPath: folder.url.appendingPathComponent("link.flow").path)
        #expect(destination == "real/hello.flow")
    }

    @Test func refusesAFileWithASyntaxError() throws {
        let folder = try TemporaryFolder()
        let broken = "flow hello\n    leg caller entry\n  step start\n      say \"unterminated\n"
        try folder.write("broken.flow", broken)
        try folder.write("other.flow", SampleFlows.unformatted)
        let result = try FlowcBinary.run(["fmt", "broken.flow", "other.flow"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.flow:"), "\(result.stderr)")
        #expect(try folder.read("broken.flow") == broken)
        #expect(try folder.read("other.flow") == SampleFlows.clean, "the other files are still formatted")
    }

    @Test func refusesAFileThatIsNotUTF8() throws {
        let folder = try TemporaryFolder()
        let bytes = Array("flow hello\n    leg caller entry\n      step start\n        say \"Caf".utf8)
            + [0xE9] + Array("\"\n        hangup\n".utf8)
        let file = try folder.write("latin1.flow", bytes: bytes)
        let result = try FlowcBinary.run(["fmt", "latin1.flow"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("FLOW002"), "\(result.stderr)")
        #expect(try [UInt8](Data(contentsOf: file)) == bytes)
    }

    @Test func missingPathExitsTwo() throws {
        let folder = try TemporaryFolder()
        let result = try FlowcBinary.run(["fmt", "--check", "nowhere"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("FLOW001"))
    }
}
