import ArgumentParser
import IntersessionCore

struct DraftCommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment", abstract: "Comment on a paragraph: a thread in the draft's topic, anchored to the paragraph; prints its short id.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Option(help: "The paragraph's number.") var paragraph: Int
    @OptionGroup var body: BodyOptions
    @Option(help: "The language of the comment: en or fr (default: your profile's).") var language: Language?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let text = try body.read()
            let thread = try profile.act { try $0.comment(on: draft.draft, paragraph: paragraph, body: text, language: language) }
            try IDOutput.print(thread, json: json)
        }
    }
}
