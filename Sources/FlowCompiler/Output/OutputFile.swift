/// One file of a finished build, held in memory until the output stage puts the whole set on disk at once.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, segments separated by `/` on every host (`voice/menu.xml`).
    /// `OutputWriter` refuses the whole set if any path could leave the folder or collide with another.
    public var path: String
    /// The exact bytes to store; the writer compares them with what is on disk to decide whether to write.
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A text file, stored as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
