import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionActions
import IntersessionStore
import IntersessionTUI

@main
struct Intersession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intersession",
        abstract: "The intersessional work of a working group: threads, drafts and votes, offline, synced through shared folders.",
        version: "0.1.0",
        subcommands: [
            TUICommand.self, OverviewCommand.self, InitCommand.self, WhoAmICommand.self, MembersCommand.self, TopicsCommand.self,
            ThreadsCommand.self, ShowCommand.self, PostCommand.self, ReplyCommand.self, EditCommand.self,
            RetractCommand.self, HistoryCommand.self, SearchCommand.self, InviteCommand.self, JoinCommand.self, SyncCommand.self, RepairCommand.self, MemberCommand.self,
            ModCommand.self, PollCommand.self, DraftCommand.self, AmendCommand.self, MeetingCommand.self, AttachmentCommand.self,
            RecommendationCommand.self, ReportCommand.self, PracticeCommand.self, EditionCommand.self,
            DemoCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Options that every command takes may stand before the command; a word that names no
    /// command is refused with the nearest one, before ArgumentParser gives it to the default.
    static func main() {
        let arguments = LeadingOptions.reordered(Array(CommandLine.arguments.dropFirst()))
        if let plain = PlainInvocation.parse(arguments), var command = plain.parsed() {
            do {
                try command.validate()
                try command.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        if let unknown = UnknownCommand.find(in: arguments, root: Self.self) {
            FileHandle.standardError.write(Data((unknown.message(in: language(for: arguments)) + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// `--lang`, else the profile's setting, else the locale: as the commands themselves decide.
    private static func language(for arguments: [String]) -> Language {
        let environment = Environment.current
        let home = ProfileHome.resolve(explicit: LeadingOptions.value(of: "--home", in: arguments), environment: environment)
        return LanguageChoice.resolve(
            flag: LeadingOptions.value(of: "--lang", in: arguments).flatMap(Language.init(rawValue:)),
            profile: ProfileConfig.load(from: home.configURL)["lang"], environment: environment)
    }
}
