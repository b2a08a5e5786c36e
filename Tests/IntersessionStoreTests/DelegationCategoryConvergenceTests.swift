import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// Two secretariat devices set one delegation's category at once, under names that differ in
/// case, while a co-chair tries too: in every order of arrival, and after a rebuild, each
/// replica holds the same state, the later stamp's category standing and the co-chair's none.
@Suite struct DelegationCategoryConvergenceTests {
    let founder = DeviceKey(), second = DeviceKey(), cochair = DeviceKey()

    func categorise(_ name: String, _ kind: DelegationKind) -> [Op] {
        [.meeting(.category(DelegationCategory(delegation: name, category: kind)))]
    }

    func changes() throws -> [SignedChange] {
        let (store, genesis) = try Fixture.foundedStore(by: founder)
        let grants = try store.author(ops: [
            .memberRole(MemberRole(feed: second.feed, role: .secretariat, fromSeq: 1)),
            .memberRole(MemberRole(feed: cochair.feed, role: .cochair, fromSeq: 1)),
        ], references: [], key: founder, now: 2_000)
        var made = [genesis, grants]
        for (key, name, kind, now) in [(founder, "UPU", DelegationKind.partner, Int64(5_000)), (second, "upu ", .academia, 6_000)] {
            let replica = try AppDatabase.inMemory()
            try replica.apply([genesis, grants])
            made.append(try replica.author(ops: categorise(name, kind), references: [], key: key, now: now))
        }
        made.append(SignedChange(signing: ChangeBody(
            group: try #require(try store.groupID()), author: cochair.feed, seq: 1, prev: nil, hlc: HLC(millis: 7_000, counter: 0),
            ops: categorise("UPU", .privateSector)), with: cochair))
        return made
    }

    @Test func everyOrderGivesTheSameStandingCategory() throws {
        let changes = try changes()
        let reference = try AppDatabase.inMemory()
        try reference.apply(changes)
        #expect(try reference.delegationCategories().map { [$0.delegation, $0.category] } == [["upu ", "academia"]])
        var rng = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["PROPERTY_SEED"] ?? "") ?? 18)
        for _ in 0..<24 {
            let store = try AppDatabase.inMemory()
            try store.apply([changes[0]])
            for change in changes.dropFirst().shuffled(using: &rng) { try store.apply([change]) }
            #expect(try store.stateDigest() == reference.stateDigest())
            try store.rebuild()
            #expect(try store.stateDigest() == reference.stateDigest())
        }
    }
}
