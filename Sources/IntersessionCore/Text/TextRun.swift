/// A character's identity in a text: who typed it (an index into the text's agents) and the
/// how-manieth character that agent typed into it.
public struct CharID: Hashable, Sendable {
    public var agent: UInt32
    public var seq: UInt32

    public init(agent: UInt32, seq: UInt32) {
        self.agent = agent
        self.seq = seq
    }

    /// "No character": the start of the text as a left origin, its end as a right origin.
    public static let none = CharID(agent: .max, seq: .max)
    public var isNone: Bool { agent == .max }
}

/// Consecutive characters typed by one agent, with consecutive seqs, that share a right origin
/// and a deleted state. The first character's left origin is `left`; each later one's is the
/// character before it. Runs split when text is inserted inside them or part of them is deleted.
struct TextRun {
    var agent: UInt32
    var seq: UInt32
    var length: UInt32
    var deleted: Bool
    var left: CharID
    var right: CharID

    var visibleLength: Int { deleted ? 0 : Int(length) }

    func contains(_ id: CharID) -> Bool { id.agent == agent && id.seq >= seq && id.seq < seq + length }

    /// The left origin of the character at `offset`.
    func left(at offset: UInt32) -> CharID { offset == 0 ? left : CharID(agent: agent, seq: seq + offset - 1) }

    /// Cuts the run at `offset`, keeping the head here and returning the tail.
    mutating func split(at offset: UInt32) -> TextRun {
        var tail = self
        tail.seq = seq + offset
        tail.length = length - offset
        tail.left = CharID(agent: agent, seq: seq + offset - 1)
        length = offset
        return tail
    }
}

/// A chunk of the text's runs in document order; leaves are linked so that an id found in a
/// leaf before a split is still reached by following `next`.
final class TextLeaf {
    var runs: [TextRun]
    var visible: Int
    var order: Int
    var next: TextLeaf?

    static let capacity = 48

    init(runs: [TextRun], order: Int) {
        self.runs = runs
        self.visible = runs.reduce(0) { $0 + $1.visibleLength }
        self.order = order
    }
}
