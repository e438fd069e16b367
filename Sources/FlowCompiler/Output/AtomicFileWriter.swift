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
/// `.NAME.flowc-PID-RANDOM.tmp`, which is flushed to disk, given the old file's permissions, and renamed
/// over the old one. A path that is a symbolic link is replaced at its target, so the link stays a link.
///
/// `flowc fmt` must never lose an edit saved while it runs (issue #15, item 11), so it uses
/// `replaceContents(of:with:ifUnchangedFrom:)`: the file is replaced only if its bytes are still the
/// ones fmt read. On Linux the temporary file and the file are swapped in one step
/// (`renameat2(RENAME_EXCHANGE)`) and the bytes that were swapped out are compared afterwards: an edit
/// saved at any moment before the swap, in place or by an editor's own rename, is in them, and then the
/// swap is undone and the edit stays. Where the swap is not offered, the bytes are compared just before
/// the rename, which leaves a window of one system call.
public enum AtomicFileWriter {
    public static func replaceContents(of path: String, with text: String) throws(FileWriteError) {
        _ = try replace(path, with: Array(text.utf8), ifUnchangedFrom: nil)
    }

    /// Replaces the file only if it still holds exactly `original`.
    /// - Returns: `false` when the file changed since `original` was read; it is then left as it is.
    public static func replaceContents(
        of path: String, with text: String, ifUnchangedFrom original: [UInt8]
    ) throws(FileWriteError) -> Bool {
        try replace(path, with: Array(text.utf8), ifUnchangedFrom: original)
    }

    /// Deletes the temporary files of `path` that a killed run left beside it (`.NAME.flowc-PID-RANDOM.tmp`
    /// whose process no longer runs), so a SIGKILL's litter lasts only until the next run (issue #15,
    /// item 12). A live process's file is left alone: that run is still writing it.
    /// - Returns: the paths removed.
    @discardableResult
    public static func removeAbandonedTemporaries(beside path: String) -> [String] {
        let target = resolvedTarget(path)
        let (folder, name) = split(target)
        let prefix = ".\(name).flowc-"
        guard let directory = opendir(folder.isEmpty ? "." : folder) else { return [] }
        var names: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            names.append(entryName)
        }
        closedir(directory)
        var removed: [String] = []
        for entryName in names where entryName.hasPrefix(prefix) && entryName.hasSuffix(".tmp") {
            let middle = entryName.dropFirst(prefix.count).dropLast(".tmp".count)
            let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let owner = Int32(parts[0]), UInt32(parts[1]) != nil, !isRunning(owner) else {
                continue
            }
            let full = folder + entryName
            var info = stat()
            guard lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if unlink(full) == 0 { removed.append(full) }
        }
        return removed
    }

    private static func replace(
        _ path: String, with bytes: [UInt8], ifUnchangedFrom original: [UInt8]?
    ) throws(FileWriteError) -> Bool {
        let target = resolvedTarget(path)
        var info = stat()
        let permissions: mode_t = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        // A file already edited is left alone before anything is written.
        if let original, contents(of: target) != original { return false }
        let temporary = temporaryPath(beside: target)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriteError(path: path, operation: "create a file beside", code: errno) }
        do throws(FileWriteError) {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
            guard fchmod(descriptor, permissions) == 0 else {
                throw FileWriteError(path: path, operation: "set the permissions of", code: errno)
            }
            guard fsync(descriptor) == 0 else { throw FileWriteError(path: path, operation: "write", code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        if let original {
            if (try? PosixFileSystem.exchange(RawPath(temporary), RawPath(target))) == true {
                // `temporary` now names what the path held at the instant of the swap.
                if contents(of: temporary) == original {
                    unlink(temporary)
                    return true
                }
                // An edit arrived: put it back. Should the swap back fail, a rename restores it as well.
                if (try? PosixFileSystem.exchange(RawPath(temporary), RawPath(target))) != true {
                    rename(temporary, target)
                }
                unlink(temporary)
                return false
            }
            if contents(of: target) != original {
                unlink(temporary)
                return false
            }
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, operation: "replace", code: code)
        }
        return true
    }

    /// The bytes of a regular file, or `nil` when it cannot be read (which never equals what was read).
    private static func contents(of path: String) -> [UInt8]? {
        guard let bytes = try? PosixFileSystem.readFile(RawPath(path)) else { return nil }
        return bytes
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

    /// The folder (with its final `/`, or empty) and the file name.
    private static func split(_ target: String) -> (folder: String, name: String) {
        guard let slash = target.lastIndex(of: "/") else { return ("", target) }
        return (String(target[...slash]), String(target[target.index(after: slash)...]))
    }

    /// A hidden name in the target's folder that no other run picks (process id and a random number).
    private static func temporaryPath(beside target: String) -> String {
        let (folder, name) = split(target)
        return "\(folder).\(name).flowc-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    private static func isRunning(_ processID: Int32) -> Bool {
        guard processID > 0 else { return false }
        return kill(processID, 0) == 0 || errno == EPERM
    }
}
