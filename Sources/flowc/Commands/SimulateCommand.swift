import ArgumentParser
import FlowCompiler
import FlowDiagnostics

/// `flowc simulate`: run one call through the generated documents and print the transcript.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a call through a flow's generated TwiML and print what every leg does.",
        discussion: """
            The flow is built in memory (nothing is written) and the call runs through the documents and the \
            route manifest a build would deploy. Events come from a scenario file, one a line: start LEG, \
            press LEG "DIGITS", speak LEG "WORDS", silence LEG, finish-recording LEG, answer LEG, \
            busy|no-answer|failed|canceled LEG, hangup LEG, apply OPERATION. Without --scenario the happy \
            path runs. The transcript format is stable (Docs/Simulate.md): keep transcripts as golden files. \
            The transcript goes to standard output; diagnostics, in every --format, to standard error.

            Exit codes: 0 the transcript was printed; 1 the flow or the scenario has errors; 2 a usage error \
            or a path that cannot be read.
            """
    )

    @Argument(help: "The .flow file.")
    var file: String

    @Option(help: "The flow to run, when the file holds several.")
    var flow: String?

    @Option(help: "A scenario file of events.")
    var scenario: String?

    @OptionGroup var output: DiagnosticOutputOptions

    func run() throws {
        let result = Compiler.simulate(path: file, flow: flow, scenario: scenario)
        let diagnostics = result.compilation.diagnostics + result.diagnostics
        if !diagnostics.isEmpty { output.show(diagnostics, sources: result.sources, alwaysStandardError: true) }
        if let transcript = result.transcript { StandardStream.output.write(transcript) }
        let inputFailed = result.hasInputFailure || result.diagnostics.contains { $0.code == .inputNotFound }
        try ExitStatus(hasInputFailure: inputFailed, failed: result.transcript == nil).finish()
    }
}
