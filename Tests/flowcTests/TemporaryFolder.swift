import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is released.
/// Tests write their inputs here, never into the repository.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("flowc-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `contents` at `relativePath`, creating folders as needed, and returns the file's URL.
    @discardableResult
    func write(_ relativePath: String, _ contents: String) throws -> URL {
        try write(relativePath, bytes: Array(contents.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func modificationDate(_ relativePath: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(relativePath).path)[
            .modificationDate] as? Date
    }
}

/// Small flows used across the CLI tests. Each is named after what it makes flowc report.
enum SampleFlows {
    /// Formatted, with no diagnostic at all.
    static let clean = """
        flow hello
          leg caller entry
            step start
              say "Hello from flowc."
              hangup

        """

    /// The same flow, valid but not in the canonical layout (four-space indentation, extra spaces).
    static let unformatted = """
        flow hello
            leg caller entry
                step start
                    say   "Hello from flowc."
                    hangup

        """

    /// A step that names a step that does not exist: an error.
    static let withError = """
        flow hello
          leg caller entry
            step start
              say "Hello from flowc."
              go -> nowhere

        """

    /// A room without `shared` gets a warning and nothing worse (Grammar.md §6).
    static let withWarning = """
        flow hello
          serve at "https://twiml.example.com/hello"
          room desk
          leg caller entry
            step start
              join desk then hangup

        """
}
