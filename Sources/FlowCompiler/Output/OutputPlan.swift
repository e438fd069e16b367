/// What a build does to the output folder, computed without touching the disk (`--dry-run`), and, as
/// `OutputReport`, what `OutputWriter.write` did. Every list is in byte order of the paths.
public struct OutputPlan: Sendable, Hashable {
    /// The output folder, absolute, with links resolved.
    public var directory: String
    /// Files that are new or whose bytes differ from the file on disk.
    public var written: [String]
    /// Files whose bytes equal the file on disk; they keep their inode and mtime.
    public var unchanged: [String]
    /// Files the previous build wrote (per its inventory) that this build does not produce.
    public var removed: [String]

    /// Nothing to do: no file is written or removed and the inventory already lists exactly these files.
    /// `write` then leaves the folder alone altogether.
    public var isUpToDate: Bool { written.isEmpty && removed.isEmpty && inventoryIsCurrent }

    /// Whether the folder's `.flowc-outputs.json` already has the bytes this build would record.
    var inventoryIsCurrent: Bool

    public init(directory: String, written: [String], unchanged: [String], removed: [String]) {
        self.directory = directory
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
        self.inventoryIsCurrent = false
    }
}

/// What `OutputWriter.write` did: the plan it carried out.
public typealias OutputReport = OutputPlan

/// The plan plus what the staging step needs: the new files keyed by their on-disk path, and the set of
/// entries of the current tree that belong to flowc (and so are not carried over as the user's).
struct OutputLayout {
    var plan: OutputPlan
    /// Each output's relative path, its bytes, and whether the current tree already holds those bytes.
    var outputs: [(path: RawPath, bytes: [UInt8], unchanged: Bool)]
    /// Previous outputs this build drops.
    var stale: Set<RawPath>
    var inventory: [UInt8]

    /// Outputs, stale outputs and the inventory: the entries the build owns. Everything else is the user's.
    var owned: Set<RawPath> {
        Set(outputs.map(\.path)).union(stale).union([RawPath(OutputInventory.fileName)])
    }

    /// Compares the wanted files with the current tree. Throws `pathConflict` when a wanted path is held
    /// by something flowc did not write and may not replace.
    init(files: [OutputFile], tree: ExistingTree, root: RawPath?, directory: RawPath) throws {
        let sorted = files.sorted { RawPath($0.path) < RawPath($1.path) }
        let wanted = Set(sorted.map { RawPath($0.path) })
        let inventoryPath = RawPath(OutputInventory.fileName)

        let currentInventory = try root.flatMap { try tree.regularFileBytes(at: inventoryPath, root: $0) }
        // Only regular files found by the walk count, so an inventory entry such as `../x` matches nothing.
        let previous = currentInventory.flatMap(OutputInventory.decode)
        stale = Set(
            (previous?.files ?? []).map(RawPath.init).filter { path in
                !wanted.contains(path) && tree.entries[path]?.kind == .regular
            })

        outputs = []
        for file in sorted {
            let path = RawPath(file.path)
            for ancestor in path.ancestors {
                if let kind = tree.entries[ancestor]?.kind, kind != .directory, !stale.contains(ancestor) {
                    throw OutputWriterError.pathConflict(path: ancestor.display, occupant: kind.occupantDescription)
                }
            }
            var unchanged = false
            if let kind = tree.entries[path]?.kind, let root {
                guard kind == .regular else {
                    throw OutputWriterError.pathConflict(path: file.path, occupant: kind.occupantDescription)
                }
                unchanged = try tree.regularFileBytes(at: path, root: root) == file.bytes
            }
            outputs.append((path, file.bytes, unchanged))
        }

        inventory = OutputInventory(files: sorted.map(\.path)).encoded()
        plan = OutputPlan(
            directory: directory.display,
            written: outputs.filter { !$0.unchanged }.map(\.path.display),
            unchanged: outputs.filter(\.unchanged).map(\.path.display),
            removed: stale.sorted().map(\.display))
        plan.inventoryIsCurrent = currentInventory == inventory
    }
}
