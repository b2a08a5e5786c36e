import ArgumentParser
import IntersessionStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Full-text search over posts and practices (accents ignored, best matches first).")

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Words to find.") var query: String

    func run() throws {
        try profile.reportingErrors {
            let (store, _) = try profile.open(readOnly: true)
            let hits = try store.search(query)
            let practices = try store.searchPractices(query)
            if output.json { return try Output.json(hits.map(SearchResult.post) + practices.map(SearchResult.practice)) }
            if hits.isEmpty && practices.isEmpty { Output.line("No post matches \"\(query)\".") }
            for hit in hits {
                Output.line("\(Output.short(hit.post))  \(Output.name(hit.threadTitle)) — \(hit.authorName.map(Output.name) ?? Output.short(hit.author))")
                Output.line("          \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
            }
            for hit in practices {
                Output.line("\(Output.short(hit.practice))  practice: \(Output.name(hit.title))")
                Output.line("          \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
            }
        }
    }
}

/// One entry of `search --json`: a post hit (with `post`), then practice hits (with `practice`),
/// in one array, so that scripts reading posts keep working.
enum SearchResult: Encodable {
    case post(SearchHit)
    case practice(PracticeHit)

    func encode(to encoder: Encoder) throws {
        switch self {
        case .post(let hit): try hit.encode(to: encoder)
        case .practice(let hit): try hit.encode(to: encoder)
        }
    }
}
