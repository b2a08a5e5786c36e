import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// What a frozen feed means to the person who holds it, and to the secretariat (DESIGN §4):
/// said by `sync`, `whoami` and `join` each time until it is settled.
enum ForkNotice {
    /// The person's own feed is frozen: why and the way back; with `listing`, what no longer counts.
    static func printOwn(_ store: AppDatabase, me: FeedID, listing: Bool = false) throws {
        guard let forked = try store.forkedChanges(of: me) else { return }
        Output.line("  your feed is FROZEN from seq \(forked.frozenFrom): another device signed different changes as you (a copied home?); nothing signed with this key counts any more.")
        Output.line("  Ask the secretariat to re-admit you (`intersession invite readmit`), then run `intersession join FILE` in this home: your name, delegation and roles carry over to a new key."
            + (listing ? "" : " `intersession whoami` lists your changes that no longer count."))
        if listing { printLost(forked) }
    }

    /// The changes of a forked feed that no longer count, to post again under the new key.
    static func printLost(_ forked: ForkedChanges) {
        guard !forked.logged.isEmpty || !forked.evidence.isEmpty else { return }
        Output.line("  Changes from seq \(forked.frozenFrom) on that no longer count (post again what you still mean):")
        for change in forked.logged {
            for line in ChangeGist.lines(of: change) { Output.line("    \(line.terminalSafe)") }
        }
        for change in forked.evidence {
            for line in ChangeGist.lines(of: change) { Output.line("    \(line.terminalSafe)  (signed on the other device)") }
        }
    }

    /// The secretariat's prompt: each frozen feed not yet replaced by a re-admission.
    static func printForSecretariat(_ store: AppDatabase, me: FeedID) throws {
        guard try store.currentRoles(of: me).contains(.secretariat) else { return }
        for frozen in try store.frozenFeeds() where !frozen.settled && frozen.feed != me {
            let feed = frozen.feed
            Output.line("  frozen: \((frozen.name ?? feed.short).terminalSafe) (feed \(feed.short)) forked at seq \(frozen.seq); re-admit them with `intersession invite readmit \(feed.short) --out FILE`")
        }
    }
}
