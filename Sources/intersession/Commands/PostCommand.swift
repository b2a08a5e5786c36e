import ArgumentParser
import IntersessionCore

struct PostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Start a thread in a topic (the text from --body, --file or standard input); prints its short id.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A topic key (e.g. flows) or id prefix.") var topic: String
    @Option(help: "The thread's title.") var title: String
    @OptionGroup var text: BodyOptions
    @Option(help: "The language of the post: en or fr (default: your profile's).") var language: Language?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let body = try text.read()
            let thread = try profile.act { try $0.post(in: topic, title: title, body: body, language: language) }
            try IDOutput.print(thread, json: json)
        }
    }
}
