/// A recorded editing session (the format of github.com/josephg/editing-traces): transactions of
/// splice patches `[position, deleted, inserted]` counted in Unicode scalars. A concurrent trace
/// also names each transaction's agent and parents: its positions are relative to the text
/// after merging those parents. Used to test and measure the text CRDT.
public struct EditingTrace: Sendable {
    public struct Patch: Sendable {
        public var position: Int
        public var deleted: Int
        public var inserted: [Unicode.Scalar]
    }

    public struct Transaction: Sendable {
        public var agent: Int
        public var parents: [Int]
        public var patches: [Patch]
    }

    public var transactions: [Transaction]
    public var endContent: String
    public var agents: Int
    public var isConcurrent: Bool

    public init(json bytes: [UInt8]) throws {
        let json = try JSONParser.parse(bytes)
        guard let txns = json["txns"]?.arrayValue, let end = json["endContent"]?.stringValue else {
            throw ChangeFormatError.missingField("txns")
        }
        endContent = end
        isConcurrent = json["kind"]?.stringValue == "concurrent"
        agents = Int(json["numAgents"]?.intValue ?? 1)
        transactions = try txns.enumerated().map { index, txn in
            let patches = try (txn["patches"]?.arrayValue ?? []).map { patch -> Patch in
                guard let parts = patch.arrayValue, parts.count == 3, let position = parts[0].intValue, let deleted = parts[1].intValue,
                    let inserted = parts[2].stringValue
                else { throw ChangeFormatError.badField("patches", "must be [pos, del, text]") }
                return Patch(position: Int(position), deleted: Int(deleted), inserted: Array(inserted.unicodeScalars))
            }
            let parents = (txn["parents"]?.arrayValue ?? []).compactMap { $0.intValue.map(Int.init) }
            return Transaction(agent: Int(txn["agent"]?.intValue ?? 0), parents: index == 0 || !parents.isEmpty ? parents : [index - 1],
                               patches: patches)
        }
    }

    /// Replays a sequential trace into `text` as edits by `agent`, each patch as its own edit.
    public func replay(into text: SequenceText, as agent: UInt32) {
        for transaction in transactions {
            for patch in transaction.patches {
                if patch.deleted > 0 { text.delete(patch.position..<(patch.position + patch.deleted)) }
                if !patch.inserted.isEmpty { text.insert(patch.inserted, at: patch.position, by: agent) }
            }
        }
    }
}
