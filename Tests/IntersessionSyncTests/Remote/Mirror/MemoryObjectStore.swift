import Foundation
@testable import IntersessionSync

/// An object store in memory, shared by the replicas of a test: create-if-absent under a lock,
/// every request counted, and faults on demand (every `failEvery`-th request fails as a server
/// error would, after or before doing its work).
final class MemoryObjectStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [String: [UInt8]] = [:]
    private(set) var requests = 0
    var failEvery = 0
    var displayName: String { "memory://test" }

    var keys: [String] { lock.withLock { objects.keys.sorted() } }
    subscript(key: String) -> [UInt8]? {
        get { lock.withLock { objects[key] } }
        set { lock.withLock { objects[key] = newValue } }
    }

    func resetCount() { lock.withLock { requests = 0 } }

    private func count() throws(RemoteError) {
        let failing = lock.withLock { () -> Bool in
            requests += 1
            return failEvery > 0 && requests % failEvery == 0
        }
        if failing { throw .serverFailed(status: 503, "SlowDown: injected") }
    }

    func list(prefix: String, after: String?) throws(RemoteError) -> [RemoteObject] {
        try count()
        return lock.withLock {
            objects.filter { entry in entry.key.hasPrefix(prefix) && (after.map { entry.key > $0 } ?? true) }
                .map { RemoteObject(key: $0.key, size: Int64($0.value.count)) }
                .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        }
    }

    func get(_ key: String, limit: Int) throws(RemoteError) -> [UInt8]? {
        try count()
        guard let bytes = self[key] else { return nil }
        guard bytes.count <= limit else { throw .tooLarge(key, limit: limit) }
        return bytes
    }

    func putIfAbsent(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Bool {
        try count()
        return lock.withLock {
            guard objects[key] == nil else { return false }
            objects[key] = bytes
            return true
        }
    }
}

extension Replica {
    /// Syncs this replica's remembered folders and remotes, the remotes reached through `store`.
    func sync(through store: MemoryObjectStore) throws -> SyncReport {
        let connector = RemoteConnector { _ throws(RemoteError) in store }
        return try SyncEngine(store: self.store, device: key, connector: connector).sync(folders: try RememberedFolders(store: self.store).list())
    }

    /// Makes this replica sync with the remote (its mirror) and with `folders`, not its own folder.
    func useRemote(_ remote: String = "s3://group-bucket/wgec", folders: [String] = []) throws {
        try self.store.setSetting(RememberedFolders.key, to: nil)
        _ = try RememberedFolders(store: self.store).add(folders)
        try RememberedRemotes(store: self.store).add([remote])
    }
}
