import Foundation

/// The writer's own record of the files a build put in the output folder, stored as `.flowc-outputs.json`
/// at the folder's root.
///
/// It is kept apart from `routes.json` on purpose: the manifest is a product for deployment tooling and
/// its shape may change, while stale-file removal must work the same whatever the manifest says. Only paths
/// listed here are ever removed; anything else in the folder belongs to the user. A missing or unreadable
/// inventory therefore means "remove nothing", the safe reading.
public struct OutputInventory: Sendable, Hashable, Codable {
    /// The file name, reserved: no build output may use it.
    public static let fileName = ".flowc-outputs.json"

    /// Format version; an inventory with another version is ignored (nothing is removed).
    public var version: Int
    /// Every output path of the build that wrote the folder, in byte order.
    public var files: [String]

    public init(files: [String]) {
        self.version = 1
        self.files = files.sorted { RawPath($0) < RawPath($1) }
    }

    /// Sorted keys, one path per line, final newline: the same build gives the same bytes.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding two plain fields cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return Array(data) + [UInt8(ascii: "\n")]
    }

    /// `nil` for anything but a well-formed version-1 inventory.
    static func decode(_ bytes: [UInt8]) -> OutputInventory? {
        guard let inventory = try? JSONDecoder().decode(OutputInventory.self, from: Data(bytes)),
            inventory.version == 1
        else { return nil }
        return inventory
    }
}
