import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The command-line habits of issue 14, each with the test that would have caught its absence.
@Suite struct CLIHabitTests {
    @Test func mistypedCommandGetsASuggestionAndExitsTwo() throws {
        let result = try FlowcBinary.run(["chek", "flows"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("flowc: error: unknown command 'chek' [FLOW701]"), "\(result.stderr)")
        #expect(result.stderr.contains("help: did you mean 'check'?"))
        let far = try FlowcBinary.run(["xyzzy"])
        #expect(far.status == 2 && !far.stderr.contains("did you mean"), "\(far.stderr)")
    }

    /// Bash completion of `flowc check fl<TAB>` offers the folder and `.flow` files, and `--out` a folder:
    /// the generated script is sourced and its completion function run as bash runs it.
    @Test func bashCompletionCompletesFilePaths() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write("flows-notes.txt", "not a flow\n")
        let script = try FlowcBinary.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        let scriptFile = try folder.write("flowc.bash", script.stdout)
        func complete(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let program = """
                source '\(scriptFile.path)'
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
                _flowc flowc '\(words[words.count - 1])' '\(words[words.count - 2])'
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try Self.run("/bin/bash", ["-c", program], in: folder.url)
            return result.stdout.split(separator: "\n").map(String.init)
        }
        let paths = try complete(["flowc", "check", "fl"])
        #expect(paths == ["flows"], "the folder, not flows-notes.txt: \(paths)")
        let files = try complete(["flowc", "build", "flows/"])
        #expect(files == ["flows/hello.flow"], "\(files)")
        let out = try complete(["flowc", "build", "--out", "fl"])
        #expect(out == ["flows"], "a folder: \(out)")
    }

    /// A README given by mistake: 20 errors, then one line that says what was left out.
    @Test func errorLimitStopsAtTwentyAndSaysWhatWasLeftOut() throws {
        let folder = try TemporaryFolder()
        let text = (1...60).map { "`not a flow` line \($0)\n" }.joined()
        try folder.write("README.flow", text)
        let result = try FlowcBinary.run(["check", "README.flow"], in: folder.url)
        #expect(result.status == 1)
        let headers = result.stderr.split(separator: "\n").filter { $0.hasPrefix("README.flow:") }
        #expect(headers.count == 20, "\(headers.count) errors shown")
        let total = try FlowcBinary.run(["check", "README.flow", "--format", "json"], in: folder.url)
        let count = total.stdout.components(separatedBy: "\"severity\": \"error\"").count - 1
        #expect(count > 20, "json is complete")
        #expect(result.stderr.contains("flowc: note: \(count - 20) more errors not shown"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("\(count) errors generated\n"))

        let all = try FlowcBinary.run(["check", "README.flow", "--no-error-limit"], in: folder.url)
        #expect(all.stderr.split(separator: "\n").filter { $0.hasPrefix("README.flow:") }.count == count)
        let five = try FlowcBinary.run(["check", "README.flow", "--error-limit", "5"], in: folder.url)
        #expect(five.stderr.split(separator: "\n").filter { $0.hasPrefix("README.flow:") }.count == 5)
        #expect(try FlowcBinary.run(["check", "README.flow", "--error-limit", "-1"], in: folder.url).status == 2)
    }

    /// `--strict` makes a warning an error; every format says it was a warning.
    @Test func promotedWarningsAreMarkedInEveryFormat() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", ConfigurationTests.twoUnused)
        func run(_ format: String) throws -> FlowcBinary.Result {
            try FlowcBinary.run(["check", "--strict", "--format", format], in: folder.url)
        }
        let text = try run("text")
        #expect(text.stderr.contains("error: audio 'spare' is never used [FLOW224] (warning, promoted by --strict)"))
        #expect(try run("json").stdout.contains(#""promotedBy": "--strict""#))
        let sarif = try run("sarif").stdout
        #expect(sarif.contains(#""promotedBy": "--strict""#) && sarif.contains(#""originalLevel": "warning""#))
        #expect(try run("github").stdout.contains("title=FLOW224 (warning%2C promoted by --strict)::"))
        #expect(try run("junit").stdout.contains("[FLOW224] (warning, promoted by --strict)</failure>"))
        // Without --strict nothing is marked.
        let plain = try FlowcBinary.run(["check", "--format", "json"], in: folder.url)
        #expect(plain.stdout.contains(#""promotedBy": null"#) && !plain.stdout.contains(#""promotedBy": "-"#))
    }

    /// JUnit XML is well-formed, has one suite per file, a failure per error and a passing case per clean file.
    @Test func junitReportIsWellFormedWithAFailurePerError() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/broken.flow", SampleFlows.withError)
        try folder.write("flows/clean.flow", SampleFlows.clean.replacingOccurrences(of: "hello", with: "clean"))
        try folder.write("flows/warned.flow", ConfigurationTests.twoUnused.replacingOccurrences(of: "hello", with: "warned"))
        let result = try FlowcBinary.run(["check", "--format", "junit", "flows"], in: folder.url)
        #expect(result.status == 1)
        let report = JUnitReport(Data(result.stdout.utf8))
        #expect(report.wellFormed, "\(result.stdout)")
        #expect(report.suites == ["flows/broken.flow", "flows/clean.flow", "flows/warned.flow"])
        #expect(report.failures == ["FLOW203"], "\(result.stdout)")
        #expect(report.cases == 4, "one error, one clean file, two warnings")
        #expect(report.rootAttributes["failures"] == "1" && report.rootAttributes["tests"] == "4")
    }

    @Test func dryRunListsTheFilesItWouldWriteChangeAndRemove() throws {
        let folder = try TemporaryFolder()
        let two = SampleFlows.clean.replacingOccurrences(
            of: "      hangup\n", with: "      go -> next\n    step next\n      say \"Bye.\"\n      hangup\n")
        try folder.write("flows/hello.flow", two)
        #expect(try FlowcBinary.run(["build"], in: folder.url).status == 0)
        // Step 'next' goes, 'start' changes, a new flow appears.
        try folder.write("flows/hello.flow", SampleFlows.clean.replacingOccurrences(of: "Hello from", with: "Hi from"))
        try folder.write("flows/other.flow", SampleFlows.clean.replacingOccurrences(of: "flow hello", with: "flow other"))
        let result = try FlowcBinary.run(["build", "--dry-run"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("would change hello/legs/caller/start.xml"), "\(result.stdout)")
        #expect(lines.contains("would remove hello/legs/caller/next.xml"), "\(result.stdout)")
        #expect(lines.contains("would write other/legs/caller/start.xml"), "\(result.stdout)")
        #expect(lines.contains("would change routes.json"), "\(result.stdout)")
        #expect(try folder.read("build/twiml/hello/legs/caller/next.xml").contains("Bye."), "nothing written")
    }

    /// A failure to write output is a diagnostic with a code, and never names the writer's staging folder.
    @Test func outputFailureCarriesACodeAndNoInternalFolderName() throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write("taken", "a file where the output folder should be\n")
        let result = try FlowcBinary.run(["build", "--out", "taken"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("flowc: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("[FLOW702]"))
        #expect(!result.stderr.contains(".flowc-staging") && !result.stderr.contains(".flowc-previous"))
        let json = try FlowcBinary.run(["build", "--out", "taken", "--format", "json"], in: folder.url)
        #expect(json.stdout.contains(#""code": "FLOW702""#), "\(json.stdout)")
    }

    /// Every line that starts with `error:` or `flowc: error:` names its code, whatever went wrong.
    @Test(arguments: [
        ["check", "nowhere.flow"], ["build", "--out", "taken"], ["chek"], ["explain", "FLOW9999"],
    ])
    func errorLinesCarryCodes(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        try folder.write("flows/hello.flow", SampleFlows.clean)
        try folder.write("taken", "x\n")
        let result = try FlowcBinary.run(arguments, in: folder.url)
        #expect(result.status == 2)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.contains("error:") && !$0.hasPrefix(" ") }
        #expect(!errorLines.isEmpty)
        for line in errorLines {
            #expect(line.range(of: #"\[FLOW[0-9]{3}\]"#, options: .regularExpression) != nil, "no code: \(line)")
        }
    }

    /// `flowc serve --help` from a flowc without flowc-serve beside it: help, how to build the server, exit 0.
    @Test func serveHelpWorksWithoutTheServer() throws {
        let folder = try TemporaryFolder()
        let lone = folder.url.appendingPathComponent("flowc")
        try FileManager.default.copyItem(at: FlowcBinary.url, to: lone)
        let help = try Self.run(lone.path, ["serve", "--help"], in: folder.url)
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("swift build --product flowc-serve") && help.stdout.contains("--public-url"))
        let run = try Self.run(lone.path, ["serve"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not built next to flowc") && run.stderr.contains("swift build --product flowc-serve"))
    }

    @Test func checkWatchRunsAgainOnAChangeAndCtrlCExitsZero() throws {
        let folder = try TemporaryFolder()
        let flow = try folder.write("flows/hello.flow", SampleFlows.clean)
        let process = Process()
        process.executableURL = FlowcBinary.url
        process.arguments = ["check", "--watch", "flows"]
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let box = FlowcBinary.DataBox()
        let lock = NSLock()
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            lock.lock()
            box.data.append(data)
            lock.unlock()
        }
        try process.run()
        func waitFor(_ text: String, count: Int) -> Bool {
            for _ in 0..<200 {
                lock.lock()
                let seen = String(decoding: box.data, as: UTF8.self).components(separatedBy: text).count - 1
                lock.unlock()
                if seen >= count { return true }
                usleep(50_000)
            }
            return false
        }
        #expect(waitFor("flowc: watching 1 .flow file (last run: exit 0)", count: 1))
        try Data(SampleFlows.withError.utf8).write(to: flow)
        #expect(waitFor("(last run: exit 1)", count: 1), "a change runs the check again")
        lock.lock()
        let log = String(decoding: box.data, as: UTF8.self)
        lock.unlock()
        #expect(log.contains("error:") && log.contains("hello.flow:5:"), "\(log)")
        process.interrupt()
        // Bounded: a watch that ignores Ctrl-C must fail the test, not hang the suite.
        for _ in 0..<100 where process.isRunning { usleep(50_000) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        #expect(stopped, "Ctrl-C stops the watch")
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
    }

    /// `apply hold-callr` and `hangup callr`: names the flow lacks are errors at their line, not ignored events.
    @Test(arguments: [("apply hold-callr", "operation 'hold-callr'", "hold-caller"), ("hangup callr", "leg 'callr'", "caller")])
    func unknownScenarioNamesAreErrors(_ event: String, _ what: String, _ suggestion: String) throws {
        let folder = try TemporaryFolder()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("flows/front_desk.flow"),
            to: folder.url.appendingPathComponent("front_desk.flow"))
        try folder.write("typo.scenario", "start caller\n\(event)\n")
        let result = try FlowcBinary.run(["simulate", "front_desk.flow", "--scenario", "typo.scenario"], in: folder.url)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "no transcript")
        #expect(result.stderr.contains("typo.scenario:2:1: error: the flow has no \(what) [FLOW604]"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean '\(suggestion)'?"))
        try folder.write("right.scenario", "start caller\napply hold-caller\n")
        let right = try FlowcBinary.run(["simulate", "front_desk.flow", "--scenario", "right.scenario"], in: folder.url)
        #expect(right.status == 0, "\(right.stderr)")
    }

    static func run(_ program: String, _ arguments: [String], in directory: URL) throws -> FlowcBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let box = FlowcBinary.DataBox()
        let reader = Thread { box.data = err.fileHandleForReading.readDataToEndOfFile(); box.done.signal() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        box.done.wait()
        process.waitUntilExit()
        return FlowcBinary.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: box.data, as: UTF8.self))
    }
}

/// What the JUnit test needs of a report, read with Foundation's XML parser.
final class JUnitReport: NSObject, XMLParserDelegate {
    var wellFormed = false
    var suites: [String] = []
    var failures: [String] = []
    var cases = 0
    var rootAttributes: [String: String] = [:]

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        wellFormed = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch name {
        case "testsuites": rootAttributes = attributes
        case "testsuite": suites.append(attributes["name"] ?? "")
        case "testcase": cases += 1
        case "failure": failures.append(attributes["type"] ?? "")
        default: break
        }
    }
}
