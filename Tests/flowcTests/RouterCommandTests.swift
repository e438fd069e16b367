import FlowCompiler
import Foundation
import Testing

/// `flowc router` end to end: the router of a built tree on standard output, and exit 2 with a message for
/// a tree it cannot read. What the routers do on their engines is Tests/routers/check_routers.py's (CI).
@Suite struct RouterCommandTests {
    @Test func writesTheRouterOfABuiltTree() throws {
        let folder = try TemporaryFolder()
        let tree = folder.url.appendingPathComponent("twiml").path
        let build = try FlowcBinary.run(["build", "flows", "--out", tree], in: BundledFlowsTests.repository)
        #expect(build.status == 0, "\(build.stderr)")
        for target in RouterTarget.allCases {
            let result = try FlowcBinary.run(["router", target.rawValue, tree])
            #expect(result.status == 0, "\(result.stderr)")
            guard case .success(let expected) = target.render(manifestAt: tree) else {
                Issue.record("the library cannot read \(tree)")
                continue
            }
            #expect(result.stdout == expected)
            #expect(result.stdout.contains("/main_menu/legs/caller/start.on1.xml"))
        }
    }

    @Test func aMissingTreeOrAnUnknownTargetIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let missing = try FlowcBinary.run(["router", "nginx", folder.url.appendingPathComponent("none").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or folder"))
        #expect(missing.stdout.isEmpty)
        let unknown = try FlowcBinary.run(["router", "apache"])
        #expect(unknown.status == 2)
    }
}
