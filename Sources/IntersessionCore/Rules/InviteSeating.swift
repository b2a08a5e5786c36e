/// Who an invite seats (DESIGN §4). One redemption seats its redeemer. Two or more, by
/// different feeds, make the invite contested: it seats nobody until the secretariat admits one
/// of them. A cancellation (`member.uninvite`) keeps the redemptions it had seen, inside its
/// frontier, and no other ever counts (with several cancellations, a redemption counts only
/// inside every one of them). Nothing here reads a stamp of the redeemers, so a
/// backdated clock cannot take a seat.
public struct InviteSeating: Sendable, Hashable {
    /// The feed the invite seats, if any.
    public var seated: FeedID?
    /// The redeemers that count, in feed order; more than one means contested.
    public var redeemers: [FeedID]
    public var cancelled: Bool

    public var contested: Bool { redeemers.count > 1 }

    /// A redemption: the redeeming feed and the seq of its `member.join`.
    public struct Redemption: Sendable, Hashable {
        public var feed: FeedID
        public var seq: Int64

        public init(feed: FeedID, seq: Int64) {
            self.feed = feed
            self.seq = seq
        }
    }

    /// - Parameters:
    ///   - cancellations: what each cancellation had seen, each feed's seq.
    ///   - admitted: the feed the secretariat's latest admission names, if any.
    public static func decide(
        redemptions: [Redemption], cancellations: [[FeedID: Int64]], admitted: FeedID?
    ) -> InviteSeating {
        let counting = redemptions.filter { redemption in
            cancellations.allSatisfy { redemption.seq <= ($0[redemption.feed] ?? 0) }
        }
        let redeemers = Array(Set(counting.map(\.feed))).sorted { $0.hex < $1.hex }
        let seated: FeedID?
        if let admitted, redeemers.contains(admitted) {
            seated = admitted
        } else {
            seated = redeemers.count == 1 ? redeemers[0] : nil
        }
        return InviteSeating(seated: seated, redeemers: redeemers, cancelled: !cancellations.isEmpty)
    }
}
