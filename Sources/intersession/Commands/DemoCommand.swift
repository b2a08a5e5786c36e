import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Make (or reopen) a ready workspace of four peers with discussions in English and French.")

    @Option(help: "Where the workspace lives (default: intersession-demo in the temporary folder).")
    var dir: String?
    @Option(name: .customLong("as"), help: "Whose profile to open: secretariat, cochair-fr, cochair-psc or delegate-jp.")
    var peer = "delegate-jp"
    @OptionGroup var language: LanguageOption
    @OptionGroup var interface: InterfaceOptions

    static var defaultFolder: URL { FileManager.default.temporaryDirectory.appendingPathComponent("intersession-demo") }

    func run() throws {
        try language.reportingErrors {
            let folder = dir.map { URL(fileURLWithPath: $0) } ?? Self.defaultFolder
            let workspace = DemoWorkspace(folder: folder)
            let content = try DemoContent(json: Array(EmbeddedResources.demoContent))
            guard content.peers.contains(where: { $0.home == peer }) else {
                throw InputError("noSuchPeer", peer, content.peers.map(\.home).joined(separator: ", "))
            }
            try workspace.prepare(now: Clock.now())
            if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
                return try interface.open(workspace.home(peer), demoFolder: folder, language: language.lang)
            }
            Output.line("The demo workspace in \(folder.path):")
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
