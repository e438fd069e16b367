import Foundation
import PackagePlugin

/// Compiles the `.flow` files of a target on every build and adds `FlowRoutes.swift` to it.
///
/// One build command per target runs `flowc build --emit-swift` on all of the target's `.flow` files together
/// (they are resolved together, as `flowc check` does). What must hold:
/// - The outputs are declared before the tool runs, so they cannot depend on the flows: exactly one Swift
///   file, `FlowRoutes.swift`, whatever the target holds. The static tree that the same run writes beside
///   it (`twiml/` in the plugin's work folder) is not declared, so it does not become a resource.
/// - The `.flow` files are passed as absolute paths: the diagnostics' first lines are
///   `/abs/path/file.flow:LINE:COL: error: …`, which SwiftPM, Xcode and editors turn into links, and an
///   error makes flowc exit non-zero, which fails the build.
/// - A target without `.flow` files gets no command and no generated file.
@main
struct FlowBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let flows = module.sourceFiles(withSuffix: "flow").map(\.url)
        return try FlowBuildCommand.commands(
            flows: flows, tool: context.tool(named: "flowc").url, workDirectory: context.pluginWorkDirectoryURL,
            sourceRoot: context.package.directoryURL, targetName: target.name)
    }
}

#if canImport(XcodeProjectPlugin)
    import XcodeProjectPlugin

    extension FlowBuildPlugin: XcodeBuildToolPlugin {
        func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
            let flows = target.inputFiles.filter { $0.url.pathExtension == "flow" }.map(\.url)
            return try FlowBuildCommand.commands(
                flows: flows, tool: context.tool(named: "flowc").url, workDirectory: context.pluginWorkDirectoryURL,
                sourceRoot: context.xcodeProject.directoryURL, targetName: target.displayName)
        }
    }
#endif

/// The one command of a target, shared by the SwiftPM and Xcode entry points.
enum FlowBuildCommand {
    /// The generated source's name: fixed, because SwiftPM needs the outputs before the tool runs.
    static let generatedFile = "FlowRoutes.swift"

    static func commands(flows: [URL], tool: URL, workDirectory: URL, sourceRoot: URL, targetName: String) -> [Command]
    {
        guard !flows.isEmpty else { return [] }
        // Sorted so that the command line, and with it SwiftPM's decision to rerun it, does not depend on the
        // order the file system lists the files in.
        let inputs = flows.sorted { $0.path < $1.path }
        let output = workDirectory.appendingPathComponent(generatedFile)
        let arguments =
            ["build"] + inputs.map(\.path) + [
                "--out", workDirectory.appendingPathComponent("twiml").path,
                "--emit-swift", output.path,
                "--swift-source-root", sourceRoot.path,
            ]
        return [
            .buildCommand(
                displayName: "Compiling \(inputs.count) .flow file\(inputs.count == 1 ? "" : "s") of \(targetName)",
                executable: tool, arguments: arguments, inputFiles: inputs, outputFiles: [output])
        ]
    }
}
