import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Check the profile's store and repair it: from its own log, or from the shared folders.",
        discussion: """
            Checks the store: SQLite's integrity check, the hash chains and signatures of its log, \
            and its state against a rebuild from the log; and says what it found. A sound store is \
            left as it is. When only the state is wrong, it is rebuilt from the log. When the store \
            is damaged (truncated, unreadable, a log that does not verify), it is moved aside to \
            store.sqlite.damaged-<time> (never deleted) and a new store is filled from the shared \
            folders, keeping the identity key and the config: the folders the damaged store \
            remembers, else those given with --folder. A sealed group's folder is named after its \
            genesis: when the damaged store no longer holds it, give an invite file of the group with \
            --invite (the one you joined with, or a new one). Your own changes come back from the folders \
            (those no folder holds, from the damaged store when they still verify there) before \
            anything new is signed, so your feed continues instead of forking.

            Exit status: 0 when the store is sound or was repaired; 3 when --check found something \
            to repair, or when fewer of your own changes came back than the damaged store held \
            (sync with every folder that may hold them before you post); 1 on an error \
            (no folder to rebuild from; the damaged store is then left where it was).
            """)

    @OptionGroup var profile: ProfileOptions
    @Option(name: .customLong("folder"), help: "A shared folder to rebuild from (repeatable; default: the store's remembered folders).")
    var folders: [String] = []
    @Option(help: ArgumentHelp("An invite file of the group: how a sealed group is found in the folders when the damaged store no longer holds its genesis.",
                               valueName: "file"))
    var invite: String?
    @Flag(help: "Only check the store; change nothing.") var check = false

    func run() throws {
        try profile.reportingErrors {
            let home = profile.profile
            _ = try home.loadKey()
            Output.line("repair: checking \(home.storeURL.path.terminalSafe)")
            if check {
                let diagnosis = try StoreDiagnosis.of(home)
                RepairOutput.print(diagnosis)
                Output.line(diagnosis.isSound ? "repair: the store is sound" : "repair: the store needs repair; run `intersession repair`")
                if !diagnosis.isSound { throw ExitStatus.attention }
                return
            }
            let (diagnosis, outcome) = try Recovery.repair(home: home, folders: folders, invite: try invite.map(InviteFile.read(path:)),
                                                           now: Date())
            RepairOutput.print(diagnosis)
            try RepairOutput.print(outcome, language: profile.messageLanguage)
        }
    }
}

enum RepairOutput {
    static func print(_ diagnosis: StoreDiagnosis) {
        if let unreadable = diagnosis.unreadable { return Output.line("  store: unreadable (\(unreadable.terminalSafe))") }
        Output.line(diagnosis.integrity.isEmpty ? "  integrity: ok" : "  integrity: \(diagnosis.integrity.count) problem(s)")
        for problem in diagnosis.integrity.prefix(10) { Output.line("    \(problem.terminalSafe)") }
        guard diagnosis.integrity.isEmpty else { return }
        Output.line(diagnosis.log.isEmpty ? "  log: every hash chain and signature holds" : "  log: \(diagnosis.log.count) feed(s) do not verify")
        for problem in diagnosis.log { Output.line("    \(problem)") }
        guard diagnosis.log.isEmpty else { return }
        Output.line(diagnosis.stateMatchesLog ? "  state: the same as a rebuild from the log" : "  state: differs from a rebuild from the log")
        if let digest = diagnosis.stateDigest { Output.line("  state digest: \(digest)") }
    }

    static func print(_ outcome: RepairOutcome, language: Language) throws {
        switch outcome {
        case .sound:
            Output.line("repair: the store is sound; nothing changed")
        case .rebuiltFromLog:
            Output.line("repair: rebuilt the state from the log")
        case .rebuiltFromFolders(let rebuild):
            if let aside = rebuild.movedAside {
                Output.line("repair: the store is damaged; moved it aside to \(aside.terminalSafe)")
            } else {
                Output.line("repair: the store is missing; made a new one")
            }
            Output.line("repair: rebuilt it from \(rebuild.folders.map(\.terminalSafe).joined(separator: ", ")): \(rebuild.ownChanges) of your own changes are back")
            if rebuild.salvagedOwnChanges > 0 {
                Output.line("repair: \(rebuild.salvagedOwnChanges) of them no folder held: read from the damaged store, verified, and written to the folders")
            }
            SyncOutput.print(rebuild.report, language: language)
            guard rebuild.lostOwnChanges > 0, let claimed = rebuild.claimedOwnChanges else { return }
            let notice = Phrasebook(language: language).text("notice.repair.lostOwnChanges", [String(claimed), String(rebuild.ownChanges)])
            FileHandle.standardError.write(Data("intersession: \(notice)\n".utf8))
            throw ExitStatus.attention
        }
    }
}
