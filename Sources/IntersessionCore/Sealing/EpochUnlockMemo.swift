/// What earlier key learnings found that can never change, so that a sync with nothing new
/// opens nothing (issue 14): an epoch's op is fixed by its id (the id derives from the hash of
/// the signed change), so its history, once opened, always holds the same keys, and an
/// envelope that did not open under a recipient's key never will.
public struct EpochUnlockMemo: Sendable, Equatable {
    /// An envelope tried and not opened: the epoch (id hex) and the recipient it was wrapped for.
    public struct Attempt: Hashable, Sendable {
        public var epoch: String
        public var recipient: FeedID

        public init(epoch: String, recipient: FeedID) {
            self.epoch = epoch
            self.recipient = recipient
        }
    }

    /// Epoch id hex → the ids (hex) of every key its history holds, for each history opened.
    public var histories: [String: [String]]
    public var unopened: Set<Attempt>

    public init(histories: [String: [String]] = [:], unopened: Set<Attempt> = []) {
        self.histories = histories
        self.unopened = unopened
    }

    /// What `other` found beyond this memo: the rows a store must add to keep it.
    public func added(since other: EpochUnlockMemo) -> EpochUnlockMemo {
        EpochUnlockMemo(histories: histories.filter { other.histories[$0.key] == nil }, unopened: unopened.subtracting(other.unopened))
    }

    /// Whether the history of `epoch` is known to hold nothing beyond `known`.
    func historyAddsNothing(_ epoch: String, known: [String: [UInt8]]) -> Bool {
        histories[epoch].map { $0.allSatisfy { known[$0] != nil } } ?? false
    }
}
