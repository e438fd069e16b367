#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` says about one directory entry. Links are never followed: the writer must see a user's
/// symbolic link as a link, or it could write through it to a place outside the output folder.
struct EntryStatus: Sendable {
    enum Kind: Sendable { case regular, directory, symbolicLink, other }

    var kind: Kind
    var permissions: mode_t
    var modified: timespec
    /// The file system the entry is on (`st_dev`): a directory whose device differs from its parent's is
    /// a mount point, which the writer never empties or moves.
    var device: UInt64
}

/// The few system calls the output stage needs, with `errno` turned into `OutputWriterError.fileSystem`.
///
/// Foundation's `FileManager` is not used: it follows links in places, decodes names as UTF-8, and does not
/// offer hard links that keep a file's inode (and so its mtime) or an atomic directory exchange.
enum PosixFileSystem {
    /// `UTIME_OMIT`, which Swift does not import (it is a macro with a cast): leave the access time alone.
    #if canImport(Darwin)
    private static let keepAccessTime = timespec(tv_sec: 0, tv_nsec: -2)
    #else
    private static let keepAccessTime = timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2)
    #endif

    static func failure(_ operation: String, _ path: RawPath, _ code: Int32 = errno) -> OutputWriterError {
        .fileSystem(operation: operation, path: path.display, code: code)
    }

    /// `nil` when nothing is there. A path through a non-directory also counts as nothing (`ENOTDIR`).
    static func status(_ path: RawPath) throws -> EntryStatus? {
        var info = stat()
        if path.withCString({ lstat($0, &info) }) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("inspect", path)
        }
        let kind: EntryStatus.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return EntryStatus(
            kind: kind, permissions: info.st_mode & 0o7777, modified: modified, device: UInt64(info.st_dev))
    }

    /// The names in a directory, without `.` and `..`, in byte order so that every walk is deterministic.
    static func entries(of directory: RawPath) throws -> [[UInt8]] {
        guard let handle = directory.withCString({ opendir($0) }) else { throw failure("list", directory) }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func makeDirectory(_ path: RawPath, permissions: mode_t = 0o777) throws {
        if path.withCString({ mkdir($0, permissions) }) != 0 { throw failure("create directory", path) }
    }

    /// Creates `path` and any missing parents, like `mkdir -p`; an existing directory is fine.
    static func makeDirectories(_ path: RawPath) throws {
        for prefix in path.ancestors + [path] where !prefix.bytes.isEmpty {
            if prefix.withCString({ mkdir($0, 0o777) }) != 0, errno != EEXIST {
                throw failure("create directory", prefix)
            }
        }
    }

    /// A second name for the same inode: contents, permissions and mtime are shared by construction.
    /// Returns `false` (and leaves nothing behind) when the filesystem cannot hard-link this entry.
    static func hardLink(_ source: RawPath, to destination: RawPath) throws -> Bool {
        let result = source.withCString { from in
            destination.withCString { to in linkat(AT_FDCWD, from, AT_FDCWD, to, 0) }
        }
        if result == 0 { return true }
        switch errno {
        case EPERM, EMLINK, EXDEV, ENOTSUP, EOPNOTSUPP: return false
        default: throw failure("link", destination)
        }
    }

    static func readFile(_ path: RawPath) throws -> [UInt8] {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw failure("read", path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Creates a file that must not exist yet. Its bytes are not flushed here: the staging tree is flushed
    /// once, as a whole, before it is swapped in (`flush(tree:files:)`), which is what keeps a swapped-in tree
    /// from holding a file whose data is still only in the page cache.
    static func writeNewFile(
        _ path: RawPath, bytes: [UInt8], permissions: mode_t = 0o666, modified: timespec? = nil
    ) throws {
        let descriptor = path.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions) }
        guard descriptor >= 0 else { throw failure("create", path) }
        var closed = false
        defer { if !closed { close(descriptor) } }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += count
        }
        if let modified {
            if fchmod(descriptor, permissions) != 0 { throw failure("set permissions of", path) }
            var times = [keepAccessTime, modified]
            if futimens(descriptor, &times) != 0 { throw failure("set modification time of", path) }
        }
        closed = true
        if close(descriptor) != 0 { throw failure("close", path) }
    }

    /// Makes everything written below `tree` durable with one call: `syncfs(2)` on the tree's file system
    /// (Linux), which writes back every file's data and every directory entry of the staging tree at once,
    /// instead of one `fsync` per file (issue #13, item 1). Where `syncfs` is not offered (macOS, an old C
    /// library) the same is done file by file, then directory by directory, deepest first, in one pass.
    /// Since Linux 5.8 `syncfs` reports a write-back error of the file system, which fails the build.
    static func flush(tree: RawPath, files: [RawPath], directories: [RawPath]) throws {
        let descriptor = tree.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw failure("flush", tree) }
        defer { close(descriptor) }
        #if os(Linux)
        typealias SyncFS = @convention(c) (Int32) -> Int32
        // glibc declares syncfs only under _GNU_SOURCE, which Swift's Glibc module does not define.
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
            let syncfs = unsafeBitCast(symbol, to: SyncFS.self)
            if syncfs(descriptor) == 0 { return }
            if errno != ENOSYS { throw failure("flush", tree) }
        }
        #endif
        let entries = files.map { ($0, O_RDONLY | O_CLOEXEC) }
            + directories.sorted().reversed().map { ($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        for (path, flags) in entries {
            let handle = path.withCString { open($0, flags) }
            guard handle >= 0 else { throw failure("flush", path) }
            defer { close(handle) }
            // Some file systems refuse fsync on directories (EINVAL); their entries are then as durable as
            // the file system makes them.
            if fsync(handle) != 0, errno != EINVAL { throw failure("flush", path) }
        }
        if fsync(descriptor) != 0, errno != EINVAL { throw failure("flush", tree) }
    }

    /// The fallback when `hardLink` is refused: a copy with the same permissions and mtime.
    static func copyPreservingTimes(_ source: RawPath, to destination: RawPath) throws {
        guard let status = try status(source) else { throw failure("read", source, ENOENT) }
        switch status.kind {
        case .regular:
            try writeNewFile(
                destination, bytes: readFile(source), permissions: status.permissions, modified: status.modified)
        case .symbolicLink:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = source.withCString { readlink($0, &target, target.count - 1) }
            guard length >= 0 else { throw failure("read link", source) }
            target[length] = 0
            if destination.withCString({ symlink(target, $0) }) != 0 { throw failure("create link", destination) }
            try setModified(destination, status.modified)
        case .directory, .other:
            throw failure("copy", source, ENOTSUP)
        }
    }

    static func setPermissions(_ path: RawPath, _ permissions: mode_t) throws {
        if path.withCString({ chmod($0, permissions) }) != 0 { throw failure("set permissions of", path) }
    }

    static func setModified(_ path: RawPath, _ modified: timespec) throws {
        var times = [keepAccessTime, modified]
        let result = path.withCString { utimensat(AT_FDCWD, $0, &times, AT_SYMLINK_NOFOLLOW) }
        if result != 0 { throw failure("set modification time of", path) }
    }

    static func rename(_ source: RawPath, to destination: RawPath) throws {
        let result = source.withCString { from in
            destination.withCString { to in renameat(AT_FDCWD, from, AT_FDCWD, to) }
        }
        if result != 0 { throw failure("rename", source) }
    }

    /// Swaps two directory entries in one step (`renameat2` with `RENAME_EXCHANGE`): at every instant both
    /// names exist and each is one complete tree. Returns `false` when the kernel, the C library or the
    /// filesystem does not offer it, so the caller can fall back to two renames.
    static func exchange(_ first: RawPath, _ second: RawPath) throws -> Bool {
        #if os(Linux)
        typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        // glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not define.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        let result = first.withCString { a in
            second.withCString { b in renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) }
        }
        if result == 0 { return true }
        if errno == ENOSYS || errno == EINVAL || errno == ENOTSUP { return false }
        throw failure("swap in", second)
        #else
        return false
        #endif
    }

    /// Makes a rename inside `directory` durable (best effort: some filesystems refuse `fsync` on directories).
    static func syncDirectory(_ directory: RawPath) {
        let descriptor = directory.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Deletes a whole tree without following links and without crossing into another file system; a
    /// missing path is already done. A directory on another device than `path` itself (a mount point) is
    /// never entered: the removal stops with `mountPoint`, so another file system is never emptied.
    static func removeTree(_ path: RawPath) throws {
        guard let status = try status(path) else { return }
        try removeTree(path, status: status, device: status.device)
    }

    private static func removeTree(_ path: RawPath, status: EntryStatus, device: UInt64) throws {
        if status.kind == .directory {
            guard status.device == device else { throw OutputWriterError.mountPoint(path: path.display, inside: nil) }
            // A read-only directory a user copied in must still be emptied when its old copy goes.
            if status.permissions & 0o700 != 0o700 { try setPermissions(path, status.permissions | 0o700) }
            for name in try entries(of: path) {
                let child = path.appending(name)
                guard let childStatus = try self.status(child) else { continue }
                try removeTree(child, status: childStatus, device: device)
            }
            if path.withCString({ rmdir($0) }) != 0, errno != ENOENT { throw failure("remove", path) }
        } else if path.withCString({ unlink($0) }) != 0, errno != ENOENT {
            throw failure("remove", path)
        }
    }

    /// Every mount point at or below `directory` (absolute, links resolved), from `/proc/self/mountinfo`.
    /// This finds bind mounts of the same file system too, which `st_dev` cannot tell apart; elsewhere (no
    /// `/proc`) the empty list, and the writer relies on `st_dev` alone.
    static func mountPoints(atOrBelow directory: RawPath) -> [RawPath] {
        guard let table = try? readFile(RawPath("/proc/self/mountinfo")) else { return [] }
        let prefix = directory.bytes + [UInt8(ascii: "/")]
        var found: [RawPath] = []
        for line in table.split(separator: UInt8(ascii: "\n")) {
            // Fields: mount ID, parent ID, major:minor, root, mount point, …; spaces in paths are \040.
            let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            guard fields.count > 4 else { continue }
            let point = unescapeMountField(Array(fields[4]))
            if point == directory.bytes || point.starts(with: prefix) { found.append(RawPath(point)) }
        }
        return found.sorted()
    }

    /// `\ooo` octal escapes (space, tab, newline, backslash) as the kernel writes them in mountinfo.
    private static func unescapeMountField(_ field: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < field.count {
            if field[index] == UInt8(ascii: "\\"), index + 3 < field.count,
                let value = UInt8(String(decoding: field[(index + 1)...(index + 3)], as: UTF8.self), radix: 8)
            {
                result.append(value)
                index += 4
            } else {
                result.append(field[index])
                index += 1
            }
        }
        return result
    }

    /// `realpath(3)`: the canonical absolute path, or `nil` when some component is missing or a link dangles.
    static func canonical(_ path: RawPath) -> RawPath? {
        guard let resolved = path.withCString({ realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return RawPath(Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))))
    }
}
