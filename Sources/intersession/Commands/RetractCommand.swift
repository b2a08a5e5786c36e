import ArgumentParser

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Withdraw one of your posts; it shows as retracted.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The id prefix of your post.") var post: String

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.retract(post: post) }
            Output.line("Retracted \(id.short).")
        }
    }
}
