import ArgumentParser
import FlowCommandLine
import FlowCompiler
import FlowDiagnostics

/// The `flowc` root command. It has no default subcommand: a bare `flowc` prints help.
/// Subcommands are thin: they parse options, call one library function, and map the result to an exit code.
///
/// Exit codes, the same for every subcommand (`serve` included: the server maps its own the same way):
/// 0 success, 1 the input has errors (or would be reformatted, for `fmt --check`), 2 the invocation or the
/// file system failed (unknown command or option, missing path, unreadable file). ArgumentParser's own code
/// for usage errors (64) is mapped to 2 by `exit(mappingUsageErrors:)` (FlowCommandLine), which
/// `flowc-serve` ends with too.
@main
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowc",
        abstract: "Compile phone call flows (.flow) into static TwiML, and prove no call leg is dropped by accident.",
        discussion: """
            Exit codes, the same for every command: 0 success; 1 the flows have errors (with --strict, also \
            warnings), or fmt --check found a file to reformat; 2 a usage error or an input that cannot be read.
            """,
        version: FlowCompilerVersion.current,
        subcommands: [
            CheckCommand.self, BuildCommand.self, SimulateCommand.self, FmtCommand.self, ExplainCommand.self,
            GraphCommand.self, RouterCommand.self, ServeCommand.self, LspCommand.self,
        ]
    )

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownSubcommandMessage(arguments) {
            StandardStream.error.write(message)
            exit(withError: ExitCode(ExitStatus.usageOrInput.rawValue))
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(mappingUsageErrors: error)
        }
    }

    /// The names a first argument may be: every subcommand and ArgumentParser's own `help`.
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// `flowc chek`: a first word that is no command is a usage error with a suggestion, instead of
    /// ArgumentParser's "unexpected argument" (the root takes no arguments, so a word there is always meant
    /// as a command). `nil` when the first argument is an option or a command.
    static func unknownSubcommandMessage(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return nil }
        let commands = commandNames.filter { $0 != "help" }
        let diagnostic = Diagnostic(
            .unknownCommand, .error, "unknown command '\(first)'", at: nil,
            notes: [Note("commands: \(commands.joined(separator: ", ")); 'flowc --help' describes them")],
            help: NameSuggestion.closest(to: first, among: commands).map { "did you mean '\($0)'?" })
        return DiagnosticRenderer.render(
            [diagnostic], sources: [:], options: DiagnosticRenderOptions(colour: ColorChoice.auto.isEnabled))
    }
}
