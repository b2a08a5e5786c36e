import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

/// The demo workspace, made once per test process and copied for each fixture: making it signs
/// and exchanges hundreds of changes among five peers (about a second of a debug build's time,
/// hundreds of fixtures a run), while a copy is a few file copies.
enum DemoTemplate {
    /// The workspace every copy is taken from, made at `DemoFixture.start`.
    static let made: Result<URL, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tui-template-\(UUID().uuidString)")
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        try DemoWorkspace(folder: folder).create(content: content, template: template, start: DemoFixture.start)
        templateFolder = folder.path
        atexit { if let path = DemoTemplate.templateFolder { try? FileManager.default.removeItem(atPath: path) } }
        return folder
    }

    static let content: DemoContent = try! DemoContent(json: Array(EmbeddedResources.demoContent))
    nonisolated(unsafe) static var templateFolder: String?

    /// A workspace of its own at `folder`, the same as the template's. Each peer then remembers
    /// the copy's shared folder in place of the template's; what it knew of the template's
    /// folder is keyed by that folder's path, and no longer matches any folder it syncs.
    static func copy(to folder: URL) throws -> DemoWorkspace {
        try FileManager.default.copyItem(at: try made.get(), to: folder)
        let workspace = DemoWorkspace(folder: folder)
        for peer in content.peers {
            let store = try workspace.home(peer.home).openStore()
            try store.setSetting("sync.folders", to: workspace.sharedFolder)
            try store.close()
        }
        return workspace
    }
}
