import Foundation
import Testing

@testable import FlowCompiler

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary parent folder per test; the output folder is `<parent>/twiml`.
private struct Sandbox: ~Copyable {
    let parent: String
    var out: String { parent + "/twiml" }

    init() throws {
        parent = NSTemporaryDirectory() + "flowc-output-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: parent) }

    /// Every entry below `path`: files as `file:<text>`, directories as `dir`, links as `link:<target>`.
    func snapshot(_ path: String? = nil) -> [String: String] {
        let root = path ?? out
        var result: [String: String] = [:]
        for relative in (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? [] {
            let full = root + "/" + relative
            let type = (try? FileManager.default.attributesOfItem(atPath: full))?[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?: result[relative] = "dir"
            case .typeSymbolicLink?:
                result[relative] = "link:" + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "")
            default: result[relative] = "file:" + ((try? String(contentsOfFile: full, encoding: .utf8)) ?? "")
            }
        }
        return result
    }

    func expected(_ files: [OutputFile], foreign: [String: String] = [:]) -> [String: String] {
        expectedSnapshot(files, foreign: foreign)
    }

    func siblings() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
    }

    func put(_ relative: String, _ text: String) throws {
        let full = out + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
}

/// What an output folder must hold after building `files` with the given foreign entries kept: files as
/// `file:<text>`, directories as `dir`, and the inventory.
func expectedSnapshot(_ files: [OutputFile], foreign: [String: String] = [:]) -> [String: String] {
    var result = foreign
    for file in files {
        result[file.path] = "file:" + String(decoding: file.bytes, as: UTF8.self)
        var directory = (file.path as NSString).deletingLastPathComponent
        while !directory.isEmpty {
            result[directory] = "dir"
            directory = (directory as NSString).deletingLastPathComponent
        }
    }
    let inventory = OutputInventory(files: files.map(\.path)).encoded()
    result[OutputInventory.fileName] = "file:" + String(decoding: inventory, as: UTF8.self)
    return result
}

private func files(_ pairs: KeyValuePairs<String, String>) -> [OutputFile] {
    pairs.map { OutputFile(path: $0.key, text: $0.value) }
}

/// Modification time in nanoseconds, of the entry itself (links not followed).
private func modified(_ path: String) -> Int {
    var info = stat()
    guard lstat(path, &info) == 0 else { return -1 }
    return info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
}

/// Sets every regular file below `root` to a fixed time long ago, so a rewrite cannot go unnoticed.
private func ageEveryFile(under root: String) {
    for relative in (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? [] {
        let full = root + "/" + relative
        var info = stat()
        guard lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, full, &times, 0)
    }
}

/// A pid that cannot run (above every kernel's pid_max), marking siblings as left by a killed build.
private let deadProcess: Int32 = 2_147_483_000

private let firstBuild = files([
    "routes.json": "{\"routes\":[]}\n", "main.xml": "<Response/>\n",
    "voice/menu.xml": "<Response><Say>Hi</Say></Response>\n",
    "voice/old.xml": "<Response><Hangup/></Response>\n",
])
private let secondBuild = files([
    "routes.json": "{\"routes\":[1]}\n", "main.xml": "<Response/>\n",
    "voice/menu.xml": "<Response><Say>Hello</Say></Response>\n",
    "sales/queue.xml": "<Response><Enqueue>sales</Enqueue></Response>\n",
])

@Suite struct OutputWriterTests {
    @Test func firstBuildWritesEveryFileAndTheInventory() throws {
        let box = try Sandbox()
        let report = try OutputWriter.write(files: firstBuild, to: box.out)
        #expect(report.written == ["main.xml", "routes.json", "voice/menu.xml", "voice/old.xml"])
        #expect(report.unchanged.isEmpty && report.removed.isEmpty)
        #expect(box.snapshot() == box.expected(firstBuild))
        #expect(box.siblings() == ["twiml"])
    }

    @Test func rebuildWithTheSameBytesKeepsEveryMtime() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        ageEveryFile(under: box.out)
        let before = firstBuild.map { modified(box.out + "/" + $0.path) }
        let report = try OutputWriter.write(files: Array(firstBuild.reversed()), to: box.out)
        #expect(report.isUpToDate)
        #expect(report.unchanged.count == firstBuild.count)
        #expect(firstBuild.map { modified(box.out + "/" + $0.path) } == before)
        #expect(before.allSatisfy { $0 == 1_000_000_000 * 1_000_000_000 })
    }

    @Test(arguments: [true, false])
    func changedFileIsRewrittenAndOthersKeepTheirMtime(exchange: Bool) throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        try box.put("README.md", "mine\n")
        ageEveryFile(under: box.out)
        var next = firstBuild
        next[0] = OutputFile(path: "routes.json", text: "{\"routes\":[2]}\n")
        var hooks = OutputWriter.Hooks()
        hooks.allowExchange = exchange

        let report = try OutputWriter.write(files: next, to: box.out, hooks: hooks)

        #expect(report.written == ["routes.json"])
        #expect(report.unchanged == ["main.xml", "voice/menu.xml", "voice/old.xml"])
        #expect(box.snapshot() == box.expected(next, foreign: ["README.md": "file:mine\n"]))
        let aged = 1_000_000_000 * 1_000_000_000
        for path in ["main.xml", "voice/menu.xml", "voice/old.xml", "README.md"] {
            #expect(modified(box.out + "/" + path) == aged, "\(path) was rewritten")
        }
        #expect(modified(box.out + "/routes.json") != aged)
        #expect(box.siblings() == ["twiml"])
    }

    @Test func staleOutputIsRemovedAndForeignEntriesSurvive() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        try box.put("README.md", "mine\n")
        try box.put(".htaccess", "Deny from all\n")
        try box.put("voice/notes.txt", "user notes\n")
        try FileManager.default.createDirectory(atPath: box.out + "/empty", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(
            atPath: box.out + "/link", withDestinationPath: "/nonexistent/target")
        let foreign = box.snapshot().filter { box.expected(firstBuild)[$0.key] == nil }

        let report = try OutputWriter.write(files: secondBuild, to: box.out)

        #expect(report.removed == ["voice/old.xml"])
        #expect(report.written == ["routes.json", "sales/queue.xml", "voice/menu.xml"])
        #expect(box.snapshot() == box.expected(secondBuild, foreign: foreign))
        #expect(foreign["link"] == "link:/nonexistent/target" && foreign["empty"] == "dir")
    }

    @Test func directoryLeftEmptyByRemovalIsRemovedToo() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: files(["deep/er/a.xml": "a", "b.xml": "b"]), to: box.out)
        let report = try OutputWriter.write(files: files(["b.xml": "b"]), to: box.out)
        #expect(report.removed == ["deep/er/a.xml"])
        #expect(box.snapshot() == box.expected(files(["b.xml": "b"])))
    }

    @Test(arguments: [
        "../x", "/etc/x", "a/../../b", "a//b", "a\\b", "./a", "a/", "", "a\u{0}b", "a\nb", ".flowc-outputs.json",
    ])
    func unsafePathIsRefusedAndNothingIsWritten(path: String) throws {
        let box = try Sandbox()
        let attempt = files(["good.xml": "<Response/>"]) + [OutputFile(path: path, text: "x")]
        #expect(OutputWriter.problems(in: attempt).map(\.path) == [path])
        #expect(throws: OutputWriterError.self) { try OutputWriter.write(files: attempt, to: box.out) }
        #expect(throws: OutputWriterError.self) { try OutputWriter.plan(files: attempt, into: box.out) }
        #expect(box.siblings().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: box.parent + "/x"))
    }

    @Test func eachUnsafeShapeHasItsOwnProblem() {
        let kinds = OutputWriter.problems(
            in: ["../x", "/etc/x", "a//b", "a\\b", "./a", "a\u{7}", String(repeating: "n", count: 256)].map {
                OutputFile(path: $0, text: "")
            }
        ).map(\.kind)
        #expect(Set(kinds).count == 7)
        #expect(kinds.contains(.parentDirectorySegment) && kinds.contains(.absolute) && kinds.contains(.emptySegment))
        #expect(kinds.contains(.backslash) && kinds.contains(.controlCharacter) && kinds.contains(.segmentTooLong))
    }

    @Test func pathsThatCollideIgnoringCaseOrShapeAreRefused() throws {
        let box = try Sandbox()
        let clash = files([
            "Menu.xml": "a", "menu.xml": "b", "caf\u{E9}.xml": "c", "cafe\u{301}.xml": "d", "x": "e", "X/y": "f",
        ])
        let problems = OutputWriter.problems(in: clash + [OutputFile(path: "x", text: "e")])
        #expect(
            problems.map(\.kind) == [
                .caseClash(other: "cafe\u{301}.xml"), .caseClash(other: "Menu.xml"), .fileAndDirectory(other: "X/y"),
                .duplicate,
            ])
        #expect(problems[1].message.contains("'Menu.xml' and 'menu.xml'"))
        #expect(throws: OutputWriterError.self) { try OutputWriter.write(files: clash, to: box.out) }
        #expect(box.siblings().isEmpty)
    }

    @Test func outputPathThatIsARegularFileIsAnErrorAndTheFileSurvives() throws {
        let box = try Sandbox()
        try Data("precious".utf8).write(to: URL(fileURLWithPath: box.out))
        #expect(throws: OutputWriterError.outputIsNotADirectory(path: box.out)) {
            try OutputWriter.write(files: firstBuild, to: box.out)
        }
        #expect(try String(contentsOfFile: box.out, encoding: .utf8) == "precious")
        #expect(box.siblings() == ["twiml"])
    }

    @Test func fileSystemFailureIsTypedAndLeavesNoTrace() throws {
        let box = try Sandbox()
        try Data("precious".utf8).write(to: URL(fileURLWithPath: box.parent + "/file"))
        do {
            try OutputWriter.write(files: firstBuild, to: box.parent + "/file/twiml")
            Issue.record("writing below a regular file succeeded")
        } catch let error as OutputWriterError {
            guard case .fileSystem(_, _, let code) = error else { throw error }
            #expect(code == ENOTDIR)
            #expect(error.description.contains("Not a directory"))
        }
        #expect(box.siblings() == ["file"])
    }

    @Test func userEntryInTheWayOfAnOutputIsAConflictAndNothingChanges() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        try box.put("sales/queue.xml/inside.txt", "a user directory where an output goes\n")
        let before = box.snapshot()
        #expect(throws: OutputWriterError.pathConflict(path: "sales/queue.xml", occupant: "a directory")) {
            try OutputWriter.write(files: secondBuild, to: box.out)
        }
        #expect(box.snapshot() == before)
        #expect(box.siblings() == ["twiml"])
    }

    @Test(arguments: [OutputWriter.Checkpoint.stagingCreated, .entryPlaced, .beforeSwap, .betweenRenames])
    func failureBeforeTheSwapLeavesThePreviousOutputIntact(at failing: OutputWriter.Checkpoint) throws {
        struct DiskFull: Error {}
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        try box.put("README.md", "mine\n")
        let before = box.snapshot()
        var hooks = OutputWriter.Hooks()
        hooks.allowExchange = false
        hooks.checkpoint = { if $0 == failing { throw DiskFull() } }

        #expect(throws: DiskFull.self) { try OutputWriter.write(files: secondBuild, to: box.out, hooks: hooks) }

        #expect(box.snapshot() == before)
        #expect(box.siblings() == ["twiml"])
    }

    @Test func abandonedSiblingsAreCleanedAndALiveBuildsAreLeftAlone() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        let orphan = box.parent + "/twiml.flowc-staging-\(deadProcess)-1f"
        let orphanAside = box.parent + "/twiml.flowc-previous-\(deadProcess)-2e"
        let live = box.parent + "/twiml.flowc-staging-\(getpid())-3d"
        for folder in [orphan, orphanAside, live] {
            try FileManager.default.createDirectory(atPath: folder + "/voice", withIntermediateDirectories: true)
            try Data("half".utf8).write(to: URL(fileURLWithPath: folder + "/voice/menu.xml"))
        }

        try OutputWriter.write(files: firstBuild, to: box.out)

        #expect(box.siblings() == ["twiml", "twiml.flowc-staging-\(getpid())-3d"])
        #expect(box.snapshot() == box.expected(firstBuild))
    }

    @Test func dryRunReportsThePlanAndTouchesNothing() throws {
        let box = try Sandbox()
        #expect(try OutputWriter.plan(files: firstBuild, into: box.out).written.count == 4)
        #expect(box.siblings().isEmpty)
        try OutputWriter.write(files: firstBuild, to: box.out)
        ageEveryFile(under: box.out)
        let before = box.snapshot()

        let plan = try OutputWriter.plan(files: secondBuild, into: box.out)

        #expect(plan.written == ["routes.json", "sales/queue.xml", "voice/menu.xml"])
        #expect(plan.unchanged == ["main.xml"])
        #expect(plan.removed == ["voice/old.xml"])
        #expect(!plan.isUpToDate)
        #expect(box.snapshot() == before)
        #expect(modified(box.out + "/voice/old.xml") == 1_000_000_000 * 1_000_000_000)
        #expect(try OutputWriter.write(files: secondBuild, to: box.out) == plan)
    }

    @Test func theSameFilesGiveTheSameTreeWhateverTheirOrder() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: secondBuild, to: box.parent + "/one")
        try OutputWriter.write(files: Array(secondBuild.reversed()), to: box.parent + "/two")
        #expect(box.snapshot(box.parent + "/one") == box.snapshot(box.parent + "/two"))
        #expect(!box.snapshot(box.parent + "/one").isEmpty)
    }

    /// Stops a build at every checkpoint in turn, as SIGKILL would, in both swap modes. At each stop the
    /// folder must hold the old build or the new one, whole; when the fallback is caught between its renames
    /// the old build must sit whole in its set-aside sibling. The next build must then plan from the old
    /// build's state and finish with the new tree, no leftovers, and untouched files' mtimes kept.
    @Test(arguments: [true, false])
    func killAtEveryStepLeavesAWholeBuildAndTheNextBuildRecovers(exchange: Bool) throws {
        var outcomes: Set<String> = []
        for stop in 1... {
            let box = try Sandbox()
            try OutputWriter.write(files: firstBuild, to: box.out)
            try box.put("README.md", "mine\n")
            ageEveryFile(under: box.out)
            let old = box.snapshot()
            let new = box.expected(secondBuild, foreign: ["README.md": "file:mine\n"])
            var reached = 0
            var hooks = OutputWriter.Hooks()
            hooks.processID = deadProcess
            hooks.allowExchange = exchange
            hooks.checkpoint = { _ in
                reached += 1
                if reached == stop { throw OutputWriter.Abandoned() }
            }

            do {
                try OutputWriter.write(files: secondBuild, to: box.out, hooks: hooks)
                #expect(box.snapshot() == new)
                break
            } catch is OutputWriter.Abandoned {}

            if FileManager.default.fileExists(atPath: box.out) {
                let state = box.snapshot()
                #expect(state == old || state == new, "stop \(stop): the folder holds a mix")
                outcomes.insert(state == old ? "old" : "new")
            } else {
                let aside = box.siblings().filter { $0.hasPrefix("twiml.flowc-previous-") }
                #expect(aside.count == 1)
                #expect(
                    box.snapshot(box.parent + "/" + (aside.first ?? "")) == old, "stop \(stop): set-aside tree damaged")
                outcomes.insert("aside")
            }
            let plan = try OutputWriter.plan(files: secondBuild, into: box.out)
            if plan.isUpToDate {
                #expect(box.snapshot() == new)
            } else {
                #expect(plan.removed == ["voice/old.xml"] && plan.unchanged == ["main.xml"])
            }

            try OutputWriter.write(files: secondBuild, to: box.out)

            #expect(box.snapshot() == new)
            #expect(box.siblings() == ["twiml"], "stop \(stop): leftovers")
            #expect(modified(box.out + "/main.xml") == 1_000_000_000 * 1_000_000_000)
            #expect(modified(box.out + "/README.md") == 1_000_000_000 * 1_000_000_000)
            #expect(stop < 100, "the build never finished")
            if stop >= 100 { break }
        }
        #expect(outcomes == (exchange ? ["old", "new"] : ["old", "new", "aside"]))
    }

    @Test func fileAddedDuringTheBuildIsMovedIntoTheNewTree() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        let out = box.out
        var hooks = OutputWriter.Hooks()
        hooks.checkpoint = { point in
            if point == .beforeSwap { try Data("late\n".utf8).write(to: URL(fileURLWithPath: out + "/late.txt")) }
        }
        try OutputWriter.write(files: secondBuild, to: box.out, hooks: hooks)
        #expect(box.snapshot() == box.expected(secondBuild, foreign: ["late.txt": "file:late\n"]))
        #expect(box.siblings() == ["twiml"])
    }

    @Test func symbolicLinkedOutputFolderIsReplacedBehindTheLink() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.parent + "/real")
        try FileManager.default.createSymbolicLink(atPath: box.out, withDestinationPath: box.parent + "/real")
        let report = try OutputWriter.write(files: secondBuild, to: box.out)
        #expect(report.directory.hasSuffix("/real"))
        #expect(box.snapshot(box.parent + "/real") == box.expected(secondBuild))
        #expect(box.siblings() == ["real", "twiml"])
    }

    @Test func corruptInventoryRemovesNothing() throws {
        let box = try Sandbox()
        try OutputWriter.write(files: firstBuild, to: box.out)
        try box.put(OutputInventory.fileName, "{\"version\":1,\"files\":[\"../x\", \"voice/old.xml\"")
        let report = try OutputWriter.write(files: secondBuild, to: box.out)
        #expect(report.removed.isEmpty)
        #expect(box.snapshot()["voice/old.xml"] == "file:<Response><Hangup/></Response>\n")
        #expect(box.snapshot()[OutputInventory.fileName] == box.expected(secondBuild)[OutputInventory.fileName])
    }
}
