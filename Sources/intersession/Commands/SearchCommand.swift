import ArgumentParser
import IntersessionStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Full-text search over posts, practices and attachments (accents ignored, best matches first).")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Words to find.") var query: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let hits = try store.search(query)
            let practices = try store.searchPractices(query)
            let attachments = try store.searchAttachments(query)
            if output.json {
                return try Output.json(hits.map(SearchJSON.post) + practices.map(SearchJSON.practice) + attachments.map(SearchJSON.attachment))
            }
            if hits.isEmpty, practices.isEmpty, attachments.isEmpty { Output.line("No post matches \"\(query)\".") }
            for hit in hits {
                Output.line("\(Output.short(hit.post))  \(Output.name(hit.threadTitle)) — \(hit.authorName.map(Output.name) ?? Output.short(hit.author))")
                Output.line("          \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
            }
            for hit in practices {
                Output.line("\(Output.short(hit.practice))  practice: \(Output.name(hit.title))")
                Output.line("          \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
            }
            for attachment in attachments { Output.line(SearchJSON.line(attachment)) }
        }
    }
}
