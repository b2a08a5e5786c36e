import ArgumentParser

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Replace the text of one of your posts; earlier texts stay in its history.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The id prefix of your post.") var post: String
    @OptionGroup var text: BodyOptions

    func run() throws {
        try profile.reportingErrors {
            let body = try text.read()
            let id = try profile.act { try $0.edit(post: post, body: body) }
            Output.line("Edited \(id.short).")
        }
    }
}
