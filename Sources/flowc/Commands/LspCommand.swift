import ArgumentParser
import FlowLanguageServer

/// `flowc lsp`: the language server, over standard input and output (README, "Editors").
struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server over standard input and output (for editors).",
        discussion: """
            Speaks the Language Server Protocol: diagnostics as you type (the same as flowc check), hover, \
            go to definition, references, document symbols, completion, formatting and quick fixes. An \
            editor starts it; it is not meant to be run by hand. Standard output carries only protocol \
            messages.

            Exit codes: 0 after the client's shutdown and exit; 1 when the client exits without shutdown \
            or closes standard input first.
            """
    )

    func run() throws {
        let code = StandardIOTransport.run()
        if code != 0 { throw ExitCode(code) }
    }
}
