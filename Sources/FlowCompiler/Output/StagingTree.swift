/// Builds the complete next output folder beside the current one, ready to be swapped in.
///
/// What must hold when `build` returns: the staging tree is exactly the current tree minus the stale
/// outputs, plus the new outputs and inventory. Every entry that is not written anew is a hard link to the
/// current entry (same inode, so same bytes, permissions and mtime), or, where the filesystem refuses
/// hard links, a copy with the same permissions and mtime. Directories that existed keep their
/// permissions, and their mtime too when their listing is unchanged.
enum StagingTree {
    static func build(
        at staging: RawPath, layout: OutputLayout, tree: ExistingTree, current: RawPath?,
        checkpoint: (OutputWriter.Checkpoint) throws -> Void
    ) throws {
        try PosixFileSystem.makeDirectory(staging)
        try checkpoint(.stagingCreated)

        let owned = layout.owned
        let carried = tree.entries.filter { $0.value.kind != .directory && !owned.contains($0.key) }.keys.sorted()
        var directories = Set(
            tree.entries.filter { $0.value.kind == .directory && tree.children[$0.key]?.isEmpty == true }.keys)
        for path in carried + layout.outputs.map(\.path) { directories.formUnion(path.ancestors) }
        for directory in directories.sorted() {
            try PosixFileSystem.makeDirectory(staging.appending(directory))
        }

        if let current {
            for path in carried {
                try place(current.appending(path), at: staging.appending(path))
                try checkpoint(.entryPlaced)
            }
        }
        for output in layout.outputs {
            let destination = staging.appending(output.path)
            if output.unchanged, let current {
                try place(current.appending(output.path), at: destination)
            } else {
                try PosixFileSystem.writeNewFile(destination, bytes: output.bytes)
            }
            try checkpoint(.entryPlaced)
        }
        try PosixFileSystem.writeNewFile(staging.appending(RawPath(OutputInventory.fileName)), bytes: layout.inventory)

        try restoreDirectoryAttributes(staging: staging, directories: directories, tree: tree)
        PosixFileSystem.syncDirectory(staging)
    }

    /// Hard link, or a faithful copy where links are refused.
    private static func place(_ source: RawPath, at destination: RawPath) throws {
        if try !PosixFileSystem.hardLink(source, to: destination) {
            try PosixFileSystem.copyPreservingTimes(source, to: destination)
        }
    }

    /// Deepest first, because setting a directory's mtime must come after every change inside it;
    /// the root (the empty path) comes last.
    private static func restoreDirectoryAttributes(
        staging: RawPath, directories: Set<RawPath>, tree: ExistingTree
    ) throws {
        for directory in directories.sorted().reversed() + [RawPath([])] {
            let path = directory.bytes.isEmpty ? staging : staging.appending(directory)
            let old = directory.bytes.isEmpty ? tree.rootStatus : tree.entries[directory]
            guard let old else { continue }
            try PosixFileSystem.setPermissions(path, old.permissions)
            if try PosixFileSystem.entries(of: path) == tree.children[directory] {
                try PosixFileSystem.setModified(path, old.modified)
            }
        }
    }
}
