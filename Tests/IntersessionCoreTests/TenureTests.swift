import Testing
@testable import IntersessionCore

/// The spans the store materialises are exactly the seqs the rules judge as held.
@Suite struct TenureTests {
    @Test(arguments: 0..<200 as Range<UInt64>)
    func intervalsHoldExactlyWhereTheRuleDoes(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var tenure = Tenure()
        for _ in 0..<Int.random(in: 0...4, using: &rng) { tenure.start(from: Int64.random(in: 1...30, using: &rng)) }
        for _ in 0..<Int.random(in: 0...4, using: &rng) { tenure.end(after: Int64.random(in: 0...30, using: &rng)) }
        let removal: Int64? = Bool.random(using: &rng) ? Int64.random(in: 0...30, using: &rng) : nil
        let spans = tenure.capped(after: removal)
        for seq in Int64(1)...40 {
            let held = tenure.holds(at: seq) && removal.map { seq <= $0 } ?? true
            #expect(spans.contains { $0.contains(seq) } == held, "seq \(seq) of \(tenure), removed after \(String(describing: removal))")
        }
        #expect(spans == spans.sorted())
    }

    @Test func aRevokedRoleEndsAndARegrantStartsAgain() {
        var history = RoleHistory()
        history.grant(.member, from: 1)
        history.revoke(.member, after: 4)
        history.grant(.member, from: 9)
        history.grant(.expert, from: 2, until: 5_000)
        #expect(history.roles(at: 4) == [.member, .expert])
        #expect(history.roles(at: 5) == [.expert])
        #expect(history.roles(at: 9) == [.member, .expert])
        #expect(history.current == [.member, .expert])
        #expect(history.intervals.contains(RoleInterval(role: .expert, span: SeqInterval(from: 2, through: nil), until: 5_000)))
        history.revoke(nil, after: 10)
        #expect(history.roles(at: 11).isEmpty)
        #expect(history.current.isEmpty)
        #expect(history.intervals.allSatisfy { ($0.span.through ?? .max) <= 10 })
    }

    @Test func oneRedemptionSeatsAndTwoSeatNobodyUntilAdmitted() {
        let real = DeviceKey().feed, impostor = DeviceKey().feed
        let alone = InviteSeating.decide(redemptions: [.init(feed: real, seq: 1)], cancellations: [], admitted: nil)
        #expect(alone.seated == real && !alone.contested)
        let both = [InviteSeating.Redemption(feed: real, seq: 1), .init(feed: impostor, seq: 1)]
        let contested = InviteSeating.decide(redemptions: both, cancellations: [], admitted: nil)
        #expect(contested.seated == nil && contested.contested)
        #expect(InviteSeating.decide(redemptions: both, cancellations: [], admitted: real).seated == real)
        #expect(InviteSeating.decide(redemptions: both.reversed(), cancellations: [], admitted: real) == InviteSeating.decide(
            redemptions: both, cancellations: [], admitted: real))
    }

    @Test func aCancellationKeepsOnlyTheRedemptionsItHadSeen() {
        let real = DeviceKey().feed, late = DeviceKey().feed
        let both = [InviteSeating.Redemption(feed: real, seq: 1), .init(feed: late, seq: 1)]
        let kept = InviteSeating.decide(redemptions: both, cancellations: [[real: 1]], admitted: nil)
        #expect(kept.seated == real && kept.redeemers == [real] && kept.cancelled)
        let none = InviteSeating.decide(redemptions: both, cancellations: [[:]], admitted: late)
        #expect(none.seated == nil && none.redeemers.isEmpty)
        // A second cancellation never brings back what the first left out.
        #expect(InviteSeating.decide(redemptions: both, cancellations: [[real: 1], [real: 1, late: 1]], admitted: nil).redeemers == [real])
    }

    @Test func penholderOpsReadBothShapes() throws {
        let draft = EntityID(hex: String(repeating: "ab", count: 16))!
        let a = DeviceKey().feed, b = DeviceKey().feed
        let hash = ChangeHash(hex: String(repeating: "cd", count: 32))!
        let op = DraftPenholders(draft: draft, from: [a], to: [b], heads: [a: FeedHead(seq: 7, hash: hash), b: FeedHead(seq: 3, hash: hash)])
        #expect(op.additions == [.init(feed: b, fromSeq: 4)])
        #expect(op.removals == [.init(feed: a, lastSeq: 7, lastHash: hash)])
        #expect(try Op(json: Op.draftPenholders(op).json) == .draftPenholders(op))
        let old: JSONValue = ["t": "draft.penholders", "draft": .string(draft.hex), "penholders": [.string(a.hex)]]
        #expect(try Op(json: old) == .draftPenholders(DraftPenholders(draft: draft, additions: [.init(feed: a, fromSeq: 1)], removals: [])))
        let admit = Op.memberAdmit(MemberAdmit(invite: draft, feed: a))
        #expect(try Op(json: admit.json) == admit)
        let cancel = Op.memberUninvite(MemberUninvite(invite: draft, seen: [a: 1]))
        #expect(try Op(json: cancel.json) == cancel)
    }
}
