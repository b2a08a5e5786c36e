import Foundation
import Synchronization

/// A store that counts the requests made through it, for the sync's report: a sync with
/// nothing new makes one, however long the history (issue 20).
final class CountedStore: ObjectStore, Sendable {
    let inner: any ObjectStore
    private let count = Atomic<Int>(0)

    init(_ inner: any ObjectStore) { self.inner = inner }

    var displayName: String { inner.displayName }
    var requests: Int { count.load(ordering: .relaxed) }

    func list(prefix: String, after: String?) throws(RemoteError) -> [RemoteObject] {
        count.add(1, ordering: .relaxed)
        return try inner.list(prefix: prefix, after: after)
    }

    func read(_ key: String, limit: Int) throws(RemoteError) -> StoredObject? {
        count.add(1, ordering: .relaxed)
        return try inner.read(key, limit: limit)
    }

    func create(_ key: String, _ bytes: [UInt8]) throws(RemoteError) -> Creation {
        count.add(1, ordering: .relaxed)
        return try inner.create(key, bytes)
    }
}
