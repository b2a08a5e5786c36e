import ArgumentParser
import IntersessionStore

struct ThreadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threads", abstract: "Threads by latest activity, in one topic or all.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A topic key (e.g. flows) or id prefix.") var topic: String?

    func run() throws {
        try profile.reportingErrors {
            let (store, _) = try profile.open(readOnly: true)
            let topicID = try topic.map { try store.resolve($0, as: .topic) }
            let threads = try store.threads(topic: topicID)
            if output.json { return try Output.json(threads) }
            Output.lines(threads.map { thread in
                let unread = thread.unread > 0 ? "\(thread.unread) new" : ""
                return "\(Output.short(thread.id))  \(Output.time(thread.lastActivity))  \(Output.pad(Output.name(thread.title), 50)) \(thread.posts) post\(thread.posts == 1 ? "" : "s") \(unread)"
            })
        }
    }
}
