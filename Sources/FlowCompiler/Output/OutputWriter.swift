#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last stage: puts a build's files into the output folder (`--out`, default `./build/twiml`) so that
/// the folder always holds one whole build, never a mix of two.
///
/// **Contract with the caller.** Call `write` only for a build without errors; a failed build calls nothing
/// and so leaves the folder as it was. `plan` is the `--dry-run`: same answer, no disk access beyond reads.
///
/// **What is written.** Every output path is checked first (`problems(in:)`); one bad path and nothing
/// happens. A file whose bytes equal the file on disk is not rewritten: it keeps its inode and mtime, which
/// make and rsync rely on. Files the previous build wrote and this one does not are removed; the writer
/// knows them from its inventory, `.flowc-outputs.json` in the folder (see `OutputInventory`). Every other
/// entry in the folder (a README, an `.htaccess`, links, empty directories) is the user's and is carried
/// into the new folder untouched. When nothing changed, the folder is left alone entirely.
///
/// **How.** The next folder is staged as a sibling, `<out>.flowc-staging-<pid>-<token>`, in the same parent
/// (so on the same filesystem). Unchanged outputs and the user's entries are hard links to the current
/// ones; changed outputs are new files. The whole staged tree is then flushed to disk with one call
/// (`syncfs`, issue #13 item 1; one `fsync` per file only where `syncfs` is missing), and replaces the
/// folder:
///
/// 1. With `renameat2(RENAME_EXCHANGE)` (Linux ≥ 3.15 on ext4, xfs, btrfs, tmpfs, …) the two names swap
///    in one system call, and the staging name now holds the old tree, which is deleted.
/// 2. Elsewhere: rename the folder aside to `<out>.flowc-previous-<pid>-<token>`, then rename the staged
///    tree to `<out>`, then delete the set-aside tree.
/// 3. On a first build there is nothing to replace: one `rename` of the staged tree to `<out>`.
///
/// **Why a kill at any instant is safe.** Nothing ever writes inside `<out>`; it changes only by a
/// whole-directory rename, and rename(2) is atomic. Enumerating where a SIGKILL can land:
/// - while staging: `<out>` is untouched; the staging sibling is an orphan.
/// - after the exchange or after the second rename: `<out>` is the complete new tree; the old one is an
///   orphan under a sibling name.
/// - between the two renames of the fallback (a window of one system call): `<out>` is missing and the
///   complete old tree sits under the `previous` name.
///
/// Every build starts by recovering (`OutputLocation.recover`): if `<out>` is missing and an orphaned
/// `previous` tree exists, it is renamed back; then every orphaned sibling is deleted. Orphans are
/// siblings whose pid no longer runs, so two builds never delete each other's work. Afterwards the disk is
/// again "`<out>` holds the last complete build", the only state a build starts from. A failure that is
/// not a kill (permission denied, disk full, a path conflict) deletes the staging tree and undoes a
/// half-done fallback before throwing, reaching the same state without waiting for the next build.
///
/// **Hostile surroundings** (issue #15). Two builds into one folder take turns (`OutputLock`, on the
/// parent directory). SIGINT, SIGTERM and SIGHUP during the write phase delete the staging tree before the
/// process ends by that signal (`Interruption`). An output folder that is a mount point, or that has a
/// file system mounted inside it, is refused before anything is written (`mountPoint`), and no removal
/// ever crosses into another file system. Empty folders at any depth are carried over.
///
/// **Limits.** A process
/// that keeps the old folder open (a server's working directory) sees the old tree until it reopens the
/// path. A file a user adds to the folder while a build runs is moved into the new tree after the swap;
/// a carried-over file the user deletes during the build comes back. Directory ownership, ACLs and
/// extended attributes of the user's directories are not copied (their files' are: they are the same
/// inodes). Power loss: the staged tree is flushed before the swap and the parent directory after it,
/// which protects on journaling filesystems, but only SIGKILL safety is tested.
public enum OutputWriter {
    /// Every problem with the output paths, sorted by path; empty when all are safe.
    public static func problems(in files: [OutputFile]) -> [OutputPathProblem] {
        OutputPathProblem.check(files.map(\.path))
    }

    /// What `write(files:to:)` would do, read from the disk without changing it (`--dry-run`).
    ///
    /// A folder left without its output by a killed build is read from the tree that build set aside,
    /// which is what `write` would restore first.
    /// - Throws: `OutputWriterError.invalidPaths`, `.outputIsNotADirectory`, `.pathConflict`, `.fileSystem`.
    public static func plan(files: [OutputFile], into directory: String) throws -> OutputPlan {
        try requireSafePaths(files)
        let location = try OutputLocation.resolve(directory)
        try location.refuseMountPoints()
        let root = try location.currentTree()
        return try OutputLayout(
            files: files, tree: ExistingTree(reading: root), root: root, directory: location.directory
        ).plan
    }

    /// Makes `directory` hold exactly these files plus the user's own entries, atomically.
    ///
    /// Missing parent folders are created. On any thrown error the previous output is intact.
    /// - Returns: What was written, left unchanged and removed.
    /// - Throws: `OutputWriterError.invalidPaths`, `.outputIsNotADirectory`, `.pathConflict`, `.fileSystem`.
    @discardableResult
    public static func write(files: [OutputFile], to directory: String) throws -> OutputReport {
        try write(files: files, to: directory, hooks: Hooks())
    }

    /// The places where `Hooks.checkpoint` is called, in order; tests stop a build at each to check
    /// the on-disk state a kill there would leave.
    enum Checkpoint: Sendable, Hashable {
        case stagingCreated
        /// After each entry (carried or output) is placed in the staging tree.
        case entryPlaced
        /// The staged tree has been flushed to disk, once (issue #13 item 1).
        case flushed
        case beforeSwap
        /// Fallback only: the folder is set aside and the staged tree not yet renamed into place.
        case betweenRenames
        /// The new tree is in place; the old one is still on disk.
        case swapped
    }

    /// Thrown by a test's checkpoint to stop the build as SIGKILL would: no cleanup runs.
    struct Abandoned: Error {}

    /// Seams for tests. Production uses the defaults.
    struct Hooks {
        /// Owner recorded in sibling names; a test uses a pid that does not run to leave "orphans".
        var processID: Int32 = getpid()
        /// `false` forces the two-rename fallback.
        var allowExchange = true
        var checkpoint: (Checkpoint) throws -> Void = { _ in }
        /// How long to wait for another build's lock.
        var lockTimeout: Duration = OutputLock.defaultTimeout
    }

    @discardableResult
    static func write(files: [OutputFile], to directory: String, hooks: Hooks) throws -> OutputReport {
        try requireSafePaths(files)
        let location = try OutputLocation.resolve(directory)
        try PosixFileSystem.makeDirectories(location.parent)
        return try Interruption.guarding {
            try OutputLock.holding(parent: location.parent, output: location.directory, timeout: hooks.lockTimeout) {
                try writeLocked(files: files, location: location, hooks: hooks)
            }
        }
    }

    /// The write itself, under the lock and with interruptions caught. Every checkpoint before the swap
    /// also stops the build when a signal has arrived.
    private static func writeLocked(files: [OutputFile], location: OutputLocation, hooks: Hooks) throws
        -> OutputReport
    {
        try location.refuseMountPoints()
        let root = try location.recover()
        let tree = try ExistingTree(reading: root)
        let layout = try OutputLayout(files: files, tree: tree, root: root, directory: location.directory)
        if layout.plan.isUpToDate { return layout.plan }

        let staging = location.sibling(.staging, processID: hooks.processID)
        let checkpoint: (Checkpoint) throws -> Void = { point in
            try Interruption.check()
            try hooks.checkpoint(point)
        }
        do {
            try StagingTree.build(at: staging, layout: layout, tree: tree, current: root, checkpoint: checkpoint)
            try checkpoint(.beforeSwap)
            guard let root else {
                try PosixFileSystem.rename(staging, to: location.directory)
                PosixFileSystem.syncDirectory(location.parent)
                return layout.plan
            }
            let old = try swap(staging, into: root, location: location, hooks: hooks)
            PosixFileSystem.syncDirectory(location.parent)
            try hooks.checkpoint(.swapped)
            // Past the swap the build has succeeded; a failure to tidy up leaves an orphan for the next build.
            try? moveLateArrivals(from: old, into: root, owned: layout.owned)
            try? PosixFileSystem.removeTree(old)
            return layout.plan
        } catch let error where !(error is Abandoned) {
            try? PosixFileSystem.removeTree(staging)
            throw error
        }
    }

    /// Puts the staged tree at `root` and returns where the old tree now is.
    private static func swap(_ staging: RawPath, into root: RawPath, location: OutputLocation, hooks: Hooks) throws
        -> RawPath
    {
        if hooks.allowExchange, try PosixFileSystem.exchange(staging, root) { return staging }
        let previous = location.sibling(.previous, processID: hooks.processID)
        try PosixFileSystem.rename(root, to: previous)
        do {
            try hooks.checkpoint(.betweenRenames)
            try PosixFileSystem.rename(staging, to: root)
        } catch let error where !(error is Abandoned) {
            try? PosixFileSystem.rename(previous, to: root)
            throw error
        }
        return previous
    }

    /// Entries a user put into the folder while the build ran are in the old tree only; move them over.
    private static func moveLateArrivals(from old: RawPath, into root: RawPath, owned: Set<RawPath>) throws {
        let tree = try ExistingTree(reading: old)
        for (path, status) in tree.entries where status.kind != .directory && !owned.contains(path) {
            let destination = root.appending(path)
            guard try PosixFileSystem.status(destination) == nil else { continue }
            try? PosixFileSystem.makeDirectories(destination.parent)
            try? PosixFileSystem.rename(old.appending(path), to: destination)
        }
    }

    private static func requireSafePaths(_ files: [OutputFile]) throws {
        let problems = problems(in: files)
        if !problems.isEmpty { throw OutputWriterError.invalidPaths(problems) }
    }
}
