import Foundation
import Testing

/// End-to-end tests of the built `flowc` executable.
enum FlowcBinary {
    /// The `flowc` binary built beside the test bundle.
    static var url: URL {
        // On Linux the bundle URL is the build products folder itself; on Darwin it is the .xctest inside it.
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("flowc") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    final class Marker {}

    /// Carries the standard error bytes from the reading thread.
    final class DataBox: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs flowc; `input`, when given, is its standard input (otherwise it inherits the test's).
    static func run(_ arguments: [String], in directory: URL? = nil, input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let inputPipe, let input {
            // Written from its own thread so that a child that writes before it has read all of its input
            // cannot deadlock against the test.
            let writer = Thread {
                inputPipe.fileHandleForWriting.write(input)
                try? inputPipe.fileHandleForWriting.close()
            }
            writer.start()
        }
        // Both pipes are drained at once: a child that fills one pipe's buffer while the other is being
        // read would otherwise block forever.
        let errBox = DataBox()
        let reader = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite struct CommandTests {
    @Test func versionPrintsTheLibraryVersion() throws {
        let result = try FlowcBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test(arguments: [[], ["check"], ["fmt"], ["explain"]])
    func helpDescribesTheExitCodes(_ command: [String]) throws {
        let result = try FlowcBinary.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes"), "\(result.stdout)")
    }

    @Test func bareFlowcPrintsHelpAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let result = try FlowcBinary.run([], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("SUBCOMMANDS"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try FlowcBinary.run(["compile"])
        #expect(result.status == 2)
    }
}

/// The flows bundled in the repository's `flows/` folder, which double as documentation, stay clean.
@Suite struct BundledFlowsTests {
    /// The repository root, found from this file's path; the tests only read it.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func bundledFlowsCheckCleanUnderStrict() throws {
        let result = try FlowcBinary.run(["check", "--strict"], in: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    @Test func bundledFlowsAreFormatted() throws {
        let result = try FlowcBinary.run(["fmt", "--check"], in: Self.repository)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
