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
    /// Another file system is mounted at `path`: the output folder itself (`inside` is `nil`), or a folder
    /// inside the output folder `inside`. The writer builds a new folder beside the output and swaps it in
    /// by rename, which cannot move a mount point, and it never empties or moves another file system.
    case mountPoint(path: String, inside: String?)
    /// Another build held the output folder's lock for longer than the writer waits.
    case busy(path: String, seconds: Int)

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
        case .mountPoint(let path, nil):
            return "output folder '\(path)' is a mount point; flowc builds a new folder beside it and renames it "
                + "into place, which a mount point cannot be: build into a folder inside it (--out \(path)/twiml)"
        case .mountPoint(let path, let inside?):
            return "output folder '\(inside)' has another file system mounted at '\(path)'; flowc never empties "
                + "or moves a mounted file system: unmount it, or build into another folder"
        case .busy(let path, let seconds):
            return "another flowc build is writing '\(path)' and did not finish within \(seconds) s; "
                + "run this build again when it has"
        }
    }
}
