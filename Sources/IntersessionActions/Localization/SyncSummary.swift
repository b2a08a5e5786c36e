import IntersessionCore
import IntersessionSync

/// The line a sync prints first, in the reader's language: what it exported and imported, what
/// waits and what it refused, then only the counts that are not zero.
public enum SyncSummary {
    /// The counted texts (each with its `.one`) and the others the line and its notes may use,
    /// so that a command can read these alone from the catalog.
    static let counted = ["changes", "files", "feeds", "rejected", "incomplete", "unreadable", "changed", "unreachable",
                          "locked", "stillRejected", "frozen"].map { "notice.sync." + $0 }
    static let plain = ["line", "exported", "imported", "pending", "objects", "skipped", "fork", "refused",
                        "takenNotYours", "takenNotThisReplicas", "noFreeName", "wroteInstead"].map { "notice.sync." + $0 }
    public static let keys = Set(counted + counted.map { $0 + ".one" } + plain)

    public static func phrasebook(_ language: Language) -> Phrasebook { Phrasebook(language: language, keys: keys) }

    /// "sync: " and the summary.
    public static func line(_ report: SyncReport, in phrasebook: Phrasebook) -> String {
        phrasebook.text("notice.sync.line", [text(report, in: phrasebook)])
    }

    public static func text(_ report: SyncReport, in phrasebook: Phrasebook) -> String {
        let words = Words(phrasebook: phrasebook)
        var parts = [phrasebook.text("notice.sync.exported", [words.count("changes", report.exportedChanges), words.count("files", report.exportedFiles)]),
                     phrasebook.text("notice.sync.imported", [String(report.importedChanges), words.count("feeds", report.importedFeeds.count)]),
                     phrasebook.text("notice.sync.pending", [String(report.pending)]), words.count("rejected", report.rejectedFiles)]
        let optional: [(key: String, value: Int)] = [("incomplete", report.incompleteFiles), ("unreadable", report.failedReads),
                                                      ("changed", report.changedFiles)]
        parts += optional.filter { $0.value > 0 }.map { words.count($0.key, $0.value) }
        if report.fetchedObjects > 0 || report.pushedObjects > 0 {
            parts.append(phrasebook.text("notice.sync.objects", [String(report.fetchedObjects), String(report.pushedObjects)]))
        }
        let late: [(key: String, value: Int)] = [("unreachable", report.remoteFailures), ("locked", report.lockedFiles)]
        parts += late.filter { $0.value > 0 }.map { words.count($0.key, $0.value) }
        return parts.joined(separator: phrasebook.listSeparator)
    }

    struct Words {
        let phrasebook: Phrasebook
        func count(_ noun: String, _ value: Int) -> String { phrasebook.counted("notice.sync." + noun, value) }
    }
}
