import ArgumentParser
import FlowCompiler

/// The `flowc` root command. It has no default subcommand: a bare `flowc` prints help.
/// Subcommands are thin: they parse options, call one library function, and map the result to an exit code.
@main
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowc",
        abstract: "Compile phone call flows (.flow) into static TwiML, and prove no call leg is dropped by accident.",
        version: FlowCompilerVersion.current,
        subcommands: []
    )
}
