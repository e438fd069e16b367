#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes builds into one output folder take turns.
///
/// Two builds that stage from the same tree and swap one after the other leave a mix: the second one's
/// tree plus the first one's documents, carried over as "late arrivals" that no inventory lists (issue
/// #15, item 9). The writer therefore holds an exclusive `flock(2)` on the output folder's parent
/// directory from recovery to the end of the swap. The parent is locked, not the folder, because the
/// folder is replaced by the swap and a lock on it would stay with the old tree; and not a lock file, so
/// nothing is left beside the output. Builds into other folders of the same parent wait for each other
/// too, which costs little: the lock covers only the write phase.
///
/// The kernel releases the lock when its holder dies, SIGKILL included, so a killed build never blocks the
/// next one. A second build waits (polling, so the wait is bounded) and fails with `busy` after `timeout`.
/// A file system without `flock` (some network file systems answer `ENOLCK` or `EOPNOTSUPP`) is written
/// without the lock, as before.
enum OutputLock {
    /// How long a build waits for another one to finish its write phase before giving up.
    static let defaultTimeout: Duration = .seconds(120)

    /// Runs `body` holding the lock of `parent`. While waiting, `Interruption.check()` runs every 10 ms,
    /// so Ctrl-C ends a waiting build at once.
    static func holding<Result>(
        parent: RawPath, output: RawPath, timeout: Duration = defaultTimeout, _ body: () throws -> Result
    ) throws -> Result {
        let descriptor = parent.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw PosixFileSystem.failure("lock", parent) }
        // Closing the descriptor releases the lock.
        defer { close(descriptor) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == ENOLCK || code == EOPNOTSUPP || code == ENOTSUP || code == EINVAL { break }
            guard code == EWOULDBLOCK else { throw PosixFileSystem.failure("lock", parent, code) }
            try Interruption.check()
            guard clock.now < deadline else {
                throw OutputWriterError.busy(path: output.display, seconds: Int(timeout.components.seconds))
            }
            usleep(10_000)
        }
        return try body()
    }
}
