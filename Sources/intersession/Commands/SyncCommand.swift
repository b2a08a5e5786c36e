import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange changes with the shared folders (remembered after first use).")

    @OptionGroup var profile: ProfileOptions
    @Option(name: .customLong("folder"), help: "A shared folder to sync with (repeatable); remembered.")
    var folders: [String] = []
    @Flag(help: "Keep syncing as files arrive, until interrupted.") var watch = false
    @Option(help: "Seconds between two looks at the folders with --watch.") var interval: Double = 2

    func validate() throws {
        guard interval >= 0.2 else { throw ValidationError("--interval must be at least 0.2 seconds") }
    }

    func run() throws {
        try profile.reportingErrors {
            let (store, _) = try profile.open()
            let remembered = try RememberedFolders(store: store).add(folders)
            guard !remembered.isEmpty else {
                throw InputError("noFolder")
            }
            let engine = SyncEngine(store: store, own: try? profile.profile.loadKey().feed)
            var report = try engine.sync(folders: remembered)
            SyncOutput.print(report)
            try SyncOutput.printContestedInvites(store, me: try profile.profile.loadKey().feed)
            while watch {
                Thread.sleep(forTimeInterval: interval)
                report = try engine.sync(folders: remembered)
                if report.changedSomething { SyncOutput.print(report) }
            }
            if report.problems.contains(where: { FileStatus(path: $0.path)?.isDirectory != true && remembered.contains($0.path) }) {
                throw ExitCode.failure
            }
        }
    }
}

enum SyncOutput {
    /// The secretariat's prompt: an invite redeemed by more than one feed seats nobody until it admits one.
    static func printContestedInvites(_ store: AppDatabase, me: FeedID) throws {
        guard try store.currentRoles(of: me).contains(.secretariat) else { return }
        for invite in try store.contestedInvites() {
            Output.line("  contested: invite \(Output.short(invite.id)) for \(invite.name) is \(InviteListCommand.state(of: invite))")
        }
    }

    static func print(_ report: SyncReport) {
        Output.line("sync: " + report.summary)
        for problem in report.problems { Output.line("  skipped \(problem.path): \(problem.reason)") }
        for fork in report.forks {
            Output.line("  fork: feed \(fork.feed.short) signed two different changes for seq \(fork.seq); its changes from there no longer count (evidence kept)")
        }
        for taken in report.takenNames {
            let whose = taken.ownFeed ? "not yours" : "not this replica's"
            let instead = taken.wroteInstead.isEmpty
                ? "found no free name, will try again"
                : "wrote " + taken.wroteInstead.map { ($0 as NSString).lastPathComponent.terminalSafe }.joined(separator: ", ") + " instead"
            Output.line("  name taken: \(taken.path.terminalSafe) was taken by a file that is \(whose); \(instead)")
        }
    }
}
