import Foundation
import Testing

@testable import FlowCompiler

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output writer under a hostile file system (issue #15, items 7–9, and issue #13 item 1): nested empty
/// folders, file systems mounted at and inside the output folder, two builds into one folder at once, and
/// one flush per build. Each test failed on the writer before these fixes.
@Suite struct HostileFileSystemTests {
    /// A parent folder per test, with the output folder `<parent>/twiml`.
    final class Box: Sendable {
        let parent: String
        var out: String { parent + "/twiml" }

        init() throws {
            let made = NSTemporaryDirectory() + "flowc-hostile-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
            parent = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
        }

        deinit { try? FileManager.default.removeItem(atPath: parent) }

        /// Every entry below the output folder: files with their text, directories as `dir`.
        func snapshot() -> [String: String] {
            var result: [String: String] = [:]
            for relative in (try? FileManager.default.subpathsOfDirectory(atPath: out)) ?? [] {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: out + "/" + relative, isDirectory: &isDirectory)
                result[relative] =
                    isDirectory.boolValue
                    ? "dir" : "file:" + ((try? String(contentsOfFile: out + "/" + relative, encoding: .utf8)) ?? "?")
            }
            return result
        }

        /// The tree a build of `files` leaves, with no foreign entry.
        func expected(_ files: [OutputFile]) -> [String: String] { expectedSnapshot(files) }

        func siblings() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        }
    }

    static func build(_ name: String, count: Int, text: String) -> [OutputFile] {
        (0..<count).map { OutputFile(path: "\(name)/legs/caller/s\($0).xml", text: "<Response><Say>\(text) \($0)</Say></Response>\n") }
            + [OutputFile(path: "routes.json", text: "{\"build\":\"\(name)\"}\n")]
    }

    // MARK: item 7

    @Test func nestedEmptyFoldersSurviveEveryLaterBuild() throws {
        let box = try Box()
        try OutputWriter.write(files: Self.build("a", count: 3, text: "one"), to: box.out)
        try FileManager.default.createDirectory(atPath: box.out + "/assets/img/small", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: box.out + "/a/legs/empty/deeper", withIntermediateDirectories: true)

        for text in ["two", "three"] {
            try OutputWriter.write(files: Self.build("a", count: 3, text: text), to: box.out)
        }

        let tree = box.snapshot()
        for folder in ["assets", "assets/img", "assets/img/small", "a/legs/empty", "a/legs/empty/deeper"] {
            #expect(tree[folder] == "dir", "\(folder) must be carried over")
        }
        #expect(tree["a/legs/caller/s0.xml"] == "file:<Response><Say>three 0</Say></Response>\n")
        #expect(box.siblings() == ["twiml"])
    }

    // MARK: item 8

    /// Mounting needs privileges; where `mount` is refused these tests are skipped, not passed.
    static let canMount: Bool = {
        let probe = NSTemporaryDirectory() + "flowc-mount-probe-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard shell("mount -t tmpfs -o size=1m tmpfs '\(probe)'") == 0 else { return false }
        return shell("umount '\(probe)'") == 0
    }()

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>/dev/null"]
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: canMount), arguments: ["tmpfs", "bind"])
    func aFileSystemMountedInsideIsRefusedAndNeverEmptied(kind: String) throws {
        let box = try Box()
        let first = Self.build("a", count: 3, text: "one")
        try OutputWriter.write(files: first, to: box.out)
        let media = box.out + "/media"
        let source = box.parent + "/elsewhere"
        try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        let mount = kind == "tmpfs" ? "mount -t tmpfs -o size=1m tmpfs '\(media)'" : "mount --bind '\(source)' '\(media)'"
        try #require(Self.shell(mount) == 0)
        defer { Self.shell("umount '\(media)'") }
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: media + "/photo.jpg"))
        let before = box.snapshot()

        #expect {
            try OutputWriter.write(files: Self.build("a", count: 3, text: "two"), to: box.out)
        } throws: { error in
            guard case .mountPoint(let path, let inside?) = error as? OutputWriterError else { return false }
            return path == media && inside == box.out
                && "\(error)".contains("never empties or moves a mounted file system")
        }
        #expect(box.snapshot() == before, "nothing written, nothing moved")
        #expect((try? String(contentsOfFile: media + "/photo.jpg", encoding: .utf8)) == "precious\n")
        #expect(box.siblings() == ["elsewhere", "twiml"])
        // The next build after unmounting works as always.
        Self.shell("umount '\(media)'")
        try OutputWriter.write(files: Self.build("a", count: 3, text: "two"), to: box.out)
        #expect(box.snapshot()["a/legs/caller/s0.xml"] == "file:<Response><Say>two 0</Say></Response>\n")
    }

    @Test(.enabled(if: canMount))
    func anOutputFolderThatIsAMountPointIsRefusedWithAClearMessage() throws {
        let box = try Box()
        try FileManager.default.createDirectory(atPath: box.out, withIntermediateDirectories: true)
        try #require(Self.shell("mount -t tmpfs -o size=4m tmpfs '\(box.out)'") == 0)
        defer { Self.shell("umount '\(box.out)'") }
        try Data("volume\n".utf8).write(to: URL(fileURLWithPath: box.out + "/keep.txt"))

        for attempt in 0..<2 {
            #expect(throws: OutputWriterError.mountPoint(path: box.out, inside: nil)) {
                try OutputWriter.write(files: Self.build("a", count: 2, text: "x\(attempt)"), to: box.out)
            }
        }
        #expect(box.snapshot() == ["keep.txt": "file:volume\n"])
        #expect(box.siblings() == ["twiml"])
        #expect("\(OutputWriterError.mountPoint(path: box.out, inside: nil))".contains("--out \(box.out)/twiml"))
        // The advice works: a folder inside the mount point is built into as usual.
        let inside = Self.build("a", count: 2, text: "inside")
        try OutputWriter.write(files: inside, to: box.out + "/twiml")
        try OutputWriter.write(files: Self.build("a", count: 2, text: "again"), to: box.out + "/twiml")
        #expect(FileManager.default.fileExists(atPath: box.out + "/twiml/a/legs/caller/s1.xml"))
    }

    @Test func removingATreeNeverCrossesIntoAnotherDevice() throws {
        // Without privileges: /proc is another file system than the temporary folder on every Linux machine.
        let box = try Box()
        try FileManager.default.createDirectory(atPath: box.out, withIntermediateDirectories: true)
        guard let parentDevice = try PosixFileSystem.status(RawPath(box.out))?.device,
            let procDevice = try PosixFileSystem.status(RawPath("/proc"))?.device, parentDevice != procDevice
        else { return }
        #expect(PosixFileSystem.mountPoints(atOrBelow: RawPath("/proc")).first == RawPath("/proc"))
    }

    // MARK: item 9

    @Test func twoBuildsIntoOneFolderAtOnceLeaveOneWholeBuild() async throws {
        let box = try Box()
        let builds = [Self.build("left", count: 150, text: "L"), Self.build("right", count: 150, text: "R")]
        let wholeTrees = builds.map { box.expected($0) }
        var mixed = 0
        for round in 0..<30 {
            try? FileManager.default.removeItem(atPath: box.out)
            try OutputWriter.write(files: builds[round % 2], to: box.out)
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for files in builds {
                    group.addTask {
                        await withCheckedContinuation { continuation in
                            Thread {
                                do {
                                    try OutputWriter.write(files: files, to: box.out)
                                    continuation.resume(returning: nil)
                                } catch {
                                    continuation.resume(returning: "\(error)")
                                }
                            }.start()
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.allSatisfy { $0 == nil }, "round \(round): \(outcomes)")
            if !wholeTrees.contains(box.snapshot()) { mixed += 1 }
            #expect(box.siblings() == ["twiml"], "round \(round)")
        }
        #expect(mixed == 0, "\(mixed) of 30 rounds left a tree that is neither build")
    }

    @Test func aBuildWaitsForTheLockAndGivesUpWithAClearMessage() throws {
        let box = try Box()
        try OutputWriter.write(files: Self.build("a", count: 1, text: "one"), to: box.out)
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread {
            try? OutputLock.holding(parent: RawPath(box.parent), output: RawPath(box.out)) {
                held.signal()
                release.wait()
            }
        }.start()
        held.wait()
        var hooks = OutputWriter.Hooks()
        hooks.lockTimeout = .milliseconds(300)
        let started = ContinuousClock.now
        #expect(throws: OutputWriterError.busy(path: box.out, seconds: 0)) {
            try OutputWriter.write(files: Self.build("a", count: 1, text: "two"), to: box.out, hooks: hooks)
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(box.snapshot()["a/legs/caller/s0.xml"] == "file:<Response><Say>one 0</Say></Response>\n")
        release.signal()
        // Once the holder is done the same build goes through.
        hooks.lockTimeout = .seconds(10)
        try OutputWriter.write(files: Self.build("a", count: 1, text: "two"), to: box.out, hooks: hooks)
        #expect(box.snapshot()["a/legs/caller/s0.xml"] == "file:<Response><Say>two 0</Say></Response>\n")
    }

    // MARK: issue 13, item 1

    @Test func theStagedTreeIsFlushedOnceBeforeTheSwap() throws {
        let box = try Box()
        var order: [OutputWriter.Checkpoint] = []
        var hooks = OutputWriter.Hooks()
        hooks.checkpoint = { order.append($0) }
        try OutputWriter.write(files: Self.build("a", count: 40, text: "one"), to: box.out, hooks: hooks)
        try OutputWriter.write(files: Self.build("a", count: 40, text: "two"), to: box.out, hooks: hooks)
        #expect(order.filter { $0 == .flushed }.count == 2, "one flush per build")
        let flushes = order.indices.filter { order[$0] == .flushed }
        let swaps = order.indices.filter { order[$0] == .beforeSwap }
        #expect(zip(flushes, swaps).allSatisfy { $0 < $1 }, "each flush comes before its swap: \(order)")
        #expect(order.filter { $0 == .entryPlaced }.count == 82)
    }
}
