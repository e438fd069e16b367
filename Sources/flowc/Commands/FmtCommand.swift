import ArgumentParser
import FlowCompiler
import FlowDiagnostics
import Foundation

/// `flowc fmt`: rewrite flows in the canonical layout, or with `--check` only report which would change.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format .flow files in the canonical layout.",
        discussion: """
            With no path, the paths of the .flowc.json in the working directory or above, else ./flows, \
            are formatted. A file is rewritten only when formatting changes its bytes, and atomically: it always holds \
            either its old or its new text. A file saved by someone else while fmt runs is left with that \
            edit, and named. A file with a syntax error or invalid UTF-8 is never rewritten; \
            its diagnostics are printed instead. Rewritten files (or, with --check, files that would be) \
            are listed on standard output.

            'flowc fmt -' formats standard input to standard output (an editor's format-on-save): the \
            canonical text is written only when the input has no syntax error; otherwise nothing is \
            written to standard output, the diagnostics go to standard error and the exit code is 1. \
            With --check, nothing is written and the exit code says whether the input would change.

            Exit codes: 0 done, or with --check nothing to change; 1 a file was refused or changed while fmt \
            ran, or with --check a file would change; 2 a usage error, or a path that cannot be read or written.
            """
    )

    @Argument(help: "Files or folders to format (default: the configuration's paths, else flows), or '-' for standard input.",
        completion: .file(extensions: ["flow"]))
    var paths: [String] = []

    @Flag(help: "Write nothing; list the files that would change and exit 1 if there is one.")
    var check = false

    /// How diagnostics name standard input.
    static let standardInputName = "<stdin>"

    func validate() throws {
        if paths.contains("-") && paths.count > 1 {
            throw ValidationError("'-' (standard input) cannot be combined with other paths")
        }
    }

    func run() throws {
        if paths == ["-"] { return try formatStandardInput() }
        var paths = self.paths
        // Only the configuration's `paths` concern fmt; its problems still stop the run, as for check.
        if paths.isEmpty, let file = FlowConfiguration.find(from: []) {
            let loaded = FlowConfiguration.load(path: file)
            if !loaded.diagnostics.isEmpty {
                StandardStream.error.write(DiagnosticRenderer.render(
                    loaded.diagnostics, sources: DiagnosticRenderer.sources(loaded.source.map { [$0] } ?? []),
                    options: DiagnosticRenderOptions(colour: ColorChoice.auto.isEnabled, summary: true)))
            }
            if loaded.hasErrors { try ExitStatus.usageOrInput.finish() }
            paths = loaded.configuration.paths ?? []
        }
        let result = Compiler.format(paths: paths)
        let options = DiagnosticRenderOptions(colour: ColorChoice.auto.isEnabled, summary: true)
        StandardStream.error.write(DiagnosticRenderer.render(
            result.diagnostics, sources: DiagnosticRenderer.sources(result.files.map(\.source)), options: options))
        var writeFailed = false
        var editedMeanwhile = false
        if !check {
            // Temporary files of a killed earlier run (issue #15, item 12).
            for file in result.files { AtomicFileWriter.removeAbandonedTemporaries(beside: file.source.path) }
        }
        for file in result.changedFiles {
            guard let formatted = file.formatted else { continue }
            if check {
                StandardStream.output.write("would reformat \(file.source.path)\n")
                continue
            }
            do {
                if try AtomicFileWriter.replaceContents(
                    of: file.source.path, with: formatted, ifUnchangedFrom: file.source.utf8)
                {
                    StandardStream.output.write("reformatted \(file.source.path)\n")
                } else {
                    StandardStream.error.write(
                        "warning: \(file.source.path) changed while flowc fmt ran; left as it is (run flowc fmt again)\n")
                    editedMeanwhile = true
                }
            } catch {
                StandardStream.error.write(DiagnosticRenderer.render(
                    [OutputProblem.diagnostic(for: error)], sources: [:], options: DiagnosticRenderOptions()))
                writeFailed = true
            }
        }
        let failed = result.hasRefusals || editedMeanwhile || (check && !result.changedFiles.isEmpty)
        try ExitStatus(hasInputFailure: result.hasInputFailure || writeFailed, failed: failed).finish()
    }

    /// `flowc fmt -`: the one file is standard input, and its canonical text goes to standard output.
    /// Standard output gets either the whole formatted text or nothing, so an editor that replaces its
    /// buffer with the output never receives a partial or refused file.
    private func formatStandardInput() throws {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        guard bytes.count <= SourceLoader.maximumFileSize else {
            StandardStream.error.write(
                "error: standard input is larger than \(SourceLoader.maximumFileSize) bytes [\(DiagnosticCode.fileTooLarge)]\n")
            try ExitStatus.usageOrInput.finish()
            return
        }
        let decoded = SourceLoader.decode(path: Self.standardInputName, bytes: bytes)
        let input = LoadedSources(
            files: [decoded.file],
            firstInvalidBytes: decoded.firstInvalidByte.map { [decoded.file.path: $0] } ?? [:],
            diagnostics: decoded.diagnostic.map { [$0] } ?? [])
        let result = Compiler.format(input)
        let options = DiagnosticRenderOptions(colour: ColorChoice.auto.isEnabled, summary: false)
        StandardStream.error.write(DiagnosticRenderer.render(
            result.diagnostics, sources: DiagnosticRenderer.sources(result.files.map(\.source)), options: options))
        guard let file = result.files.first, let formatted = file.formatted else {
            try ExitStatus.failure.finish()
            return
        }
        if check {
            if file.isChanged { StandardStream.output.write("would reformat \(Self.standardInputName)\n") }
            try ExitStatus(hasInputFailure: false, failed: file.isChanged).finish()
            return
        }
        StandardStream.output.write(formatted)
    }
}
