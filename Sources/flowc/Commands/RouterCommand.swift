import ArgumentParser
import FlowCompiler

extension RouterTarget: ExpressibleByArgument {}

/// `flowc router`: write a router for a built tree, from its routes.json.
struct RouterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "router",
        abstract: "Write a router for a built tree: an nginx snippet or a Cloudflare Worker, to standard output.",
        discussion: """
            A router serves the files of routes.json and, for a junction (the action of a verb with case lines), \
            the file of the case the request's parameters select; anything else is 404. Generate it after every \
            build: 'flowc build && flowc router nginx build/twiml > flowc-routes.conf'. Docs/Output.md#routers \
            describes each target and how to deploy it.

            Exit codes: 0 written; 2 a usage error, or a tree whose routes.json cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("The router to write.", valueName: "nginx|cloudflare"))
    var target: RouterTarget

    @Argument(help: "The built tree (the folder holding routes.json), or its routes.json.")
    var tree: String = "build/twiml"

    func run() throws {
        switch target.render(manifestAt: tree) {
        case .success(let text):
            StandardStream.output.write(text)
        case .failure(let problem):
            StandardStream.error.write("error: \(problem)\n")
            try ExitStatus.usageOrInput.finish()
        }
    }
}
