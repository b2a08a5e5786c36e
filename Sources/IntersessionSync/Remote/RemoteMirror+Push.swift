import Foundation

extension RemoteMirror {
    /// Copies to the remote what the mirror holds and the remote is not known to: creating
    /// only, so a name another replica took first keeps its bytes, and the mirror takes them
    /// (returned true: the engine should read the mirror again). Then claims journal entries
    /// naming what was written, so that the others find it with one listing.
    @discardableResult
    public func push(into report: inout SyncReport) -> Bool {
        var (state, known) = loadState()
        let before = report.replacedByRemote
        do {
            for key in mirror.keys() where !known.contains(key) {
                guard let bytes = try mirror.read(key) else { continue }
                if case .written(let tag) = try store.create(key, bytes) {
                    state.unjournaled.append(key)
                    report.pushedObjects += 1
                    try known.insert(key, tag: tag)
                } else {
                    let replaced = report.replacedByRemote
                    try fetch([key], &known, into: &report)
                    // The same bytes may be this replica's own write, whose journal entry a crash
                    // kept it from claiming: naming a key twice costs a line, never naming it a day.
                    if report.replacedByRemote == replaced { state.unjournaled.append(key) }
                }
            }
            try save(state)
            try claimJournal(&state)
            try save(state)
        } catch {
            try? save(state)
            self.report(error, into: &report)
        }
        return report.replacedByRemote > before
    }

    /// Claims the next free journal entries for the keys written and not yet named by one: each
    /// claim is a create-if-absent, so two replicas never hold the same number.
    func claimJournal(_ state: inout RemoteMirrorState) throws(RemoteError) {
        while !state.unjournaled.isEmpty {
            let keys = Array(state.unjournaled.prefix(RemoteJournal.keysPerEntry))
            var number = state.nextNumber
            var tries = 0
            while !(try store.putIfAbsent(RemoteJournal.key(number), RemoteJournal.encode(keys))) {
                tries += 1
                guard tries < 1000 else { throw .badResponse("no free journal entry after \(tries) tries") }
                number = tries % 8 == 0 ? try highestJournalNumber(after: state.marker).map { max($0, number) + 1 } ?? number + 1 : number + 1
            }
            state.saw(number)
            state.unjournaled.removeFirst(keys.count)
        }
    }

    /// The highest journal entry after `marker`: where many replicas claimed at once, the next
    /// claim jumps there instead of trying every number.
    private func highestJournalNumber(after marker: String?) throws(RemoteError) -> UInt64? {
        try store.list(prefix: RemoteJournal.prefix, after: marker).compactMap { RemoteJournal.number($0.key) }.max()
    }
}
