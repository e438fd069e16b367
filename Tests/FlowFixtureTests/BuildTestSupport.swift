import FlowCompiler
import FlowDiagnostics
import Foundation
import Testing

/// Paths in the source tree, found from this file, so goldens are read from and blessed into the
/// repository itself rather than the copy in the test bundle.
enum SourceTree {
    /// `Tests/FlowFixtureTests`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let compileFixtures = testsFolder.appendingPathComponent("Fixtures/compile")
    static let flowsExpected = testsFolder.appendingPathComponent("Fixtures/flows-expected")

    /// Whether `FLOWC_BLESS=1`: rewrite goldens instead of failing.
    static var isBlessing: Bool { ProcessInfo.processInfo.environment["FLOWC_BLESS"] == "1" }

    /// The names of the sub-folders of `folder`, sorted.
    static func subfolders(of folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// Every regular file below `folder`, by path relative to it.
    static func files(below folder: URL) -> [String: [UInt8]] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        var files: [String: [UInt8]] = [:]
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files[relative] = Array(data)
        }
        return files
    }

    /// The `.flow` files of `folder`, sorted, read as `SourceFile`s whose display path is `prefix` + name.
    static func flowSources(in folder: URL, displayPrefix: String) -> [SourceFile] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".flow") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                return nil
            }
            return SourceFile.decode(path: displayPrefix + name, bytes: Array(data)).file
        }
    }
}

/// Builds sources in memory and gives the output tree as the files `OutputWriter` would write.
enum TestBuild {
    /// Builds and records an issue for every artefact problem (`artefactProblems`), so that every
    /// document any test produces is parsed back and validated, and every manifest schema-checked.
    static func build(_ sources: [SourceFile], urls: URLStyle = .relative) -> BuildResult {
        let result = Compiler.build(sources: sources, options: BuildOptions(urls: urls))
        for problem in artefactProblems(result) { Issue.record("\(problem)") }
        return result
    }

    static func build(_ text: String, path: String = "test.flow", urls: URLStyle = .relative) -> BuildResult {
        build([SourceFile(path: path, text: text)], urls: urls)
    }

    static func tree(_ result: BuildResult) -> [String: [UInt8]] {
        Dictionary(result.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }

    /// The diagnostics as text, for failure messages.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map {
            "\($0.span.map { "\($0.path):\($0.start.line):\($0.start.column)" } ?? "-"): "
                + "\($0.severity.rawValue): \($0.message) [\($0.code)]"
        }.joined(separator: "\n")
    }
}

/// Compares a built tree with a committed golden folder, byte for byte; under `FLOWC_BLESS=1` rewrites the
/// folder instead.
enum GoldenTree {
    /// The problems found (missing, extra and differing files, each difference as a unified diff), or
    /// nothing when the trees are equal or were blessed.
    static func compare(_ actual: [String: [UInt8]], with folder: URL) -> [String] {
        if SourceTree.isBlessing {
            bless(actual, into: folder)
            return []
        }
        let expected = SourceTree.files(below: folder)
        var problems: [String] = []
        for path in Set(actual.keys).union(expected.keys).sorted() {
            switch (expected[path], actual[path]) {
            case (nil, _?): problems.append("\(path): produced but not in the golden folder (run with FLOWC_BLESS=1)")
            case (_?, nil): problems.append("\(path): in the golden folder but not produced")
            case (let want?, let got?) where want != got:
                problems.append(
                    LineDiff.unified(
                        expected: String(decoding: want, as: UTF8.self), actual: String(decoding: got, as: UTF8.self),
                        path: path))
            default: break
            }
        }
        return problems
    }

    private static func bless(_ files: [String: [UInt8]], into folder: URL) {
        try? FileManager.default.removeItem(at: folder)
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(bytes).write(to: url)
        }
    }
}

/// A unified line diff (longest common subsequence), enough to read a golden mismatch.
enum LineDiff {
    static func unified(expected: String, actual: String, path: String, context: Int = 2) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append((" ", old[i]))
                i += 1
                j += 1
            } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                lines.append(("+", new[j]))
                j += 1
            } else {
                lines.append(("-", old[i]))
                i += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].mark != " " }
        let shown = lines.indices.filter { index in changed.contains { abs($0 - index) <= context } }
        var output = ["--- expected/\(path)", "+++ actual/\(path)"]
        var previous: Int?
        for index in shown {
            if let previous, index != previous + 1 { output.append("@@") }
            output.append("\(lines[index].mark)\(lines[index].text)")
            previous = index
        }
        return output.joined(separator: "\n")
    }
}

extension TestBuild {
    /// What every test checks on every build it makes: each document parses back to its IR and passes the
    /// validator in its context, and `routes.json`, when written, conforms to Docs/routes.schema.json.
    static func artefactProblems(_ result: BuildResult) -> [String] {
        let files = tree(result)
        var problems: [String] = []
        for document in result.documents {
            guard let bytes = files[document.file] else {
                if !result.files.isEmpty { problems.append("\(document.file): not among the files") }
                continue
            }
            problems += XMLRoundTrip.problems(bytes: bytes, document: document.document).map {
                "\(document.file): \($0)"
            }
        }
        if let manifest = files[RouteLayout.manifestFile] {
            do {
                problems += try RouteSchemaCheck.load().violations(of: manifest).map { "routes.json \($0)" }
            } catch {
                problems.append("Docs/routes.schema.json: \(error)")
            }
        }
        return problems
    }
}
