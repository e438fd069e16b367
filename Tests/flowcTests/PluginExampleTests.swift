import Foundation
import Testing

/// Examples/HoldLine built with SwiftPM, as a user of flowc's plugins would: FlowBuildPlugin compiles its
/// `.flow` file into `FlowRoutes.swift` on every build, a broken `.flow` fails the build with the diagnostic
/// at its absolute location, and `compile-flows` writes the static tree into the package.
///
/// The example is copied to a temporary folder with its dependency on flowc pointed at this repository, and
/// built with a scratch path inside that folder, so the test never touches the repository's own `.build`
/// nor waits for its lock. One full build (about half a minute on two cores, most of it flowc itself); the
/// broken build and the command plugin reuse it. Set `FLOWC_SKIP_PLUGIN_EXAMPLE=1` to leave it out of a
/// quick local run; CI always runs it.
@Suite(.serialized) struct PluginExampleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The longest a single `swift build` or `swift package` may take before the test gives up on it.
    static let timeout: TimeInterval = 1200

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FLOWC_SKIP_PLUGIN_EXAMPLE"] == nil))
    func exampleBuildsFailsOnABrokenFlowAndCompilesTheTree() throws {
        let folder = try TemporaryFolder()
        let package = folder.url.appendingPathComponent("HoldLine")
        try copyExample(to: package)
        let scratch = folder.url.appendingPathComponent("scratch").path
        let flow = package.appendingPathComponent("Sources/HoldLine/hold_line.flow")

        // 1. A clean build: the plugin runs flowc and the target compiles against the generated constants.
        let built = try Self.swift(["build", "--package-path", package.path, "--scratch-path", scratch])
        try #require(built.status == 0, "swift build failed:\n\(built.output)")
        let generated = try #require(Self.find("FlowRoutes.swift", below: URL(fileURLWithPath: scratch)))
        let source = try String(contentsOf: generated, encoding: .utf8)
        for expected in [
            "public enum HoldLine {", "public static let start = FlowRoutes.Route(",
            "path: \"/hold_line/legs/caller/start.xml\"", "path: \"/hold_line/rooms/line.hold.xml\"",
            "public static let holdCaller = FlowRoutes.Operation(", "public static let unholdCaller",
            "FlowRoutes.Parameter(name: \"HoldUrl\", "
                + "value: \"https://twiml.example.com/hold_line/rooms/line.hold.xml\")",
            "\"path\": \"Sources/HoldLine/hold_line.flow\"",
        ] {
            #expect(source.contains(expected), "FlowRoutes.swift lacks \(expected)")
        }
        let program = URL(fileURLWithPath: scratch).appendingPathComponent("debug/HoldLine")
        let ran = try Self.run(program.path, [], in: package)
        #expect(ran.status == 0)
        #expect(
            ran.output.contains("entry point: caller -> https://twiml.example.com/hold_line/legs/caller/start.xml"),
            "\(ran.output)")
        #expect(ran.output.contains("    HoldUrl=https://twiml.example.com/hold_line/rooms/line.hold.xml"))

        // 2. The command plugin writes the tree and routes.json into the package.
        let compiled = try Self.swift([
            "package", "--package-path", package.path, "--scratch-path", scratch,
            "--allow-writing-to-package-directory", "compile-flows",
        ])
        #expect(compiled.status == 0, "compile-flows failed:\n\(compiled.output)")
        let tree = package.appendingPathComponent("twiml")
        for file in [
            "routes.json", "hold_line/legs/caller/start.xml", "hold_line/legs/caller/goodbye.xml",
            "hold_line/rooms/line.hold.xml",
        ] {
            #expect(FileManager.default.fileExists(atPath: tree.appendingPathComponent(file).path), "\(file)")
        }
        let routes = try String(contentsOf: tree.appendingPathComponent("routes.json"), encoding: .utf8)
        #expect(routes.contains("\"key\": \"hold-caller\""))

        // 2b. Its help shows the plugin's defaults, not flowc build's.
        let help = try Self.swift([
            "package", "--package-path", package.path, "--scratch-path", scratch,
            "--allow-writing-to-package-directory", "compile-flows", "--help",
        ])
        #expect(help.status == 0, "\(help.output)")
        #expect(help.output.contains("(default: twiml)") && help.output.contains("(default: every target)"), "\(help.output)")
        #expect(!help.output.contains("build/twiml"), "flowc build's default is not the plugin's: \(help.output)")

        // 3. A syntax error at a known place fails the build with the diagnostic at the file's absolute path.
        var lines = try String(contentsOf: flow, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[15] == "      say \"Thank you for calling. Connecting you to an agent.\"")
        lines[15] = "      say \"Connecting you.\" loop="
        try Data(lines.joined(separator: "\n").utf8).write(to: flow)
        let broken = try Self.swift(["build", "--package-path", package.path, "--scratch-path", scratch])
        #expect(broken.status != 0, "a broken .flow must fail the build:\n\(broken.output)")
        let location = "\(flow.path):16:34: error: expected a value after 'loop=' [FLOW109]"
        let resolved = "\(flow.resolvingSymlinksInPath().path):16:34: error:"
        #expect(
            broken.output.contains(location) || broken.output.contains(resolved),
            "expected \(location) in:\n\(broken.output)")
    }

    /// Copies Examples/HoldLine without its build products, pointing its flowc dependency at this repository.
    private func copyExample(to package: URL) throws {
        let example = Self.repository.appendingPathComponent("Examples/HoldLine")
        let manager = FileManager.default
        try manager.createDirectory(at: package, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources"] {
            try manager.copyItem(at: example.appendingPathComponent(item), to: package.appendingPathComponent(item))
        }
        let manifestURL = package.appendingPathComponent("Package.swift")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        let relative = #".package(name: "flowc", path: "../..")"#
        #expect(manifest.contains(relative), "the example must depend on flowc by path")
        let absolute = ".package(name: \"flowc\", path: \(String(reflecting: Self.repository.path)))"
        try Data(manifest.replacingOccurrences(of: relative, with: absolute).utf8).write(to: manifestURL)
    }

    /// The first file named `name` below `folder`.
    private static func find(_ name: String, below folder: URL) -> URL? {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == name { return url }
        }
        return nil
    }

    private static func swift(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run("/usr/bin/env", ["swift"] + arguments, in: nil)
    }

    /// Runs a program with its standard output and error in one file (no pipe to fill up during a long
    /// build), and kills it if it runs past `timeout`.
    private static func run(_ program: String, _ arguments: [String], in directory: URL?) throws -> (
        status: Int32, output: String
    ) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-plugin-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("\(program) \(arguments.joined(separator: " ")) ran past \(Int(timeout)) s")
        }
        process.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }
}

/// `flowc build --emit-swift`, the plugin's mode, at the command line.
@Suite struct EmitSwiftCommandTests {
    @Test func writesTheSourceOnceAndLeavesAnUnchangedOneAlone() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        let arguments = ["build", "--emit-swift", "Gen/FlowRoutes.swift", "--swift-source-root", folder.url.path]
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("Gen"), withIntermediateDirectories: true)
        let first = try FlowcBinary.run(arguments, in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        let source = try folder.read("Gen/FlowRoutes.swift")
        #expect(
            source.contains("public enum Hello {") && source.contains("public static let start = FlowRoutes.Route("))
        let written = try folder.modificationDate("Gen/FlowRoutes.swift")
        Thread.sleep(forTimeInterval: 1.1)
        let second = try FlowcBinary.run(arguments, in: folder.url)
        #expect(second.status == 0)
        #expect(try folder.modificationDate("Gen/FlowRoutes.swift") == written)
        #expect(try folder.read("Gen/FlowRoutes.swift") == source)
    }

    @Test func aFailedOrDryBuildWritesNoSource() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.withError)
        let failed = try FlowcBinary.run(["build", "--emit-swift", "FlowRoutes.swift"], in: folder.url)
        #expect(failed.status == 1)
        try folder.write("flows/hello.flow", SampleFlows.clean)
        let dry = try FlowcBinary.run(["build", "--dry-run", "--emit-swift", "FlowRoutes.swift"], in: folder.url)
        #expect(dry.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("FlowRoutes.swift").path))
    }
}
