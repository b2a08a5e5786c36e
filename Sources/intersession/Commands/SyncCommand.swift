import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange changes with the shared folders and remotes (remembered after first use).",
        discussion: """
            Prints what it exported and imported, what waits for earlier changes (pending), and every \
            file or change it refused, each once, when first found; after that it counts the files \
            still rejected until they are fixed or removed. --json prints the whole report as one \
            JSON object (with --watch, one line per sync that changed something).

            A remote is S3-compatible object storage (s3://BUCKET/PREFIX) or a WebDAV server \
            (webdav://HOST[:PORT]/PATH, webdavs:// for HTTPS), synced through a mirror folder in the \
            profile's home. Credentials never go in the address: S3 takes AWS_ACCESS_KEY_ID, \
            AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION and AWS_ENDPOINT_URL_S3 (or \
            AWS_ENDPOINT_URL) from the environment, else s3.access-key-id, s3.secret-access-key, \
            s3.session-token, s3.region and s3.endpoint from the profile's config; WebDAV takes \
            INTERSESSION_WEBDAV_USER and INTERSESSION_WEBDAV_PASSWORD, else webdav.user and \
            webdav.password. An unreachable remote is reported and tried again at the next sync.

            Exit status: 0 when all is well; 3 when the sync was done but a file or change was \
            rejected, or a feed is forked or frozen (see --json, or `intersession members`); 1 on an \
            error: nothing was done, or a remembered folder is missing. With --watch it runs until \
            interrupted (a missing folder is reported and tried again at each look); it ends with 1 \
            only on an error that stops it.
            """)

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("folder"), help: "A shared folder to sync with (repeatable); remembered.")
    var folders: [String] = []
    @Option(name: .customLong("remote"), help: "A remote to sync with: s3://BUCKET/PREFIX or webdav://HOST/PATH (repeatable); remembered.")
    var remotes: [String] = []
    @Flag(help: "Keep syncing as files arrive, until interrupted.") var watch = false
    @Option(help: "Seconds between two looks at the folders with --watch.") var interval: Double = Self.defaultInterval
    static let defaultInterval: Double = 2

    func validate() throws {
        guard interval >= 0.2 else { throw ValidationError("--interval must be at least 0.2 seconds") }
    }

    func run() throws {
        try profile.reportingErrors {
            let (store, key) = try profile.open()
            try RememberedRemotes(store: store).add(remotes)
            let remembered = try RememberedFolders(store: store).add(folders)
            guard !remembered.isEmpty else {
                throw InputError("noFolderOrRemote")
            }
            let actions = try Actions(store: store, key: key, folders: remembered, clock: Clock.now)
            var report = try actions.syncRenewingEpoch()
            let language = profile.messageLanguage
            SyncOutput.print(report, json: output.json, language: language)
            if !output.json {
                let me = key.feed
                try SyncOutput.printContestedInvites(store, me: me)
                try ForkNotice.printForSecretariat(store, me: me)
                try ForkNotice.printOwn(store, me: me)
            }
            while watch {
                Thread.sleep(forTimeInterval: interval)
                report = try actions.syncRenewingEpoch()
                if report.changedSomething { SyncOutput.print(report, json: output.json, language: language) }
            }
            if report.problems.contains(where: { FileStatus(path: $0.path)?.isDirectory != true && remembered.contains($0.path) }) {
                throw ExitCode.failure
            }
            if report.needsAttention { throw ExitStatus.attention }
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

    /// The summary line and a line for each problem, in `language`.
    static func print(_ report: SyncReport, json: Bool = false, language: Language) {
        if json { return Output.line(String(decoding: CanonicalJSON.encode(report.json), as: UTF8.self)) }
        let words = SyncSummary.phrasebook(language)
        Output.line(SyncSummary.line(report, in: words))
        for problem in report.problems { note(words.text("notice.sync.skipped", [problem.path.terminalSafe, problem.reason.terminalSafe])) }
        for fork in report.forks { note(words.text("notice.sync.fork", [fork.feed.short, String(fork.seq)])) }
        for refused in report.refused where !report.forks.contains(where: { $0.feed == refused.feed && $0.seq == refused.seq }) {
            note(words.text("notice.sync.refused", [String(refused.seq), refused.feed.short, refused.reason]))
        }
        let earlier = report.stillRejected.count - report.problems.filter { problem in report.stillRejected.contains(problem) }.count
        if earlier > 0 { note(words.counted("notice.sync.stillRejected", earlier)) }
        let unsettled = report.frozen.filter { !$0.settled }.count
        if unsettled > 0 { note(words.counted("notice.sync.frozen", unsettled)) }
        for taken in report.takenNames { note(takenName(taken, words)) }
    }

    static func note(_ text: String) { Output.line("  " + text) }

    static func takenName(_ taken: SyncReport.TakenName, _ words: Phrasebook) -> String {
        let instead = taken.wroteInstead.isEmpty
            ? words.text("notice.sync.noFreeName")
            : words.text("notice.sync.wroteInstead", [taken.wroteInstead.map { ($0 as NSString).lastPathComponent.terminalSafe }.joined(separator: ", ")])
        return words.text(taken.ownFeed ? "notice.sync.takenNotYours" : "notice.sync.takenNotThisReplicas", [taken.path.terminalSafe, instead])
    }
}
