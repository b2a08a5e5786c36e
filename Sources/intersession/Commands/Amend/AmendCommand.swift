import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend", abstract: "Amendments to drafts: propose, support or oppose, and the penholders' decision.",
        subcommands: [AmendListCommand.self, AmendProposeCommand.self, AmendSupportCommand.self, AmendOpposeCommand.self,
                      AmendAcceptCommand.self, AmendRejectCommand.self],
        defaultSubcommand: AmendListCommand.self)
}

struct AmendListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A draft's compiled amendments table.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var draft: DraftArgument

    func run() throws {
        try runReportingErrors {
            let (store, _) = try profile.open(readOnly: true)
            let table = try store.amendments(of: try draft.id(in: store))
            if output.json { return try Output.json(table) }
            if table.isEmpty { return Output.line("No amendments.") }
            for amendment in table {
                let paragraph = amendment.paragraph == nil ? "text gone" : amendment.number.map { "¶\($0)" } ?? "heading"
                Output.line("\(Output.short(amendment.id))  \(amendment.kind) (\(paragraph))  by \(amendment.sponsor)  [\(amendment.status)\(amendment.reason.map { ": " + $0 } ?? "")]"
                    + "  +\(amendment.supporters.count) -\(amendment.opponents.count)")
                if !amendment.original.isEmpty { Output.line("    now:      \(amendment.original)") }
                if !amendment.text.isEmpty { Output.line("    proposed: \(amendment.text)") }
                Output.line("    why:      \(amendment.rationale)")
                if !amendment.alternatives.isEmpty { Output.line("    alternatives: \(amendment.alternatives.map(Output.short).joined(separator: ", "))") }
            }
        }
    }
}

struct AmendProposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose", abstract: "Propose replacing, inserting or deleting text in a paragraph, with a rationale.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Option(help: "The paragraph's number.") var paragraph: Int
    @Option(help: "The words concerned in that paragraph (the whole paragraph when omitted).") var span: String?
    @Option(help: "Replace the span with this text.") var replace: String?
    @Option(help: "Insert this text after the span.") var insert: String?
    @Flag(help: "Delete the span.") var delete = false
    @Option(help: "Why.") var rationale: String

    func run() throws {
        try runReportingErrors {
            let kinds = [replace != nil, insert != nil, delete].filter { $0 }.count
            guard kinds == 1 else { throw InputError("give one of --replace TEXT, --insert TEXT or --delete") }
            let (store, key) = try profile.openForWriting()
            let id = try draft.id(in: store)
            guard let entity = EntityID(hex: id) else { throw InputError("no draft matches \(draft.draft)") }
            let text = try store.draftText(id)
            let range = try AmendSpan.range(in: text.text, paragraph: paragraph, span: span)
            let kind: AmendmentKind = replace != nil ? .replace : (insert != nil ? .insert : .delete)
            let from = kind == .insert ? (range.upperBound > 0 ? text.anchor(at: range.upperBound - 1) : nil) : text.anchor(at: range.lowerBound)
            let to = kind == .insert ? nil : text.anchor(at: range.upperBound - 1)
            let proposal = AmendPropose(draft: entity, kind: kind, from: from, to: to, text: replace ?? insert ?? "",
                                        rationale: try TextCheck.body(rationale))
            let change = try store.author(ops: [.amendPropose(proposal)], references: [entity], key: key, now: Clock.now(),
                                          dependsOn: try store.draftHeads(id))
            Output.line(change.entity(0).hex)
        }
    }
}

/// Finding an amendment's span from a paragraph number and the words typed.
enum AmendSpan {
    static func range(in text: String, paragraph number: Int, span: String?) throws -> Range<Int> {
        guard let block = Paragraphs.split(text).first(where: { $0.number == number }) else {
            throw InputError("the draft has no paragraph \(number)")
        }
        guard let span, !span.isEmpty else { return block.range }
        let scalars = Array(block.text.unicodeScalars), needle = Array(span.unicodeScalars)
        guard needle.count <= scalars.count,
            let start = (0...(scalars.count - needle.count)).first(where: { Array(scalars[$0..<($0 + needle.count)]) == needle })
        else { throw InputError("paragraph \(number) does not contain \"\(span)\"") }
        return (block.range.lowerBound + start)..<(block.range.lowerBound + start + needle.count)
    }
}

/// An amendment named by an id prefix.
struct AmendmentArgument: ParsableArguments {
    @Argument(help: "An amendment id prefix.") var amendment: String

    func id(in store: AppDatabase) throws -> EntityID {
        guard let id = EntityID(hex: try store.resolve(amendment, as: .amendment)) else { throw InputError("no amendment matches \(amendment)") }
        return id
    }
}

struct AmendSupportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "support", abstract: "Support an amendment.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var amendment: AmendmentArgument
    @Option(help: "Why (optional).") var reason: String?

    func run() throws { try AmendPositionAct.sign(profile, amendment, supports: true, reason: reason) }
}

struct AmendOpposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "oppose", abstract: "Oppose an amendment.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var amendment: AmendmentArgument
    @Option(help: "Why (optional).") var reason: String?

    func run() throws { try AmendPositionAct.sign(profile, amendment, supports: false, reason: reason) }
}

enum AmendPositionAct {
    static func sign(_ profile: ProfileOptions, _ amendment: AmendmentArgument, supports: Bool, reason: String?) throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let id = try amendment.id(in: store)
            _ = try store.author(ops: [.amendPosition(AmendPosition(amendment: id, supports: supports, reason: reason))], references: [id],
                                 key: key, now: Clock.now())
            Output.line("\(supports ? "Supported" : "Opposed") \(id.short).")
        }
    }
}

struct AmendAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept an amendment and apply it to the text (penholders).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var amendment: AmendmentArgument

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let id = try amendment.id(in: store)
            try store.decideAmendment(id, accept: true, reason: nil, key: key, now: Clock.now())
            Output.line("Accepted \(id.short); the draft now carries it.")
        }
    }
}

struct AmendRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject an amendment, with a reason (penholders).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var amendment: AmendmentArgument
    @Option(help: "Why.") var reason: String

    func run() throws {
        try runReportingErrors {
            let (store, key) = try profile.openForWriting()
            let id = try amendment.id(in: store)
            try store.decideAmendment(id, accept: false, reason: try TextCheck.body(reason), key: key, now: Clock.now())
            Output.line("Rejected \(id.short).")
        }
    }
}
