import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// A forked feed is told in the interface: to the person whose feed it is, and to the
/// secretariat until a re-admission replaces it.
@Suite struct ForkFlowTests {
    /// Two different changes signed by `key` for its next seq, both applied.
    static func fork(_ key: DeviceKey, in fixture: DemoFixture) throws -> Int64 {
        let store = fixture.session.store
        let head = try store.feedProgress()[key.feed]?.head ?? 0
        let prev = head > 0 ? try store.changes(of: key.feed, in: head...head).first?.hash : nil
        guard let group = try store.groupID() else { throw StoreError.noGroup }
        for title in ["One variant", "The other variant"] {
            let body = ChangeBody(group: group, author: key.feed, seq: head + 1, prev: prev,
                                  hlc: HLC(millis: DemoFixture.now, counter: 0), deps: [:],
                                  ops: [.memberProfile(MemberProfile(name: title, organisation: "X", language: .en))])
            _ = try store.apply([SignedChange(signing: body, with: key)])
        }
        return head + 1
    }

    @Test func theSecretariatIsToldOfAForkedMember() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        let expert = DeviceKey()
        _ = try fixture.session.store.author(ops: [.memberRole(MemberRole(feed: expert.feed, role: .expert, fromSeq: 1))],
                                             references: [], key: fixture.session.key, now: DemoFixture.now)
        #expect(try Self.fork(expert, in: fixture) == 1)
        fixture.perform(.loadStatus)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.feedsForked, expert.feed.short])
    }

    @Test func thePersonIsToldTheirOwnFeedIsFrozen() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        let seq = try Self.fork(fixture.session.key, in: fixture)
        fixture.perform(.loadStatus)
        #expect(fixture.runtime.model.flash == fixture.runtime.model.catalog[.ownFeedFrozen, seq])
    }
}
