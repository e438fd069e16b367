import ArgumentParser

/// The exit codes of every `flowc` command, documented in the root command's help and the README.
enum ExitStatus: Int32 {
    /// Nothing failed; warnings may have been printed.
    case success = 0
    /// The flows have errors (or warnings under `--strict`), or `fmt --check` found a file to reformat.
    case failure = 1
    /// The command line was wrong or an input could not be read: nothing about the flows was decided.
    case usageOrInput = 2

    /// Ends the command with this status. Success returns normally so ArgumentParser can finish cleanly.
    func finish() throws {
        if self != .success { throw ExitCode(rawValue) }
    }
}
