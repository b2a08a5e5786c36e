/// Which epoch of a sealed group is current: the same on every replica that holds the same
/// `group.key` ops, in any order of delivery. The highest number wins; between concurrent
/// epochs of one number (two secretariat devices rotating at once), the smallest id. A
/// rotation that follows names the winner as its parent, so concurrent rotations resolve
/// into one line.
public enum EpochChoice {
    public struct Epoch: Sendable, Hashable {
        public var id: EntityID
        public var number: Int64

        public init(id: EntityID, number: Int64) {
            self.id = id
            self.number = number
        }
    }

    public static func current<S: Sequence>(_ epochs: S) -> Epoch? where S.Element == Epoch {
        epochs.min { precedes($0, $1) }
    }

    /// Whether `a` is preferred over `b` as the current epoch.
    static func precedes(_ a: Epoch, _ b: Epoch) -> Bool {
        a.number != b.number ? a.number > b.number : a.id.hex < b.id.hex
    }
}
