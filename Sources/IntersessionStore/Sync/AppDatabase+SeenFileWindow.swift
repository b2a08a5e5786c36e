import GRDB

/// The remembered files a sync looks at: those of the feed folders that changed, and a window
/// of the others that moves on at each sync (`SeenFileCheck`).
extension AppDatabase {
    static let seenFileColumns = "feed, name, first_seq, last_seq, size, mtime, covers"

    /// The files remembered in one feed's folder of `folder`.
    public func seenFiles(_ folder: String, feed: String) throws -> [SeenFile] {
        try read { db in
            try Self.seenFiles(db, "SELECT \(Self.seenFileColumns) FROM seen_file WHERE folder = ? AND feed = ?",
                               [.text(folder), .text(feed)])
        }
    }

    /// Up to `limit` files remembered in `folder`, in order of feed and name, from just after
    /// `cursor` (from the first when nil).
    public func seenFiles(_ folder: String, after cursor: SeenFileCursor?, limit: Int) throws -> [SeenFile] {
        try read { db in
            // One statement for both: no file has an empty name, so every row is after ("", "").
            // A sync that wraps around asks both ways and prepares it once.
            let start = cursor ?? SeenFileCursor(feed: "", name: "")
            return try Self.seenFiles(db, """
                SELECT \(Self.seenFileColumns) FROM seen_file WHERE folder = ? AND (feed, name) > (?, ?) ORDER BY feed, name LIMIT ?
                """, [.text(folder), .text(start.feed), .text(start.name), .int(Int64(limit))])
        }
    }

    static func seenFiles(_ db: Database, _ sql: String, _ arguments: [RawArgument]) throws -> [SeenFile] {
        var files: [SeenFile] = []
        try db.eachRawRow(sql, arguments) { row in
            files.append(SeenFile(feed: row.text(0), name: row.text(1), range: SeqRange(first: row.int64(2), last: row.int64(3)),
                                  size: row.int64(4), mtime: row.int64(5), covers: row.bool(6)))
        }
        return files
    }
}

/// Where the window of remembered files a sync looks at stopped: a feed folder and a name.
public struct SeenFileCursor: Sendable, Equatable {
    public var feed: String
    public var name: String

    public init(feed: String, name: String) {
        self.feed = feed
        self.name = name
    }

    /// As a setting holds it: the feed hex and the name, on one line.
    public init?(setting: String?) {
        guard let setting, let split = setting.firstIndex(of: "/") else { return nil }
        feed = String(setting[..<split])
        name = String(setting[setting.index(after: split)...])
    }

    public var setting: String { feed + "/" + name }
}
