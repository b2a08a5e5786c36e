import Foundation
@testable import IntersessionSync

/// An object store in memory, shared by the replicas of a test: create-if-absent under a lock,
/// every request counted, and faults on demand (every `failEvery`-th request fails as a server
/// error would, after or before doing its work). Each write gives its object a new tag, as an
/// ETag changes with the bytes.
final class MemoryObjectStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [String: [UInt8]] = [:]
    private var tags: [String: String] = [:]
    private var writes = 0
    private(set) var requests = 0
    /// Objects read (GET) since the last `resetCount`, and their keys.
    private(set) var reads = 0
    private(set) var readKeys: [String] = []
    var failEvery = 0
    var displayName: String { "memory://test" }

    var keys: [String] { lock.withLock { objects.keys.sorted() } }
    subscript(key: String) -> [UInt8]? {
        get { lock.withLock { objects[key] } }
        set { lock.withLock { store(newValue, under: key) } }
    }

    func resetCount() { lock.withLock { (requests, reads, readKeys) = (0, 0, []) } }

    /// Call with the lock held.
    private func store(_ bytes: [UInt8]?, under key: String) {
        writes += 1
        objects[key] = bytes
        tags[key] = bytes == nil ? nil : "\"tag-\(writes)\""
    }

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
                .map { RemoteObject(key: $0.key, size: Int64($0.value.count), tag: tags[$0.key]) }
                .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        }
    }

    func read(_ key: String, limit: Int) throws(RemoteError) -> StoredObject? {
        try count()
        let (bytes, tag) = lock.withLock { () -> ([UInt8]?, String?) in
            reads += 1
            readKeys.append(key)
            return (objects[key], tags[key])
        }
        guard let bytes else { return nil }
        guard bytes.count <= limit else { throw .tooLarge(key, limit: limit) }
        return StoredObject(bytes: bytes, tag: tag)
    }

    func create(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Creation {
        try count()
        return lock.withLock {
            guard objects[key] == nil else { return .taken }
            store(bytes, under: key)
            return .written(tag: tags[key])
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

    /// Makes the next sync list the whole remote, as it does once a day.
    func forceFullListing(of remote: String = "s3://group-bucket/wgec") throws {
        let state = RemoteMirror.directory(of: try RemoteLocation(parsing: remote), storePath: store.path) + "/state"
        var text = try String(contentsOfFile: state, encoding: .utf8)
        text = text.replacingOccurrences(of: #"full \d+"#, with: "full 1", options: .regularExpression)
        try text.write(toFile: state, atomically: true, encoding: .utf8)
    }
}
