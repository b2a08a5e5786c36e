import Foundation
import IntersessionCore
import IntersessionResources
@testable import IntersessionStore

enum Fixture {
    static let wgec = try! GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))

    /// A store founded by `founder` with the WGEC topics.
    static func foundedStore(by founder: DeviceKey, now: Int64 = 1_000) throws -> (AppDatabase, SignedChange) {
        let store = try AppDatabase.inMemory()
        let genesis = try store.createGroup(
            ops: wgec.genesisOps(title: nil, founder: MemberProfile(name: "Sec", organisation: "WCO", language: .en)),
            key: founder, now: now)
        return (store, genesis)
    }

    static func topicIDs(_ store: AppDatabase) throws -> [EntityID] {
        try store.topics().map { EntityID(hex: $0.id)! }
    }

    /// Every change in the store's log, by feed and seq.
    static func log(of store: AppDatabase) throws -> [SignedChange] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT hash, body, sig FROM change ORDER BY feed, seq").map { row in
                try SignedChange(
                    trustedBytes: Array(row[1] as Data), hash: ChangeHash(bytes: Array(row[0] as Data))!,
                    signature: Array(row[2] as Data))
            }
        }
    }

    static func ftsIsConsistent(_ store: AppDatabase) throws -> Bool {
        try store.write { db in
            try db.execute(sql: "INSERT INTO post_fts (post_fts, rank) VALUES ('integrity-check', 1)")
            return true
        }
    }
}

import GRDB
