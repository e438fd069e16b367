import ArgumentParser
import FlowCompiler
import FlowDiagnostics

extension GraphFormat: ExpressibleByArgument {}

/// `flowc graph`: draw one flow as a Graphviz or Mermaid picture on standard output.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a flow as a picture: Graphviz DOT or a Mermaid flowchart, to standard output.",
        discussion: """
            One cluster per leg, steps as nodes, continuations as edges labelled with their outcome, \
            operations as dashed edges, the documents of queues and rooms apart. The file must check \
            without errors; its diagnostics are printed to standard error as by 'flowc check'. A file with \
            several flows needs --flow. Render DOT with 'flowc graph FILE | dot -Tsvg > flow.svg'.

            Exit codes: 0 drawn; 1 the file has errors, or the flow to draw is missing or ambiguous; 2 a \
            usage error or a path that cannot be read.
            """
    )

    @Argument(help: "The .flow file to draw.")
    var file: String

    @Option(help: ArgumentHelp("The flow to draw, when the file declares several.", valueName: "name"))
    var flow: String?

    @Option(help: ArgumentHelp("The drawing language.", valueName: "dot|mermaid"))
    var format: GraphFormat = .dot

    @Option(
        help: ArgumentHelp(
            "Colour diagnostics: auto (a terminal without NO_COLOR), always, never.",
            valueName: "auto|always|never"))
    var color: ColorChoice = .auto

    func run() throws {
        let result = Compiler.check(paths: [file])
        let diagnostics = DiagnosticRenderer.render(
            result.diagnostics, sources: DiagnosticRenderer.sources(result.sources),
            options: DiagnosticRenderOptions(format: .text, colour: color.isEnabled, summary: true))
        StandardStream.error.write(diagnostics)
        let failed = result.hasErrors(strict: false)
        guard !result.hasInputFailure, !failed else {
            try ExitStatus(hasInputFailure: result.hasInputFailure, failed: failed).finish()
            return
        }
        switch FlowSelection.flow(named: flow, in: result.program) {
        case .success(let flow):
            StandardStream.output.write(format.render(FlowGraph(flow: flow)))
        case .failure(let problem):
            StandardStream.error.write("error: \(file): \(problem)\n")
            try ExitStatus.failure.finish()
        }
    }
}
