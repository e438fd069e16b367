import FlowCompiler
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `flowc build` and `flowc fmt` under the faults of issue #15: Ctrl-C or `kill` in the write phase
/// (item 10), a file saved while fmt runs (item 11), and the temporary files of a killed fmt (item 12).
@Suite(.serialized) struct FaultSurvivalTests {
    /// A running `flowc` whose standard streams go to /dev/null.
    static func launch(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = FlowcBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Siblings of the output folder that a build owns (`twiml.flowc-staging-…`, `twiml.flowc-previous-…`).
    static func litter(beside out: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.contains(".flowc-") }.sorted()
    }

    struct SpawnFailure: Error { var code: Int32 }

    /// A `flowc build` started with a clean signal mask and default dispositions, as a shell starts it.
    /// (Foundation's `Process` passes on the mask of the thread that starts it, and the test runner's
    /// threads block SIGINT and SIGTERM; a non-interactive shell's `&` ignores SIGINT.)
    static func spawnBuild(in folder: URL) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let out = folder.appendingPathComponent("build/twiml").path
        let arguments = [FlowcBinary.url.path, "build", folder.appendingPathComponent("flows").path, "--out", out]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, FlowcBinary.url.path, &actions, &attributes, &argv, environ)
        guard result == 0 else { throw SpawnFailure(code: result) }
        return pid
    }

    /// What one interrupted build left: its wait status, the build's siblings, whether the output is one
    /// whole tree.
    struct Outcome: Sendable {
        var attempt: Int
        var status: Int32
        var litter: [String]
        var whole: Bool
    }

    /// Blocking work (builds, waits) runs on a thread of its own, never on the test runner's shared pool,
    /// which the server tests and the time-limited tests need.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalInTheWritePhaseRemovesTheStagingTreeOnTheWayOut(signal number: Int32) async throws {
        let (outcomes, attempts) = try await Self.offPool { try Self.interruptBuilds(signal: number) }
        #expect(outcomes.count >= 3, "only \(outcomes.count) signals landed in the write phase in \(attempts) builds")
        for outcome in outcomes {
            // WIFSIGNALED and WTERMSIG, which Swift does not import (macros).
            let signalled = outcome.status & 0x7F != 0 && outcome.status & 0x7F != 0x7F
            #expect(
                signalled && outcome.status & 0x7F == number,
                "attempt \(outcome.attempt): the build must end by the signal, not with status \(outcome.status)")
            #expect(outcome.litter.isEmpty, "attempt \(outcome.attempt): left \(outcome.litter)")
            #expect(outcome.whole, "attempt \(outcome.attempt): the output is one whole build")
        }
    }

    /// Builds that are sent `number` the moment their staging tree appears, until three were interrupted.
    static func interruptBuilds(signal number: Int32) throws -> ([Outcome], Int) {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("build/twiml")
        let sources = ["Alpha", "Bravo"].map { KillFaultTests.flows(version: $0) }
        var trees: [[String: Data]] = []
        for source in sources {
            try folder.write("flows/all.flow", source)
            try? FileManager.default.removeItem(at: out)
            let result = try KillFaultTests.build(in: folder)
            guard result.status == 0, let tree = KillFaultTests.tree(out) else {
                throw SpawnFailure(code: result.status)
            }
            trees.append(tree)
        }
        var outcomes: [Outcome] = []
        var attempt = 0
        while outcomes.count < 3 && attempt < 30 {
            attempt += 1
            try folder.write("flows/all.flow", sources[attempt % 2])
            let pid = try Self.spawnBuild(in: folder.url)
            // The signal is sent the moment the staging tree appears: inside the write phase.
            var sent = false
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                if Self.litter(beside: out).contains(where: { $0.contains(".flowc-staging-") }) {
                    kill(pid, number)
                    sent = true
                    waitpid(pid, &status, 0)
                    break
                }
                usleep(100)
            }
            // A build that ended on its own before the signal was delivered did not see it.
            guard sent, status != 0 else { continue }
            let tree = KillFaultTests.tree(out)
            outcomes.append(
                Outcome(
                    attempt: attempt, status: status, litter: Self.litter(beside: out),
                    whole: tree.map { trees.contains($0) } == true))
        }
        return (outcomes, attempt)
    }

    /// Flows big enough that fmt takes a while: a window for an editor to save in.
    static func unformattedFlows(marker: String) -> String {
        (0..<300).map { index in
            "flow f\(index)\n    leg caller entry\n        step start\n            say   \"\(marker) \(index)\"\n            hangup\n"
        }.joined()
    }

    @Test func anEditSavedWhileFmtRunsIsNeverLost() async throws {
        let lost = try await Self.offPool { try Self.raceEditsAgainstFmt() }
        #expect(lost.isEmpty, "the edit was lost in rounds \(lost)")
    }

    /// 40 rounds of `flowc fmt` with an edit saved at a random moment while it runs; the rounds whose
    /// edit was lost.
    static func raceEditsAgainstFmt() throws -> [Int] {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("big.flow")
        // How long one fmt of the file takes here, for the editor's random delays.
        try folder.write("big.flow", Self.unformattedFlows(marker: "measure"))
        let started = ContinuousClock.now
        _ = try FlowcBinary.run(["fmt", "big.flow"], in: folder.url)
        let window = max(ContinuousClock.now - started, .milliseconds(20))

        var rng = SystemRandomNumberGenerator()
        var lost: [Int] = []
        for round in 0..<40 {
            try folder.write("big.flow", Self.unformattedFlows(marker: "original\(round)"))
            let edit = Self.unformattedFlows(marker: "edited\(round)")
            let microseconds = Double(window.components.seconds) * 1e6 + Double(window.components.attoseconds) / 1e12
            let delay = Double.random(in: 0...1, using: &rng) * microseconds
            let process = try Self.launch(["fmt", "big.flow"], in: folder.url)
            usleep(UInt32(delay))
            if round % 2 == 0 {
                // In place, as many editors save: truncate, then write.
                let descriptor = open(file.path, O_WRONLY | O_TRUNC)
                _ = Array(edit.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
            } else {
                // By rename, as others do.
                let temporary = folder.url.appendingPathComponent("editor-save.tmp")
                try Data(edit.utf8).write(to: temporary)
                rename(temporary.path, file.path)
            }
            process.waitUntilExit()
            let final = try String(contentsOf: file, encoding: .utf8)
            if !final.contains("edited\(round) 0") || final.contains("original\(round)") { lost.append(round) }
        }
        return lost
    }

    @Test func fmtLeavesAFileEditedSinceItWasReadAloneAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("hello.flow").path
        try folder.write("hello.flow", SampleFlows.unformatted)
        let read = Array(SampleFlows.unformatted.utf8)
        try folder.write("hello.flow", SampleFlows.unformatted + "# saved by the editor\n")
        let replaced = try AtomicFileWriter.replaceContents(of: path, with: SampleFlows.clean, ifUnchangedFrom: read)
        #expect(!replaced)
        #expect(try folder.read("hello.flow") == SampleFlows.unformatted + "# saved by the editor\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["hello.flow"])
        // Unchanged since it was read: replaced.
        let current = Array((try folder.read("hello.flow")).utf8)
        #expect(try AtomicFileWriter.replaceContents(of: path, with: SampleFlows.clean, ifUnchangedFrom: current))
        #expect(try folder.read("hello.flow") == SampleFlows.clean)
    }

    @Test func temporaryFilesOfAKilledFmtAreRemovedByTheNextRun() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write("flows/other.flow", SampleFlows.unformatted.replacingOccurrences(of: "hello", with: "other"))
        // A process that has exited: its pid no longer runs.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = gone.processIdentifier
        let abandoned = [".hello.flow.flowc-\(dead)-12345.tmp", ".other.flow.flowc-\(dead)-99.tmp"]
        let live = ".hello.flow.flowc-\(getpid())-777.tmp"
        let unrelated = [".hello.flow.flowc-notapid-1.tmp", "notes.tmp"]
        for name in abandoned + [live] + unrelated { try folder.write("flows/" + name, "half-written") }

        let result = try FlowcBinary.run(["fmt", "flows"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("flows").path)
        #expect(Set(left) == Set(["hello.flow", "other.flow", live] + unrelated), "\(left)")

        // --check writes nothing, temporary files included.
        try folder.write("flows/" + abandoned[0], "half-written")
        _ = try FlowcBinary.run(["fmt", "--check", "flows"], in: folder.url)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("flows/" + abandoned[0]).path))
    }
}
