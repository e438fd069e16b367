import ArgumentParser
import FlowCompiler

/// The `flowc` root command. It has no default subcommand: a bare `flowc` prints help.
/// Subcommands are thin: they parse options, call one library function, and map the result to an exit code.
///
/// Exit codes, the same for every subcommand: 0 success, 1 the input has errors (or would be reformatted,
/// for `fmt --check`), 2 the invocation or the file system failed (unknown option, missing path, unreadable
/// file). ArgumentParser's own code for usage errors (64) is mapped to 2 in `main()`.
@main
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowc",
        abstract: "Compile phone call flows (.flow) into static TwiML, and prove no call leg is dropped by accident.",
        discussion: """
            Exit codes: 0 success; 1 the flows have errors (with --strict, also warnings), or fmt --check \
            found a file to reformat; 2 a usage error or an input that cannot be read.
            """,
        version: FlowCompilerVersion.current,
        subcommands: [
            CheckCommand.self, BuildCommand.self, SimulateCommand.self, FmtCommand.self, ExplainCommand.self,
            GraphCommand.self, ServeCommand.self, LspCommand.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardStream.error.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(ExitStatus.usageOrInput.rawValue))
            }
            exit(withError: error)
        }
    }
}
