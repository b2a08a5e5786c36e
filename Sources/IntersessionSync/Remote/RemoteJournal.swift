import Foundation

/// The remote's journal: `.journal/<shard>/<number>`, each entry claimed with create-if-absent
/// by the replica that wrote files, listing their keys one a line. Numbers are 20 digits so that
/// keys sort as numbers, and a shard holds a thousand, so that a server that can only list a
/// whole collection (WebDAV) lists a short one. A sync lists the journal after the last entry it
/// read: with nothing new that is one request, however long the history.
///
/// An entry is a hint, never trusted: the files it names are checked like any file of a shared
/// folder, a key that cannot be one is ignored, and what no entry names (a writer that stopped
/// before claiming one, a hostile writer) a full listing finds (`RemoteMirror.fullListingAge`).
enum RemoteJournal {
    static let prefix = ".journal/"
    static let entriesPerShard: UInt64 = 1000
    static let maximumEntryBytes = 256 * 1024
    static let keysPerEntry = 500

    static func key(_ number: UInt64) -> String {
        prefix + padded(number / entriesPerShard, 10) + "/" + padded(number, 20)
    }

    /// The number of an entry's key; nil for anything else under the prefix.
    static func number(_ key: String) -> UInt64? {
        guard key.hasPrefix(prefix) else { return nil }
        let parts = key.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 10, parts[1].count == 20, let number = UInt64(parts[1]),
              key == self.key(number) else { return nil }
        return number
    }

    static func encode(_ keys: [String]) -> [UInt8] { Array(keys.map { $0 + "\n" }.joined().utf8) }

    /// The keys an entry names that can be a shared folder's files.
    static func decode(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).filter(RemoteKeys.isFolderFile)
    }

    private static func padded(_ number: UInt64, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
