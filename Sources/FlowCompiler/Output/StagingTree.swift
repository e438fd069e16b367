/// Builds the complete next output folder beside the current one, ready to be swapped in.
///
/// What must hold when `build` returns: the staging tree is exactly the current tree minus the stale
/// outputs, plus the new outputs and inventory. Every entry that is not written anew is a hard link to the
/// current entry (same inode, so same bytes, permissions and mtime), or, where the filesystem refuses
/// hard links, a copy with the same permissions and mtime. Directories that existed keep their
/// permissions, and their mtime too when their listing is unchanged. Every directory the current tree
/// has is there, empty ones at any depth included (`mkdir -p out/assets/img` before a build, issue #15
/// item 7), except those that held only stale outputs. Nothing written is flushed file by file: the
/// tree is flushed once, at the end, before `build` returns (`PosixFileSystem.flush`).
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
        for path in carried + layout.outputs.map(\.path) + Array(directories) { directories.formUnion(path.ancestors) }
        for directory in directories.sorted() {
            try PosixFileSystem.makeDirectory(staging.appending(directory))
        }

        // Copies made where hard links were refused are new data too: `syncfs` covers them, and the
        // fallback flushes them with the files written.
        var written: [RawPath] = []
        if let current {
            for path in carried {
                if try place(current.appending(path), at: staging.appending(path)),
                    tree.entries[path]?.kind == .regular
                {
                    written.append(staging.appending(path))
                }
                try checkpoint(.entryPlaced)
            }
        }
        for output in layout.outputs {
            let destination = staging.appending(output.path)
            if output.unchanged, let current {
                if try place(current.appending(output.path), at: destination) { written.append(destination) }
            } else {
                try PosixFileSystem.writeNewFile(destination, bytes: output.bytes)
                written.append(destination)
            }
            try checkpoint(.entryPlaced)
        }
        let inventory = staging.appending(RawPath(OutputInventory.fileName))
        try PosixFileSystem.writeNewFile(inventory, bytes: layout.inventory)
        written.append(inventory)

        try restoreDirectoryAttributes(staging: staging, directories: directories, tree: tree)
        try PosixFileSystem.flush(
            tree: staging, files: written, directories: directories.map { staging.appending($0) })
        try checkpoint(.flushed)
    }

    /// Hard link, or a faithful copy where links are refused; `true` when it copied.
    private static func place(_ source: RawPath, at destination: RawPath) throws -> Bool {
        if try PosixFileSystem.hardLink(source, to: destination) { return false }
        try PosixFileSystem.copyPreservingTimes(source, to: destination)
        return true
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
