import ArgumentParser
import IntersessionStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every text a post has had, oldest first.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A post id prefix.") var post: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let versions = try store.history(ofPost: try store.resolve(post, as: .post))
            if output.json { return try Output.json(versions) }
            for (index, version) in versions.enumerated() {
                Output.line("— \(index == 0 ? "original" : "edit \(index)"), \(Output.time(version.time))")
                Output.line(version.body)
            }
        }
    }
}
