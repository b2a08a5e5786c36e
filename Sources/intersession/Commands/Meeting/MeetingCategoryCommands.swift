import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

extension DelegationKind: ExpressibleByArgument {}

struct MeetingCategoriseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "categorise",
        abstract: "Put a delegation in the category it takes part in, for every meeting's count (the secretariat).",
        discussion: """
            The reports to the committees count delegations by category. A delegation no one has \
            put in a category is counted by its participants' capacities: a delegate or head of \
            delegation makes it a Member's, else an observer an observer's, else an expert an \
            expert's. The name is matched whatever its case and outer spaces.
            """)
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The delegation, as its participants register it.") var delegation: String
    @Argument(help: "member, partner-organisation, private-sector, observer, academia or expert.") var category: DelegationKind

    func run() throws {
        try profile.reportingErrors {
            try profile.act { try $0.categorise(delegation: delegation, as: category) }
            Output.line("\(Output.name(delegation.trimmingCharacters(in: .whitespaces))) takes part as \(category.rawValue).")
        }
    }
}

struct MeetingDelegationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delegations", abstract: "The delegations the secretariat has put in a category, and who set it when.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try profile.reportingErrors {
            let entries = try profile.openStore().delegationCategories()
            if output.json { return try Output.json(entries) }
            if entries.isEmpty { return Output.line("No delegation has been put in a category yet.") }
            Output.lines(entries.map { entry in
                "\(Output.pad(Output.name(entry.delegation), 32)) \(Output.pad(entry.category, 22)) \(Output.short(entry.setBy))  \(Output.time(entry.at))"
            })
        }
    }
}
