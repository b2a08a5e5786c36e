import ArgumentParser

@main
struct Intersession: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intersession",
        abstract: "The intersessional work of a working group: threads, drafts and votes, offline, synced through shared folders.",
        version: "0.1.0",
        subcommands: [
            TUICommand.self, OverviewCommand.self, InitCommand.self, WhoAmICommand.self, MembersCommand.self, TopicsCommand.self,
            ThreadsCommand.self, ShowCommand.self, PostCommand.self, ReplyCommand.self, EditCommand.self,
            RetractCommand.self, HistoryCommand.self, SearchCommand.self, InviteCommand.self, JoinCommand.self, SyncCommand.self, MemberCommand.self,
            ModCommand.self, PollCommand.self, DraftCommand.self, AmendCommand.self,
            DemoCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )
}
