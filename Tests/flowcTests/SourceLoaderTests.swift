import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// `SourceLoader` on real folders: order, display paths, and inputs that must not hang or be read twice.
@Suite struct SourceLoaderTests {
    @Test func folderIsWalkedRecursivelyInPathOrderWithDisplayPathsAsGiven() throws {
        let folder = try TemporaryFolder()
        for path in ["flows/b.flow", "flows/a/z.flow", "flows/a.flow", "flows/notes.txt", "flows/.hidden/x.flow"] {
            try folder.write(path, "flow x\n")
        }
        let loaded = SourceLoader.load(paths: [folder.url.path + "/flows/"])
        let prefix = folder.url.path + "/flows/"
        #expect(loaded.files.map(\.path) == ["a.flow", "a/z.flow", "b.flow"].map { prefix + $0 })
        #expect(loaded.diagnostics.isEmpty && !loaded.hasInputFailure)
    }

    @Test func symbolicLinkLoopEndsAndEachFileLoadsOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/inner/a.flow", "flow a\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("flows/inner/loop").path, withDestinationPath: "..")
        let root = folder.url.appendingPathComponent("flows").path
        let loaded = SourceLoader.load(paths: [root, root + "/inner/a.flow"])
        #expect(loaded.files.map(\.path) == [root + "/inner/a.flow"])
        #expect(!loaded.hasInputFailure)
    }

    @Test func problemsWithPathsAreDiagnosticsWithoutSpans() throws {
        let folder = try TemporaryFolder()
        try folder.write("empty/readme.txt", "")
        try folder.write("good.flow", "flow a\n")
        let missing = folder.url.appendingPathComponent("missing").path
        let empty = folder.url.appendingPathComponent("empty").path
        let good = folder.url.appendingPathComponent("good.flow").path
        let loaded = SourceLoader.load(paths: [missing, empty, good])
        #expect(loaded.diagnostics.map(\.code) == [.inputNotFound, .noFlowFiles])
        #expect(loaded.diagnostics.allSatisfy { $0.span == nil && $0.severity == .error })
        #expect(loaded.hasInputFailure)
        #expect(loaded.files.map(\.path) == [good], "a bad path does not stop the others from loading")
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("pipe.flow").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let named = SourceLoader.load(paths: [fifo])
        #expect(named.diagnostics.map(\.code) == [.inputUnreadable])
        // In a folder, a FIFO is not a flow file at all: the folder has none.
        let walked = SourceLoader.load(paths: [folder.url.path])
        #expect(walked.diagnostics.map(\.code) == [.noFlowFiles])
    }

    @Test func fileOverTheLimitIsRefusedBeforeItIsRead() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("huge.flow")
        try #require(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(SourceLoader.maximumFileSize + 1))
        try handle.close()
        let loaded = SourceLoader.load(paths: [file.path])
        #expect(loaded.diagnostics.map(\.code) == [.fileTooLarge])
        #expect(loaded.files.isEmpty && loaded.hasInputFailure)
    }

    @Test func fiftyMegabyteFileLoads() throws {
        let folder = try TemporaryFolder()
        let line = Array("      say \"Please hold, an agent will be with you shortly.\"\n".utf8)
        let count = 50_000_000 / line.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * line.count)
        for _ in 0..<count { bytes.append(contentsOf: line) }
        let file = try folder.write("large.flow", bytes: bytes)
        let loaded = SourceLoader.load(paths: [file.path])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.first?.utf8.count == bytes.count)
        #expect(loaded.files.first?.lineCount == count + 1)
    }

    @Test func invalidUTF8IsReportedAtTheFirstInvalidByte() {
        let bytes = Array("say \"é".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8)
        let (file, firstInvalidByte, diagnostic) = SourceLoader.decode(path: "x.flow", bytes: bytes)
        #expect(firstInvalidByte == 7)
        #expect(diagnostic?.code == .invalidUTF8)
        #expect(diagnostic?.span?.start.offset == 7)
        #expect(diagnostic?.span?.start.column == 7, "columns count characters, not bytes")
        #expect(diagnostic?.message.contains("0xFF") == true)
        #expect(file.text == "say \"é\u{FFFD}\u{FFFD}\"\n")
    }

    @Test func validUTF8HasNoDiagnostic() {
        let (file, firstInvalidByte, diagnostic) = SourceLoader.decode(path: "x.flow", bytes: Array("flow café\n".utf8))
        #expect(firstInvalidByte == nil && diagnostic == nil)
        #expect(file.text == "flow café\n")
    }
}
