#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be replaced, with the system's reason.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    /// The path as the user gave it.
    public var path: String
    /// What failed, as a verb: "create", "write", "rename".
    public var operation: String
    /// The `errno` of the failure.
    public var code: Int32

    public var description: String {
        "cannot \(operation) '\(path)': \(String(cString: strerror(code)).lowercased())"
    }
}

/// Replaces a file's contents so that at every moment the path holds either the old bytes or the new
/// ones, never a mix and never nothing, even if flowc is killed or the disk fills up half-way.
///
/// The new bytes go to a temporary file in the same folder (so the rename cannot cross file systems),
/// which is flushed to disk, given the old file's permissions, and renamed over the old one. A path that
/// is a symbolic link is replaced at its target, so the link stays a link.
public enum AtomicFileWriter {
    public static func replaceContents(of path: String, with text: String) throws(FileWriteError) {
        let target = resolvedTarget(path)
        var info = stat()
        let permissions: mode_t = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let temporary = temporaryPath(beside: target)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriteError(path: path, operation: "create a file beside", code: errno) }
        do throws(FileWriteError) {
            defer { close(descriptor) }
            try writeAll(Array(text.utf8), to: descriptor, path: path)
            guard fchmod(descriptor, permissions) == 0 else {
                throw FileWriteError(path: path, operation: "set the permissions of", code: errno)
            }
            guard fsync(descriptor) == 0 else { throw FileWriteError(path: path, operation: "write", code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, operation: "replace", code: code)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileWriteError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(descriptor, base + written, raw.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw FileWriteError(path: path, operation: "write", code: count < 0 ? errno : EIO) }
            written += count
        }
    }

    /// The file a path finally names, following links; the path itself when it is not a link.
    private static func resolvedTarget(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
            let resolved = realpath(path, nil)
        else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A hidden name in the target's folder that no other run picks (process id and a random number).
    private static func temporaryPath(beside target: String) -> String {
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        return "\(folder).\(name).flowc-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }
}
