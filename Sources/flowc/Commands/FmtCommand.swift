import ArgumentParser
import FlowCompiler
import FlowDiagnostics

/// `flowc fmt`: rewrite flows in the canonical layout, or with `--check` only report which would change.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format .flow files in the canonical layout.",
        discussion: """
            A file is rewritten only when formatting changes its bytes, and atomically: it always holds \
            either its old or its new text. A file with a syntax error or invalid UTF-8 is never rewritten; \
            its diagnostics are printed instead. Rewritten files (or, with --check, files that would be) \
            are listed on standard output.

            Exit codes: 0 done, or with --check nothing to change; 1 a file was refused, or with --check \
            a file would change; 2 a usage error, or a path that cannot be read or written.
            """
    )

    @Argument(help: "Files or folders to format (default: flows).")
    var paths: [String] = []

    @Flag(help: "Write nothing; list the files that would change and exit 1 if there is one.")
    var check = false

    func run() throws {
        let result = Compiler.format(paths: paths)
        let options = DiagnosticRenderOptions(colour: ColorChoice.auto.isEnabled, summary: true)
        StandardStream.error.write(DiagnosticRenderer.render(
            result.diagnostics, sources: DiagnosticRenderer.sources(result.files.map(\.source)), options: options))
        var writeFailed = false
        for file in result.changedFiles {
            guard let formatted = file.formatted else { continue }
            if check {
                StandardStream.output.write("would reformat \(file.source.path)\n")
                continue
            }
            do {
                try AtomicFileWriter.replaceContents(of: file.source.path, with: formatted)
                StandardStream.output.write("reformatted \(file.source.path)\n")
            } catch {
                StandardStream.error.write("error: \(error)\n")
                writeFailed = true
            }
        }
        let failed = result.hasRefusals || (check && !result.changedFiles.isEmpty)
        try ExitStatus(hasInputFailure: result.hasInputFailure || writeFailed, failed: failed).finish()
    }
}
