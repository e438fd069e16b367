/// A snapshot of everything under the current output folder, read with `lstat` and never through links.
///
/// Both the plan and the staging tree are computed from this one walk, so what `--dry-run` reports is what
/// `write` does, and a symbolic link a user placed in the folder is carried over as a link, never entered.
struct ExistingTree {
    /// Relative path (no leading `/`) of every entry below the root.
    var entries: [RawPath: EntryStatus] = [:]
    /// The names inside each directory, the root being the empty path. Used to decide whether a directory's
    /// listing is unchanged, in which case its mtime is kept too.
    var children: [RawPath: [[UInt8]]] = [:]
    /// The root's own status; `nil` when there is no current output.
    var rootStatus: EntryStatus?

    init() {}

    /// Walks `root`; `nil` gives the empty tree of a first build.
    init(reading root: RawPath?) throws {
        guard let root else { return }
        rootStatus = try PosixFileSystem.status(root)
        try walk(root, relative: RawPath([]), root: root, device: rootStatus?.device)
    }

    /// A folder on another device than the root is a mount point: the walk stops with `mountPoint`, before
    /// anything is staged, since the old tree is deleted after the swap and must never hold another
    /// file system.
    private mutating func walk(_ absolute: RawPath, relative: RawPath, root: RawPath, device: UInt64?) throws {
        let names = try PosixFileSystem.entries(of: absolute)
        children[relative] = names
        for name in names {
            let path = absolute.appending(name)
            let rel = relative.appending(name)
            guard let status = try PosixFileSystem.status(path) else { continue }
            entries[rel] = status
            guard status.kind == .directory else { continue }
            if let device, status.device != device {
                throw OutputWriterError.mountPoint(path: path.display, inside: root.display)
            }
            try walk(path, relative: rel, root: root, device: device)
        }
    }

    /// A regular file's bytes, or `nil` when the path holds anything else.
    func regularFileBytes(at relative: RawPath, root: RawPath) throws -> [UInt8]? {
        guard entries[relative]?.kind == .regular else { return nil }
        return try PosixFileSystem.readFile(root.appending(relative))
    }
}

extension EntryStatus.Kind {
    /// How a message names an entry that is in the way.
    var occupantDescription: String {
        switch self {
        case .regular: "a file"
        case .directory: "a directory"
        case .symbolicLink: "a symbolic link"
        case .other: "a special file"
        }
    }
}
