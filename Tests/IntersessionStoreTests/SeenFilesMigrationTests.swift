import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// A store made before v10 keeps the ranges it had seen, as files of unknown size and time:
/// still covering, and read once again at the next sync (their files are checked then).
@Suite struct SeenFilesMigrationTests {
    @Test func seenRangesBecomeSeenFilesOfUnknownSizeAndTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v9-one-authority")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO seen_segment (folder, feed, first_seq, last_seq) VALUES
                        ('/shared', 'ab', 1, 3), ('/shared', 'ab', 4, 4), ('/usb', 'cd', 12, 1000000)
                    """)
            }
        }
        let store = try AppDatabase.open(path: path)
        let files = try store.seenFiles("/shared").sorted { $0.name < $1.name }
        #expect(files.map(\.name) == ["000000000001-000000000003.seg", "000000000004-000000000004.seg"])
        #expect(files.allSatisfy { $0.size == -1 && $0.mtime == -1 && $0.covers && $0.feed == "ab" })
        #expect(try store.seenSegments("/usb") == ["cd": [SeqRange(first: 12, last: 1_000_000)]])
        #expect(try store.read { db in try db.tableExists("seen_segment") } == false)
    }

    @Test func aConflictCopyCoversNothing() throws {
        let store = try AppDatabase.inMemory()
        try store.rememberFiles("/shared", [
            SeenFile(feed: "ab", name: "000000000001-000000000002.seg", range: SeqRange(first: 1, last: 2), size: 10, mtime: 5, covers: true),
            SeenFile(feed: "ab", name: "000000000003-000000000003.sync-conflict-x.seg", range: SeqRange(first: 3, last: 3),
                     size: 10, mtime: 5, covers: false),
        ])
        #expect(try store.seenSegments("/shared") == ["ab": [SeqRange(first: 1, last: 2)]])
        try store.forgetFiles("/shared", try store.seenFiles("/shared").filter(\.covers))
        #expect(try store.seenSegments("/shared").isEmpty)
        #expect(try store.seenFiles("/shared").count == 1)
    }
}
