import ArgumentParser
import IntersessionCore

struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Reply to a post (the text from --body, --file or standard input); prints the reply's short id.")

    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The id prefix of the post replied to.") var post: String
    @OptionGroup var text: BodyOptions
    @Option(help: "A passage of the post to quote.") var quote: String?
    @Option(help: "The language of the reply: en or fr (default: your profile's).") var language: Language?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let body = try text.read()
            let reply = try profile.act { try $0.reply(to: post, body: body, quote: quote, language: language) }
            try IDOutput.print(reply, json: json)
        }
    }
}
