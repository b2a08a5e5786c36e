import ArgumentParser
import IntersessionCore
import IntersessionStore

struct PostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Start a thread in a topic (the text from --body, --file or standard input).")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A topic key (e.g. flows) or id prefix.") var topic: String
    @Option(help: "The thread's title.") var title: String
    @OptionGroup var text: BodyOptions
    @Option(help: "The language of the post: en or fr (default: your profile's).") var language: Language?

    func run() throws {
        try runReportingErrors {
            let title = try TextCheck.title(title)
            let (store, key) = try profile.openForWriting()
            let topicID = try store.resolve(topic, as: .topic)
            let body = try text.read()
            guard let topicEntity = EntityID(hex: topicID) else { throw InputError("bad topic id") }
            let op = Op.threadCreate(ThreadCreate(
                topic: topicEntity, title: title, body: body, language: language ?? profile.writingLanguage))
            let change = try store.author(ops: [op], references: [topicEntity], key: key, now: Clock.now())
            let thread = change.entity(0)
            try store.markRead(posts: [thread.hex])
            Output.line(thread.hex)
        }
    }
}
