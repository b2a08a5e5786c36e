import ArgumentParser
import IntersessionCore
import IntersessionStore

struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Reply to a post (the text from --body, --file or standard input).")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The id prefix of the post replied to.") var post: String
    @OptionGroup var text: BodyOptions
    @Option(help: "A passage of the post to quote.") var quote: String?
    @Option(help: "The language of the reply: en or fr (default: your profile's).") var language: Language?

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let parent = try PostTarget.resolve(post, in: store)
            let body = try text.read()
            let quote = try quote.map(TextCheck.body)
            if let quote, !parent.post.body.contains(quote) {
                throw InputError("the quote is not in the text of post \(parent.id.short)")
            }
            let op = Op.postCreate(PostCreate(
                thread: parent.thread, parent: parent.id, body: body,
                language: language ?? profile.writingLanguage, quote: quote))
            let change = try store.author(ops: [op], references: [parent.id], key: key, now: Clock.now())
            try store.markRead(posts: [change.entity(0).hex])
            Output.line(change.entity(0).hex)
        }
    }
}

/// A post named on the command line, with its current text.
enum PostTarget {
    static func resolve(_ typed: String, in store: AppDatabase) throws -> (id: EntityID, thread: EntityID, post: PostView) {
        let post = try store.post(try store.resolve(typed, as: .post))
        guard let entity = EntityID(hex: post.id), let thread = EntityID(hex: post.thread) else {
            throw InputError("no post matches \"\(typed)\"")
        }
        return (entity, thread, post)
    }
}
