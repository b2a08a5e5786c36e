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
        var listed: [String: String] = [:]
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
            listed[object.key] = object.tag ?? ""
            if isChanged(object, known) { wanted.append(object.key) }
        }
        let fetching = Set(wanted)
        try known.replace(with: listed.filter { !fetching.contains($0.key) }, below: directory)
        try fetch(wanted, &known, listedTags: listed, into: &report)
        state.marker = state.marker ?? RemoteJournal.key(0)
        state.fullListingAt = now
    }

    /// Whether a listed object may hold other bytes than the mirror's copy: a key not known, a
    /// copy of another size, or a tag other than the one the remote gave the known bytes (a byte
    /// changed on the remote at the same size). A known key without a tag, listed with one, is
    /// fetched once to learn it. The engine, reading what was fetched, tells which side is wrong.
    func isChanged(_ object: RemoteObject, _ known: KnownKeys) -> Bool {
        guard known.contains(object.key), FileStatus(entry: mirror.path(object.key))?.size == object.size else { return true }
        guard let listedTag = object.tag else { return false }
        return known.tag(object.key) != listedTag
    }

    /// Fetches `keys` into the mirror. A file the mirror holds under the same name with other
    /// bytes (written here, not yet pushed, or altered on the remote) gives way to the remote's:
    /// the remote's name is taken, and the engine, reading the mirror, writes its changes around
    /// it, or reports it altered and writes its range again under another name. The tag kept is
    /// the listing's when there was one, which the next full listing compares with.
    func fetch(_ keys: [String], _ known: inout KnownKeys, listedTags: [String: String] = [:],
               into report: inout SyncReport) throws {
        for key in keys {
            guard let object = try store.read(key, limit: RemoteKeys.maximumObjectBytes) else { continue }
            let held = try? mirror.read(key)
            if held != object.bytes {
                try mirror.write(object.bytes, key: key)
                report.fetchedObjects += 1
                if held != nil { report.replacedByRemote += 1 }
            }
            let listed = listedTags[key].flatMap { $0.isEmpty ? nil : $0 }
            try known.insert(key, tag: listed ?? object.tag)
        }
    }
}
