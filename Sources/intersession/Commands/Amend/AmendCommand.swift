import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore

struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend", abstract: "Amendments to drafts: propose, support or oppose, and the penholders' decision.",
        subcommands: [AmendListCommand.self, AmendShowCommand.self, AmendProposeCommand.self, AmendSupportCommand.self, AmendOpposeCommand.self,
                      AmendAcceptCommand.self, AmendRejectCommand.self],
        defaultSubcommand: AmendListCommand.self)
}

struct AmendListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A draft's compiled amendments table.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var draft: DraftArgument

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let table = try store.amendments(of: try draft.id(in: store))
            if output.json { return try Output.json(table) }
            if table.isEmpty { return Output.line("No amendments.") }
            for amendment in table { AmendmentPrinter.print(amendment) }
        }
    }
}

struct AmendShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One amendment, with where it stands.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var amendment: AmendmentArgument

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let shown = try store.amendment(try store.resolve(amendment.amendment, as: .amendment))
            if output.json { return try Output.json(shown) }
            AmendmentPrinter.print(shown)
        }
    }
}

/// An amendment as `amend list` and `amend show` print it; an open one with its standing
/// outcome by the core's counting rule (`AmendmentTally`).
enum AmendmentPrinter {
    static func print(_ amendment: AmendmentView) {
        let paragraph = amendment.paragraph == nil ? "text gone" : amendment.number.map { "¶\($0)" } ?? "heading"
        Output.line("\(Output.short(amendment.id))  \(amendment.kind) (\(paragraph))  by \(amendment.sponsor)  [\(amendment.status)\(amendment.reason.map { ": " + $0 } ?? "")]"
            + "  +\(amendment.tally.support) -\(amendment.tally.oppose)")
        if !amendment.original.isEmpty { Output.line("    now:      \(amendment.original)") }
        if !amendment.text.isEmpty { Output.line("    proposed: \(amendment.text)") }
        Output.line("    why:      \(amendment.rationale)")
        if amendment.status == AmendmentStatus.open.rawValue {
            Output.line("    as things stand: \(amendment.tally.support) support, \(amendment.tally.oppose) oppose")
        }
        if !amendment.supporters.isEmpty { Output.line("    support:  \(amendment.supporters.joined(separator: ", "))") }
        if !amendment.opponents.isEmpty { Output.line("    oppose:   \(amendment.opponents.joined(separator: ", "))") }
        if !amendment.alternatives.isEmpty { Output.line("    alternatives: \(amendment.alternatives.map(Output.short).joined(separator: ", "))") }
    }
}

struct AmendProposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose", abstract: "Propose replacing, inserting or deleting text in a paragraph, with a rationale; prints its short id.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var draft: DraftArgument
    @Option(help: "The paragraph's number.") var paragraph: Int
    @Option(help: "The words concerned in that paragraph (the whole paragraph when omitted).") var span: String?
    @Option(help: "Replace the span with this text.") var replace: String?
    @Option(help: "Insert this text after the span.") var insert: String?
    @Flag(help: "Delete the span.") var delete = false
    @Option(help: "Why.") var rationale: String
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let kinds = [replace != nil, insert != nil, delete].filter { $0 }.count
            guard kinds == 1 else { throw InputError("amendKind") }
            let kind: AmendmentKind = replace != nil ? .replace : (insert != nil ? .insert : .delete)
            let amendment = try profile.act {
                try $0.proposeAmendment(to: draft.draft, paragraph: paragraph, span: span, kind: kind, text: replace ?? insert ?? "",
                                        rationale: rationale)
            }
            try IDOutput.print(amendment, json: json)
        }
    }
}

/// An amendment named by an id prefix.
struct AmendmentArgument: ParsableArguments {
    @Argument(help: "An amendment id prefix.") var amendment: String
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
        try profile.reportingErrors {
            let id = try profile.act { try $0.takePosition(on: amendment.amendment, supports: supports, reason: reason) }
            Output.line("\(supports ? "Supported" : "Opposed") \(id.short).")
        }
    }
}

struct AmendAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept an amendment and apply it to the text (penholders).")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var amendment: AmendmentArgument

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.acceptAmendment(amendment.amendment) }
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
        try profile.reportingErrors {
            let id = try profile.act { try $0.rejectAmendment(amendment.amendment, reason: reason) }
            Output.line("Rejected \(id.short).")
        }
    }
}
