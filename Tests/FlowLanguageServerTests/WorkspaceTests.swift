import Foundation
import Testing

@testable import FlowLanguageServer

/// Which files are compiled together (README, "Editors"), and how URIs become paths.
@Suite struct WorkspaceTests {
    @Test func urisBecomePathsAndBack() {
        #expect(Workspace.path(ofURI: "file:///tmp/a%20b/x.flow") == "/tmp/a b/x.flow")
        #expect(Workspace.path(ofURI: "untitled:Untitled-1") == "untitled:Untitled-1")
        #expect(Workspace.path(ofURI: Workspace.uri(ofPath: "/tmp/a b/é.flow")) == "/tmp/a b/é.flow")
    }

    @Test func projectPathsComeFromTheOptionOrTheFlowsFolder() throws {
        var workspace = Workspace()
        workspace.configure(rootURIs: ["file:///root"], paths: ["src/flows", "/elsewhere/", "../up"])
        #expect(workspace.projectPaths == ["/root/src/flows", "/elsewhere", "/up"])
        #expect(workspace.isInProject("/root/src/flows/a.flow"))
        #expect(workspace.isInProject("/elsewhere/deep/b.flow"))
        #expect(!workspace.isInProject("/root/src/flows2/a.flow"), "a prefix of a name is not a folder")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("flows"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        workspace.configure(rootURIs: [folder.absoluteString], paths: nil)
        #expect(workspace.projectPaths == [Workspace.normalized(folder.path + "/flows")])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("flows"))
        workspace.configure(rootURIs: [folder.absoluteString], paths: nil)
        #expect(workspace.projectPaths.isEmpty, "no flows/ folder: every file is checked alone")
    }

    @Test func buffersStandInForTheirFilesAndNewBuffersJoinTheProject() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
        let flows = folder.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "flow a\n".write(to: flows.appendingPathComponent("a.flow"), atomically: true, encoding: .utf8)
        try "flow b\n".write(to: flows.appendingPathComponent("b.flow"), atomically: true, encoding: .utf8)
        var workspace = Workspace()
        workspace.configure(rootURIs: [folder.absoluteString], paths: nil)
        let a = Workspace.normalized(flows.path + "/a.flow")
        workspace.open(OpenDocument(uri: Workspace.uri(ofPath: a), version: 1, text: "flow edited\n"))
        workspace.open(OpenDocument(uri: Workspace.uri(ofPath: flows.path + "/new.flow"), version: 1, text: "flow n\n"))
        let unit = workspace.compilationUnit(for: a)
        #expect(unit.files.map { ($0.path as NSString).lastPathComponent } == ["a.flow", "b.flow", "new.flow"])
        #expect(unit.files.first?.text == "flow edited\n", "the buffer, not the file on disk")

        let stray = OpenDocument(uri: "untitled:x", version: 1, text: "flow x\n")
        workspace.open(stray)
        #expect(workspace.compilationUnit(for: stray.path).files.map(\.text) == ["flow x\n"])
    }
}
