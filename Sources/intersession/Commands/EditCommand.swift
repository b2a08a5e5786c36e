import ArgumentParser
import IntersessionCore
import IntersessionStore

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Replace the text of one of your posts; earlier texts stay in its history.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The id prefix of your post.") var post: String
    @OptionGroup var text: BodyOptions

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let target = try PostTarget.resolve(post, in: store)
            let body = try text.read()
            guard body != target.post.body || target.post.retracted else { throw InputError("the text is unchanged") }
            _ = try store.author(ops: [.postEdit(PostEdit(post: target.id, body: body))], references: [target.id],
                                 key: key, now: Clock.now())
            Output.line("Edited \(target.id.short).")
        }
    }
}
