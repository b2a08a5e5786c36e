import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct DraftCommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment", abstract: "Comment on a paragraph: a thread in the draft's topic, anchored to the paragraph.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Option(help: "The paragraph's number.") var paragraph: Int
    @OptionGroup var body: BodyOptions

    func run() throws {
        try runReportingErrors {
            let text = try body.read()
            let (store, key) = try profile.openForWriting()
            let id = try draft.id(in: store)
            guard let entity = EntityID(hex: id) else { throw InputError("no draft matches \(draft.draft)") }
            let detail = try store.draft(id)
            let range = try AmendSpan.range(in: detail.text, paragraph: paragraph, span: nil)
            guard let topic = EntityID(hex: detail.summary.topic) else { throw InputError("the draft's topic is unknown") }
            let thread = ThreadCreate(
                topic: topic, title: try TextCheck.title("¶\(paragraph) \(detail.summary.symbol): \(detail.summary.title)"), body: text,
                language: Language(rawValue: detail.summary.language) ?? .en, draft: entity,
                anchor: try store.draftText(id).anchor(at: range.lowerBound))
            let change = try store.author(ops: [.threadCreate(thread)], references: [topic, entity], key: key, now: Clock.now(),
                                          dependsOn: try store.draftHeads(id))
            Output.line(change.entity(0).hex)
        }
    }
}
