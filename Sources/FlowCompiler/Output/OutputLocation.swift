#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder as the kernel sees it, and the sibling names a build uses beside it.
///
/// Staging and set-aside trees live in the folder's own parent so that every rename is within one
/// filesystem (rename(2) cannot cross filesystems) and so that they are never inside the output.
/// Their names end in `-<pid>-<token>`: a build only cleans up leftovers whose process is gone.
struct OutputLocation {
    /// Absolute; links resolved when the folder exists, so the swap replaces the real folder, not a link to it.
    var directory: RawPath
    var parent: RawPath
    var name: [UInt8]

    enum LeftoverRole { case staging, previous }

    /// Resolves `--out`: relative paths are taken from the working directory.
    static func resolve(_ path: String) throws -> OutputLocation {
        var absolute = RawPath(path)
        if !path.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else {
                throw PosixFileSystem.failure("find the working directory of", absolute)
            }
            defer { free(cwd) }
            absolute = RawPath(Array(UnsafeRawBufferPointer(start: cwd, count: strlen(cwd)))).appending(absolute)
        }
        if let real = PosixFileSystem.canonical(absolute) {
            guard try PosixFileSystem.status(real)?.kind == .directory, real.bytes != Array("/".utf8) else {
                throw OutputWriterError.outputIsNotADirectory(path: path)
            }
            let name = Array(real.bytes.split(separator: UInt8(ascii: "/")).last ?? [])
            let parent = real.parent.bytes.isEmpty ? RawPath("/") : real.parent
            return OutputLocation(directory: real, parent: parent, name: name)
        }
        if try PosixFileSystem.status(absolute) != nil {
            // It exists but cannot be resolved: a dangling link, or a path through a non-directory.
            throw OutputWriterError.outputIsNotADirectory(path: path)
        }
        let slash = UInt8(ascii: "/")
        var segments: [ArraySlice<UInt8>] = []
        for segment in absolute.bytes.split(separator: slash) where segment != Array(".".utf8)[...] {
            if segment == Array("..".utf8)[...] { _ = segments.popLast() } else { segments.append(segment) }
        }
        guard let last = segments.popLast() else { throw OutputWriterError.outputIsNotADirectory(path: path) }
        let lexicalParent = RawPath([slash] + segments.joined(separator: [slash]))
        let parent = PosixFileSystem.canonical(lexicalParent) ?? lexicalParent
        return OutputLocation(directory: parent.appending(Array(last)), parent: parent, name: Array(last))
    }

    /// Refuses an output folder that is a mount point, or that has a file system mounted inside it: the
    /// swap renames the folder (rename(2) fails with EBUSY on a mount point), and the old tree is deleted
    /// after the swap, which would empty a file system mounted inside it (issue #15, item 8). The folder's
    /// device is compared with its parent's, and on Linux `/proc/self/mountinfo` is read, which also finds
    /// bind mounts of the same file system. `ExistingTree` checks each folder's device while it walks.
    func refuseMountPoints() throws {
        guard let status = try PosixFileSystem.status(directory), status.kind == .directory else { return }
        if let parentStatus = try PosixFileSystem.status(parent), parentStatus.device != status.device {
            throw OutputWriterError.mountPoint(path: directory.display, inside: nil)
        }
        for point in PosixFileSystem.mountPoints(atOrBelow: directory) {
            throw OutputWriterError.mountPoint(
                path: point.display, inside: point == directory ? nil : directory.display)
        }
    }

    /// A fresh sibling name owned by `processID`.
    func sibling(_ role: LeftoverRole, processID: Int32) -> RawPath {
        let token = String(UInt32.random(in: .min ... .max), radix: 16)
        return parent.appending(prefix(role) + Array("\(processID)-\(token)".utf8))
    }

    private func prefix(_ role: LeftoverRole) -> [UInt8] {
        name + Array((role == .staging ? ".flowc-staging-" : ".flowc-previous-").utf8)
    }

    /// Siblings left by builds whose process no longer runs, in byte order. A live owner's siblings are
    /// skipped: that build is still working on them.
    func abandonedSiblings(_ role: LeftoverRole) throws -> [RawPath] {
        guard try PosixFileSystem.status(parent)?.kind == .directory else { return [] }
        let prefix = prefix(role)
        return try PosixFileSystem.entries(of: parent).compactMap { entry in
            guard entry.starts(with: prefix) else { return nil }
            let owner = entry.dropFirst(prefix.count).split(separator: UInt8(ascii: "-")).first
            let processID = owner.flatMap { Int32(String(decoding: $0, as: UTF8.self)) } ?? 0
            return Self.isRunning(processID) ? nil : parent.appending(entry)
        }
    }

    /// The tree that holds the previous output right now, without changing anything: the folder itself,
    /// or, when a build was killed between its two renames, the tree it had set aside.
    func currentTree() throws -> RawPath? {
        if try PosixFileSystem.status(directory) != nil { return directory }
        return try abandonedSiblings(.previous).last
    }

    /// Puts the disk back into the state "folder holds the previous output, no leftovers": a set-aside
    /// tree is renamed back when the folder is missing, and every other abandoned sibling is deleted.
    /// Returns the folder when it exists afterwards.
    func recover() throws -> RawPath? {
        if try PosixFileSystem.status(directory) == nil, let previous = try abandonedSiblings(.previous).last {
            try PosixFileSystem.rename(previous, to: directory)
        }
        for leftover in try abandonedSiblings(.previous) + abandonedSiblings(.staging) {
            try PosixFileSystem.removeTree(leftover)
        }
        return try PosixFileSystem.status(directory) != nil ? directory : nil
    }

    private static func isRunning(_ processID: Int32) -> Bool {
        guard processID > 0 else { return false }
        return kill(processID, 0) == 0 || errno == EPERM
    }
}
