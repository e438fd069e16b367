import Foundation

/// Finds the fixture files bundled with this test target.
enum FixtureDiscovery {
    /// The root of the copied `Fixtures` folder.
    static var root: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }
}
