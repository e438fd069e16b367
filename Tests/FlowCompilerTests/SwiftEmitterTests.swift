import FlowDiagnostics
import Foundation
import Testing

@testable import FlowCompiler

/// `SwiftEmitter`, `SwiftLiteral` and `SwiftNames`: the Swift source that FlowBuildPlugin adds to a target
/// must compile without a warning and reproduce every document and string exactly, whatever the flows hold.
@Suite struct SwiftEmitterTests {
    /// Strings that break naive quoting: raw-string delimiters, escapes and interpolations in every form,
    /// emoji and combining marks, controls and line breaks.
    static let hostileStrings = [
        "", "plain", "\"", "\"\"\"", "\"\"\"#", "\"#", "\"##\"###", "\\", "\\#", "\\#(x)", "\\(x)", "#", "###",
        "a\"#b\\##c", "🎉", "👩‍👩‍👧", "e\u{301}", "\u{301}starts combining", "tab\there", "line\nbreak", "ends\n",
        "\n", "\n\n", "\"\"\"\n\"\"\"#\n", "cr\rlf\r\n", "nul\u{0}", "bell\u{7}", "del\u{7F}", "c1\u{85}",
        "sep\u{2028}", "rlo\u{202E}", "bom\u{FEFF}", "  indented\n    more\n", "trailing spaces  \n  ",
    ]

    /// A flow whose names are Swift keywords or the generated code's own type names, and whose texts hold
    /// raw-string delimiters, escapes and emoji.
    static let hostileFlow = ###"""
        flow default
          serve at "https://twiml.example.com/default"

          room string shared
            hold
              say "Hold \"\"\"# and \"## then \\#( and \\ 🎉 \u{1F600}"

          leg self entry
            step init
              say "He said \"\"\"#\"## #\"\"\"## and \\#(x) tab\there 🎉"
              join string beep=false then -> go_on
            step go_on
              say "line one\nline two"
              go -> goOn
            step goOn
              hangup

          leg Type outbound
            step start
              join string then hangup

          operation hold self in string
          operation unhold self in string

        """###

    static let secondFlow = """
        flow route
          leg caller entry
            step start
              say "Hello."
              hangup

        """

    private func build(_ sources: [SourceFile]) throws -> (manifest: RouteManifest, files: [OutputFile]) {
        let result = Compiler.build(sources: sources)
        #expect(!result.hasErrors(strict: false), "\(result.diagnostics.map(\.message))")
        let manifest = try #require(result.manifest)
        return (manifest, result.files)
    }

    private var hostileSources: [SourceFile] {
        [
            SourceFile(path: "/package/Sources/App/hostile.flow", text: Self.hostileFlow),
            SourceFile(path: "/package/Sources/App/route.flow", text: Self.secondFlow),
        ]
    }

    @Test func hashCountExceedsEveryRunAfterAQuoteOrBackslash() {
        #expect(SwiftLiteral.delimiterHashCount("plain # text") == 1)
        #expect(SwiftLiteral.delimiterHashCount("\"#") == 2)
        #expect(SwiftLiteral.delimiterHashCount("\\##") == 3)
        #expect(SwiftLiteral.delimiterHashCount("\"###\" and \\#") == 4)
    }

    @Test func literalFormsFollowTheText() {
        #expect(SwiftLiteral.literal("hold-caller") == "\"hold-caller\"")
        #expect(SwiftLiteral.literal("a \"b\"") == "#\"a \"b\"\"#")
        #expect(SwiftLiteral.literal("x\ny\n", indent: "  ") == "#\"\"\"\n  x\n  y\n\n  \"\"\"#")
        #expect(SwiftLiteral.literal("cr\r") == "\"cr\\r\"")
        #expect(SwiftLiteral.literal("tab\t\"") == "\"tab\\t\\\"\"")
        #expect(SwiftLiteral.literal("tab\t\n") == "#\"\"\"\ntab\t\n\n\"\"\"#")
        #expect(SwiftLiteral.literal("nul\u{0}🎉") == "\"nul\\u{0}🎉\"")
        #expect(SwiftLiteral.comment("a\nb") == "a\\u{A}b")
    }

    @Test func namesAreCamelCasedDistinctAndNeverShadowTheGeneratedTypes() {
        let types = SwiftNames.assign(["front_desk", "frontDesk", "string", "route", "Type", "_x", "x_1"], isType: true)
        #expect(Set(types.values).count == types.count)
        // Sorted order decides who gets the camel-cased name: `frontDesk` sorts before `front_desk`.
        #expect(types["frontDesk"] == "FrontDesk" && types["front_desk"] == "front_desk")
        #expect(types["string"] == "string" && types["route"] == "route" && types["Type"] == "Type_")
        #expect(types["_x"] == "X" && types["x_1"] == "X1")
        let members = SwiftNames.assign(["go_on", "goOn", "init", "self", "default", "hold-caller"], isType: false)
        #expect(Set(members.values).count == members.count)
        #expect(members["init"] == "init_" && members["self"] == "self_" && members["hold-caller"] == "holdCaller")
        #expect(SwiftNames.declared("default") == "`default`" && SwiftNames.declared("start") == "start")
    }

    @Test func sameBuildGivesTheSameBytesWhateverTheInputOrder() throws {
        let forward = try build(hostileSources)
        let backward = try build(hostileSources.reversed())
        let emitter = SwiftEmitter(sourceRoot: "/package")
        let text = emitter.emit(manifest: forward.manifest, files: forward.files)
        #expect(text == emitter.emit(manifest: backward.manifest, files: backward.files))
        #expect(text == emitter.emit(manifest: forward.manifest, files: forward.files.reversed()))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func sourcePathsAreRelativeToTheSourceRoot() throws {
        let built = try build(hostileSources)
        let text = SwiftEmitter(sourceRoot: "/package/").emit(manifest: built.manifest, files: built.files)
        #expect(!text.contains("/package/"))
        #expect(text.contains("\"path\": \"Sources/App/hostile.flow\""))
        #expect(text.contains("/// The flow `default` (Sources/App/hostile.flow:1)."))
    }

    @Test func generatedTypesAndConstantsHaveTheirSwiftNames() throws {
        let built = try build(hostileSources)
        let text = SwiftEmitter().emit(manifest: built.manifest, files: built.files)
        for declaration in [
            "public enum Default {", "public enum Route_ {", "public enum Self_ {", "public enum Type_ {",
            "public static let init_ = FlowRoutes.Route(", "public static let go_on = FlowRoutes.Route(",
            "public static let goOn = FlowRoutes.Route(", "public enum string {", "public static let holdSelf",
            "Default.Legs.Self_.init_,", "Route_.Legs.Caller.start,",
        ] {
            #expect(text.contains(declaration), "missing: \(declaration)")
        }
    }

    /// Compiles the generated file of the bundled flows with `swiftc -typecheck` in the Swift 6 mode, with
    /// warnings as errors.
    @Test func bundledFlowsTypecheckWithoutWarnings() throws {
        let folder = try SwiftScratch()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let result = Compiler.build(paths: [repository.appendingPathComponent("flows").path])
        let manifest = try #require(result.manifest)
        let file = try folder.write(
            "FlowRoutes.swift",
            SwiftEmitter(sourceRoot: repository.path).emit(manifest: manifest, files: result.files))
        let compiled = try SwiftScratch.run(
            "swiftc", ["-typecheck", "-swift-version", "6", "-warnings-as-errors", file.path])
        #expect(compiled.status == 0, "\(compiled.output)")
    }

    /// Compiles the hostile flows' generated file with a program that prints every document back and compares
    /// every hostile literal with its scalars: what the compiled constants hold is exactly what was built.
    @Test func hostileTextsRoundTripThroughTheCompiler() throws {
        let folder = try SwiftScratch()
        let built = try build(hostileSources)
        let generated = try folder.write("FlowRoutes.swift", SwiftEmitter().emit(manifest: built.manifest, files: built.files))
        var main = "var failures = 0\n"
        for (index, text) in Self.hostileStrings.enumerated() {
            let scalars = text.unicodeScalars.map { String($0.value) }.joined(separator: ", ")
            main += "let value\(index): String = \(SwiftLiteral.literal(text))\n"
            main += "if value\(index).unicodeScalars.map(\\.value) != [\(scalars)] as [UInt32] {\n"
            main += "    print(\"literal \(index) differs\"); failures += 1\n}\n"
        }
        main += """
            for route in FlowRoutes.routes {
                print("\\u{1}\\(route.file)\\u{2}\\(route.body)", terminator: "")
            }
            if FlowRoutes.route(path: FlowRoutes.Default.Legs.Self_.init_.path) == nil { failures += 1 }
            print(failures == 0 ? "\\u{1}OK" : "\\u{1}FAILED \\(failures)", terminator: "")

            """
        let mainFile = try folder.write("main.swift", main)
        let program = folder.url.appendingPathComponent("roundtrip").path
        let compiled = try SwiftScratch.run(
            "swiftc", ["-swift-version", "6", "-warnings-as-errors", mainFile.path, generated.path, "-o", program])
        try #require(compiled.status == 0, "\(compiled.output)")
        let ran = try SwiftScratch.run(program, [])
        #expect(ran.status == 0)
        var records = ran.output.split(separator: "\u{1}", omittingEmptySubsequences: true).map(String.init)
        #expect(records.popLast() == "OK", "\(records.filter { !$0.contains("\u{2}") })")
        let printed = Dictionary(
            records.map { record in
                let parts = record.split(separator: "\u{2}", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? Array(parts[1].utf8) : [])
            }, uniquingKeysWith: { first, _ in first })
        let documents = built.files.filter { $0.path != RouteLayout.manifestFile }
        #expect(printed.count == documents.count)
        for document in documents {
            #expect(printed[document.path] == document.bytes, "\(document.path)")
        }
    }
}

extension SwiftEmitterTests {
    /// The generated `route(path:parameters:)` of the branching fixture, compiled and run on every value of
    /// every case (and on spellings that must fall to the default), answers what `RouteDispatch.select`
    /// answers for the same request.
    @Test func generatedDispatchRoutesAsRouteDispatchSelects() throws {
        let folder = try SwiftScratch()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let fixture = repository.appendingPathComponent("Tests/FlowFixtureTests/Fixtures/compile/branching/input.flow")
        let result = Compiler.build(paths: [fixture.path])
        let manifest = try #require(result.manifest)
        let generated = try folder.write("FlowRoutes.swift", SwiftEmitter().emit(manifest: manifest, files: result.files))
        var requests: [(path: String, parameters: [String: String])] = [("/no/such.xml", [:])]
        for route in manifest.routes {
            requests.append((route.path, [:]))
            guard let dispatch = route.dispatch else { continue }
            for branch in dispatch.cases {
                let parameter = branch.parameter ?? dispatch.parameter
                for value in branch.values {
                    requests.append((route.path, [parameter: value, "CallSid": "CA0"]))
                    requests.append((route.path, [parameter: value.uppercased() + ", please!"]))
                    requests.append((route.path, [parameter: "x" + value]))
                }
            }
        }
        var main = ""
        for request in requests {
            let parameters = request.parameters.sorted { $0.key < $1.key }
                .map { "\(SwiftLiteral.literal($0.key)): \(SwiftLiteral.literal($0.value))" }
            let dictionary = parameters.isEmpty ? "[:]" : "[" + parameters.joined(separator: ", ") + "]"
            main += "print(FlowRoutes.route(path: \(SwiftLiteral.literal(request.path)), parameters: \(dictionary))?.path ?? \"nil\")\n"
        }
        let mainFile = try folder.write("main.swift", main)
        let program = folder.url.appendingPathComponent("dispatch").path
        let compiled = try SwiftScratch.run(
            "swiftc", ["-swift-version", "6", "-warnings-as-errors", mainFile.path, generated.path, "-o", program])
        try #require(compiled.status == 0, "\(compiled.output)")
        let ran = try SwiftScratch.run(program, [])
        let answers = ran.output.split(separator: "\n").map(String.init)
        let expected = requests.map { request in
            guard let route = manifest.routes.first(where: { $0.path == request.path }) else { return "nil" }
            return route.dispatch?.select(query: request.parameters).path ?? route.path
        }
        #expect(answers == expected)
        #expect(Set(expected).count > manifest.routes.count / 2, "the requests should reach many documents")
    }
}

/// A temporary folder for generated sources and the programs compiled from them.
final class SwiftScratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("flowc-emitter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Runs a program (a bare name is looked up on `PATH`) and returns its exit status and its standard
    /// output and error together.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
