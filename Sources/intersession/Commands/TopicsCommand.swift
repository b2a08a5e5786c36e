import ArgumentParser
import IntersessionStore

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "The group's topics, with thread and unread counts.")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let topics = try store.topics()
            if output.json { return try Output.json(topics) }
            let language = profile.messageLanguage
            Output.lines(topics.map { topic in
                "\(Output.short(topic.id))  \(Output.pad(topic.key, 16)) \(Output.pad(Output.name(topic.title(in: language)), 46)) \(topic.threads) thread\(topic.threads == 1 ? "" : "s"), \(topic.unread) unread"
            })
        }
    }
}
