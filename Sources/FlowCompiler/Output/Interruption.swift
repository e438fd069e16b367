#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C, `kill` and a closed terminal during the write phase remove the staging tree on the way out
/// (issue #15, item 10) instead of leaving it beside the output until the next build.
///
/// While `OutputWriter.write` runs, SIGINT, SIGTERM and SIGHUP are caught by a handler that only records
/// the signal. The writer looks at it before each step of staging and before the swap; once it is set,
/// the write stops as any failure does (the staging tree is deleted, the previous output is untouched).
/// After the swap the build has already succeeded and runs to its end. Then the handlers are put back
/// and the signal is raised again, so the process ends exactly as the signal would have ended it (same
/// exit status for the shell), just a little later.
///
/// Only signals whose disposition is the default are caught: a program that handles or ignores them
/// itself (`flowc-serve` does) keeps its own arrangement. Nested and concurrent writes in one process
/// share one installation. SIGKILL cannot be caught; its staging tree is removed by the next build.
enum Interruption {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The caught signal, 0 for none. Written only by the handler (one aligned 32-bit store).
    nonisolated(unsafe) private static var caught: Int32 = 0
    nonisolated(unsafe) private static var installed: [Int32] = []
    nonisolated(unsafe) private static var depth = 0
    private static let lock = Mutex()

    /// Thrown at a checkpoint once a signal has arrived.
    struct Interrupted: Error { var signal: Int32 }

    /// Throws `Interrupted` when a signal arrived since the scope began.
    static func check() throws {
        let signal = caught
        if signal != 0 { throw Interrupted(signal: signal) }
    }

    /// Runs `body` with the handlers installed; re-raises a caught signal once the outermost scope ends.
    static func guarding<Result>(_ body: () throws -> Result) throws -> Result {
        enter()
        defer { leave() }
        return try body()
    }

    private static func enter() {
        lock.locked {
            depth += 1
            guard depth == 1 else { return }
            caught = 0
            installed = []
            for number in signals {
                let previous = signal(number, { number in Interruption.caught = number })
                if isDefault(previous) {
                    installed.append(number)
                } else {
                    signal(number, previous)
                }
            }
        }
    }

    private static func leave() {
        let raising: Int32 = lock.locked {
            depth -= 1
            guard depth == 0 else { return 0 }
            for number in installed { signal(number, SIG_DFL) }
            installed = []
            defer { caught = 0 }
            return caught
        }
        if raising != 0 { raise(raising) }
    }

    private static func isDefault(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
        guard let handler else { return true }
        return unsafeBitCast(handler, to: Int.self) == 0
    }
}

/// A pthread mutex, so this file needs nothing beyond the C library.
private final class Mutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }

    func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
