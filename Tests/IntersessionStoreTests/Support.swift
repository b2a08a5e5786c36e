import Foundation
import IntersessionCore
import IntersessionResources
@testable import IntersessionStore

/// A seeded generator, so that a failing random order can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
