import ArgumentParser

/// The exit codes of every flowc executable (`flowc` and `flowc-serve`), documented in the root command's
/// help and the README ("Exit codes").
public enum ExitStatus: Int32 {
    /// Nothing failed; warnings may have been printed.
    case success = 0
    /// The flows have errors (or warnings under `--strict`), or `fmt --check` found a file to reformat.
    case failure = 1
    /// The command line was wrong or an input could not be read: nothing about the flows was decided.
    case usageOrInput = 2

    /// Ends the command with this status. Success returns normally so ArgumentParser can finish cleanly.
    public func finish() throws {
        if self != .success { throw ExitCode(rawValue) }
    }
}

extension ParsableCommand {
    /// Ends the process for an error that parsing or running the command threw, as every flowc executable
    /// does: a usage error (an unknown option, a bad value, a missing argument), which ArgumentParser
    /// would end with its own code 64 (`EX_USAGE`), prints ArgumentParser's full message on standard error
    /// and exits with 2 (`ExitStatus.usageOrInput`); anything else (help, `--version`, an `ExitCode` a
    /// command threw) ends as ArgumentParser ends it.
    public static func exit(mappingUsageErrors error: any Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            StandardStream.error.write(fullMessage(for: error) + "\n")
            exit(withError: ExitCode(ExitStatus.usageOrInput.rawValue))
        }
        exit(withError: error)
    }
}
