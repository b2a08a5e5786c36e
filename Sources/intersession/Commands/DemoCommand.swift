import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Make (or reopen) a ready workspace of four peers with discussions in English and French.")

    @Option(help: "Where the workspace lives (default: intersession-demo in the temporary folder).")
    var dir: String?

    func run() throws {
        try runReportingErrors {
            let folder = dir.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("intersession-demo")
            let workspace = DemoWorkspace(folder: folder)
            let content = try DemoContent(json: Array(EmbeddedResources.demoContent))
            if workspace.exists(content) {
                Output.line("The demo workspace in \(folder.path) is ready.")
            } else {
                let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
                try workspace.create(content: content, template: template, start: Clock.now() - 3 * 86_400_000)
                Output.line("Made the demo workspace in \(folder.path):")
            }
            for peer in content.peers {
                Output.line("  \(Output.pad(peer.home, 12)) \(peer.profile.name), \(peer.profile.organisation) (\(peer.role.rawValue))")
            }
            let reader = workspace.home(content.peers.last!.home)
            Output.line("")
            Output.line("Read as \(content.peers.last!.profile.name):")
            for topic in try reader.openStore(readOnly: true).topics() {
                let unread = topic.unread > 0 ? "\(topic.unread) unread" : ""
                Output.line("  \(Output.pad(topic.key, 16)) \(Output.pad(topic.title(in: .en), 34)) \(unread)")
            }
            Output.line("")
            Output.line("Try:  intersession threads flows --home \(reader.folder.path)")
            Output.line("      intersession show THREAD --home \(reader.folder.path)")
        }
    }
}
