/// When a `group.key` counts (the Sealing article): the first epoch only in the founder's change
/// right after the genesis (its `prev` is the group id: a fact of the signed chain, the same on
/// every replica whatever else arrived first), every later one naming as its parent an epoch
/// that counts, with the next number.
public enum EpochRules {
    static func isValid(_ key: GroupKey, in body: ChangeBody, group: GroupID, reader: some StateReader) throws -> Bool {
        guard let parent = key.parent else { return body.seq == 2 && body.prev == group }
        return try reader.epochNumber(parent) == key.number - 1
    }
}
