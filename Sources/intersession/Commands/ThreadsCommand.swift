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
            let store = try profile.openStore()
            let topicID = try topic.map { try store.resolve($0, as: .topic) }
            let threads = try store.threads(topic: topicID)
            if output.json { return try Output.json(threads) }
            var listing = ListingBuffer(rows: threads.count)
            for thread in threads {
                listing.append(Output.short(thread.id) + "  ")
                listing.append(time: thread.lastActivity)
                listing.append("  ")
                listing.append(Output.name(thread.title), paddedTo: 50)
                listing.append(" ")
                listing.append(thread.posts)
                listing.append(thread.posts == 1 ? " post " : " posts ")
                if thread.unread > 0 { listing.append(thread.unread); listing.append(" new") }
                listing.endLine()
            }
            listing.write()
        }
    }
}
