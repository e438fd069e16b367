import FlowCompiler
import FlowDiagnostics
import Foundation

/// Builds `.flow` text in memory and reads it back as the checker and the simulator see it.
enum CheckerTestSupport {
    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Built {
        var result: BuildResult
        var flows: [DeployedFlow]
    }

    static func build(_ text: String, path: String = "test.flow") -> Built {
        build(sources: [SourceFile(path: path, text: text)])
    }

    static func build(sources: [SourceFile]) -> Built {
        let result = Compiler.build(sources: sources)
        return Built(result: result, flows: result.compilation.deployment?.flows ?? [])
    }

    static func bundledFlow(_ name: String) -> SourceFile {
        let url = root.appendingPathComponent("flows/\(name).flow")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return SourceFile(path: "flows/\(name).flow", text: text)
    }
}
