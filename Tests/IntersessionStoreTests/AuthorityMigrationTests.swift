import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

/// A store made before the authority tables gets them filled from its log when it is opened.
@Suite struct AuthorityMigrationTests {
    @Test func aStoreFromBeforeOneAuthorityIsRebuiltOnOpen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("store.sqlite").path
        let founder = DeviceKey(), delegate = DeviceKey()
        do {
            let store = try AppDatabase.create(path: path)
            _ = try store.createGroup(
                ops: Fixture.wgec.genesisOps(title: nil, founder: MemberProfile(name: "Sec", organisation: "WCO", language: .en)),
                key: founder, now: 1_000)
            _ = try store.author(ops: [.memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1))], references: [],
                                 key: founder, now: 2_000)
            // Back to the schema before v9, as a store of the previous version has it.
            try store.write { db in
                for table in ["role_interval", "penholder_grant", "penholder_end", "penholder_interval", "invite_cancel", "invite_seat",
                              "set_aside_change"] {
                    try db.execute(sql: "DROP TABLE \(table)")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9-one-authority'")
            }
        }
        let reopened = try AppDatabase.open(path: path)
        #expect(try reopened.members().first { $0.feed == delegate.feed.hex }?.roles == ["member"])
        #expect(try reopened.canModerate(founder.feed))
        let digest = try reopened.stateDigest()
        try reopened.rebuild()
        #expect(try reopened.stateDigest() == digest)
    }
}
