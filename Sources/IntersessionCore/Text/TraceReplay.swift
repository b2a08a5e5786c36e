/// Replays a concurrent trace the way its authors typed it: each agent edits its own replica,
/// which first merges exactly the transactions its next one was based on (its parents and
/// their ancestors). Returns every transaction's edits, in trace order, for merging elsewhere.
public struct TraceReplay {
    public enum Edit: Sendable {
        case insert(TextInsertion)
        case delete(TextDeletion)
    }

    public private(set) var edits: [[Edit]] = []
    public let feeds: [FeedID]

    public init(_ trace: EditingTrace, feeds: [FeedID]) throws {
        precondition(feeds.count >= trace.agents, "one feed per agent")
        self.feeds = feeds
        let replicas = (0..<trace.agents).map { _ in SequenceText() }
        for replica in replicas { for feed in feeds { _ = replica.agent(feed) } }
        var merged = Array(repeating: Set<Int>(), count: trace.agents)
        edits.reserveCapacity(trace.transactions.count)
        for (index, transaction) in trace.transactions.enumerated() {
            let agent = transaction.agent
            let replica = replicas[agent]
            // Merge the ancestors not yet here, oldest first.
            var missing: [Int] = []
            var stack = transaction.parents
            var seen = Set<Int>()
            while let next = stack.popLast() {
                guard !merged[agent].contains(next), seen.insert(next).inserted else { continue }
                missing.append(next)
                stack.append(contentsOf: trace.transactions[next].parents)
            }
            for ancestor in missing.sorted() {
                for edit in edits[ancestor] { try Self.apply(edit, to: replica) }
                merged[agent].insert(ancestor)
            }
            var made: [Edit] = []
            for patch in transaction.patches {
                if patch.deleted > 0 {
                    made += replica.delete(patch.position..<(patch.position + patch.deleted)).map(Edit.delete)
                }
                if !patch.inserted.isEmpty {
                    made.append(.insert(replica.insert(patch.inserted, at: patch.position, by: UInt32(agent))))
                }
            }
            merged[agent].insert(index)
            edits.append(made)
        }
    }

    public static func apply(_ edit: Edit, to text: SequenceText) throws {
        switch edit {
        case .insert(let insertion): try text.apply(insertion)
        case .delete(let deletion): try text.apply(deletion)
        }
    }

    /// Every edit merged into a fresh text, in trace order.
    public func merged() throws -> SequenceText {
        let text = SequenceText()
        for feed in feeds { _ = text.agent(feed) }
        for transaction in edits { for edit in transaction { try Self.apply(edit, to: text) } }
        return text
    }
}
