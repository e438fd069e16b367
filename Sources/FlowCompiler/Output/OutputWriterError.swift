#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the output stage could not put the build on disk. Whatever the case, the previous output folder
/// is exactly as it was before the call.
public enum OutputWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Some output paths are unsafe or collide; nothing was written. The caller maps each problem to a diagnostic.
    case invalidPaths([OutputPathProblem])
    /// `--out` names something that is not a directory (a regular file, a dangling link, `/`).
    case outputIsNotADirectory(path: String)
    /// An output path is occupied by something the build did not write and must not replace:
    /// a directory, a symbolic link, or a file where the build needs a directory.
    case pathConflict(path: String, occupant: String)
    /// A system call failed (permission denied, disk full, …); `code` is the `errno` value.
    case fileSystem(operation: String, path: String, code: Int32)

    public var description: String {
        switch self {
        case .invalidPaths(let problems):
            let list = problems.map { "  \($0)" }.joined(separator: "\n")
            return "refusing to write: \(problems.count) unsafe output path(s)\n\(list)"
        case .outputIsNotADirectory(let path):
            return "output folder '\(path)' exists but is not a directory"
        case .pathConflict(let path, let occupant):
            return "cannot write '\(path)': the output folder holds \(occupant) there that this build did not write"
        case .fileSystem(let operation, let path, let code):
            return "cannot \(operation) '\(path)': \(String(cString: strerror(code)))"
        }
    }
}
