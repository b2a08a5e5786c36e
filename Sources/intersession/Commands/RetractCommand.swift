import ArgumentParser
import IntersessionCore
import IntersessionStore

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Withdraw one of your posts; it shows as retracted.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The id prefix of your post.") var post: String

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let target = try PostTarget.resolve(post, in: store)
            _ = try store.author(ops: [.postRetract(PostRetract(post: target.id))], references: [target.id],
                                 key: key, now: Clock.now())
            Output.line("Retracted \(target.id.short).")
        }
    }
}
