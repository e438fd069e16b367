import ArgumentParser
import FlowCompiler

/// `flowc explain FLOW123`: the long form of one diagnostic code, or `--all` for the index of codes.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code, with a wrong and a right example.",
        discussion: """
            The code may be written in any case, or as its number alone (201 means FLOW201). \
            Exit codes: 0 explained; 2 unknown code or no code given.
            """
    )

    @Argument(help: "The diagnostic code, such as FLOW201.")
    var code: String?

    @Flag(help: "List every diagnostic code with its severity and title.")
    var all = false

    func validate() throws {
        if all && code != nil { throw ValidationError("give either a code or '--all', not both") }
        if !all && code == nil { throw ValidationError("missing diagnostic code (or '--all' to list them)") }
    }

    func run() throws {
        guard let code else {
            StandardStream.output.write(CodeExplanation.index())
            return
        }
        switch CodeExplanation.lookup(code) {
        case .found(let entry):
            StandardStream.output.write(CodeExplanation.text(for: entry))
        case .unknown(let normalized, let suggestions):
            var message = "flowc: error: unknown diagnostic code '\(normalized)' [FLOW706]\n"
            if !suggestions.isEmpty {
                message += "  help: did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?\n"
            }
            message += "  note: 'flowc explain --all' lists every code\n"
            StandardStream.error.write(message)
            try ExitStatus.usageOrInput.finish()
        }
    }
}
