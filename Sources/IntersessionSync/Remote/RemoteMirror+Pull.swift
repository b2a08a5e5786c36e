import Foundation

extension RemoteMirror {
    /// Copies into the mirror what is new on the remote: the files named by journal entries
    /// after the last one read, or, on the first sync and once a day, everything the remote
    /// lists. Returns false when the remote could not be read (reported); the engine then reads
    /// what the mirror already holds. Returns, too, whether a file of the mirror was replaced by
    /// the remote's different one under the same name.
    @discardableResult
    public func pull(now: Int64, into report: inout SyncReport) -> Bool {
        do {
            try prepare()
            var (state, known) = loadState()
            if state.marker == nil || (state.fullListingAt ?? 0) + Self.fullListingAge <= now || state.fullListingAt ?? 0 > now {
                try listEverything(&state, &known, now: now, into: &report)
            } else {
                try readJournal(&state, &known, into: &report)
            }
            try save(state)
            return true
        } catch {
            self.report(error, into: &report)
            return false
        }
    }

    /// Reads the journal entries after the marker and fetches what they name.
    func readJournal(_ state: inout RemoteMirrorState, _ known: inout KnownKeys, into report: inout SyncReport) throws {
        for entry in try store.list(prefix: RemoteJournal.prefix, after: state.marker) {
            guard let number = RemoteJournal.number(entry.key) else { continue }
            if entry.size <= Int64(RemoteJournal.maximumEntryBytes),
               let bytes = try store.get(entry.key, limit: RemoteJournal.maximumEntryBytes) {
                let keys = RemoteJournal.decode(bytes).filter { !known.contains($0) }
                try fetch(keys, &known, into: &report)
            }
            state.marker = entry.key
            state.saw(number)
        }
    }

    /// Lists the whole remote: fetches what the mirror lacks or holds otherwise, and learns
    /// exactly what the remote holds (what it lost is pushed again).
    func listEverything(_ state: inout RemoteMirrorState, _ known: inout KnownKeys, now: Int64, into report: inout SyncReport) throws {
        var listed = Set<String>()
        var wanted: [String] = []
        for object in try store.list(prefix: "", after: nil) {
            if let number = RemoteJournal.number(object.key) {
                state.marker = max(state.marker ?? "", object.key)
                state.saw(number)
                continue
            }
            guard RemoteKeys.isFolderFile(object.key) else { continue }
            guard object.size <= Int64(RemoteKeys.maximumObjectBytes) else {
                report.problems.append(.init(path: location.description + "/" + object.key,
                                             reason: "\(object.size) bytes is over the limit of \(RemoteKeys.maximumObjectBytes); not fetched"))
                continue
            }
            listed.insert(object.key)
            // A copy of another size than the remote's was altered on one side: fetched again,
            // and the engine, reading it, tells which. (A byte changed on the remote at the same
            // size is not seen here; a replica that fetches it rejects it.)
            if !known.contains(object.key) || FileStatus(entry: mirror.path(object.key))?.size != object.size { wanted.append(object.key) }
        }
        try known.replace(with: listed.subtracting(wanted), below: directory)
        try fetch(wanted, &known, into: &report)
        state.marker = state.marker ?? RemoteJournal.key(0)
        state.fullListingAt = now
    }

    /// Fetches `keys` into the mirror. A file the mirror holds under the same name with other
    /// bytes (written here, not yet pushed) gives way to the remote's: the remote's name is
    /// taken, and the engine, reading the mirror, writes its changes around it.
    func fetch(_ keys: [String], _ known: inout KnownKeys, into report: inout SyncReport) throws {
        for key in keys {
            guard let bytes = try store.get(key, limit: RemoteKeys.maximumObjectBytes) else { continue }
            let held = try? mirror.read(key)
            if held != bytes {
                try mirror.write(bytes, key: key)
                report.fetchedObjects += 1
                if held != nil { report.replacedByRemote += 1 }
            }
            try known.insert([key])
        }
    }
}
