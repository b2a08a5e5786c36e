/// What an author signs (DESIGN §4). `group` is nil only in the genesis change, whose hash
/// becomes the group id.
public struct ChangeBody: Sendable, Hashable {
    public static let version: Int64 = 1

    public var group: GroupID?
    public var author: FeedID
    public var seq: Int64
    public var prev: ChangeHash?
    public var hlc: HLC
    /// For every other feed whose entries the ops refer to, the highest seq referred to.
    public var deps: [FeedID: Int64]
    public var ops: [Op]

    public init(
        group: GroupID?, author: FeedID, seq: Int64, prev: ChangeHash?, hlc: HLC,
        deps: [FeedID: Int64] = [:], ops: [Op]
    ) {
        self.group = group
        self.author = author
        self.seq = seq
        self.prev = prev
        self.hlc = hlc
        self.deps = deps
        self.ops = ops
    }

    public var isGenesis: Bool { group == nil }

    public var json: JSONValue {
        [
            "v": .int(Self.version),
            "group": group.map { .string($0.hex) } ?? .null,
            "author": .string(author.hex),
            "seq": .int(seq),
            "prev": prev.map { .string($0.hex) } ?? .null,
            "hlc": [.int(hlc.millis), .int(hlc.counter)],
            "deps": .object(Dictionary(uniqueKeysWithValues: deps.map { ($0.key.hex, JSONValue.int($0.value)) })),
            "ops": .array(ops.map(\.json)),
        ]
    }

    public init(json: JSONValue) throws(ChangeFormatError) {
        guard let fields = json.objectValue else { throw .badField("body", "must be an object") }
        func field(_ name: String) throws(ChangeFormatError) -> JSONValue {
            guard let value = fields[name] else { throw .missingField(name) }
            return value
        }
        guard let version = try field("v").intValue else { throw .badField("v", "must be an integer") }
        guard version == Self.version else { throw .unsupportedVersion(version) }

        let groupField = try field("group")
        if groupField.isNull {
            group = nil
        } else {
            guard let text = groupField.stringValue, let id = GroupID(hex: text) else {
                throw .badField("group", "must be a group id or null")
            }
            group = id
        }
        guard let authorText = try field("author").stringValue, let author = FeedID(hex: authorText) else {
            throw .badField("author", "must be a feed id")
        }
        self.author = author
        guard let seq = try field("seq").intValue, seq >= 1 else { throw .badField("seq", "must be 1 or more") }
        guard seq <= Limits.largestSeq else { throw .badField("seq", "must be at most \(Limits.largestSeq)") }
        self.seq = seq
        let prevField = try field("prev")
        if prevField.isNull {
            prev = nil
        } else {
            guard let text = prevField.stringValue, let hash = ChangeHash(hex: text) else {
                throw .badField("prev", "must be a change hash or null")
            }
            prev = hash
        }
        guard (seq == 1) == (prev == nil) else { throw .badField("prev", "must be null exactly when seq is 1") }
        guard let clock = try field("hlc").arrayValue, clock.count == 2,
            let millis = clock[0].intValue, let counter = clock[1].intValue, millis >= 0, counter >= 0
        else { throw .badField("hlc", "must be [millis, counter]") }
        hlc = HLC(millis: millis, counter: counter)
        guard let depFields = try field("deps").objectValue else { throw .badField("deps", "must be an object") }
        var deps: [FeedID: Int64] = [:]
        for (key, value) in depFields {
            guard let feed = FeedID(hex: key), feed != author, let depSeq = value.intValue, depSeq >= 1, depSeq <= Limits.largestSeq else {
                throw .badField("deps", "must map other feeds to seqs")
            }
            deps[feed] = depSeq
        }
        self.deps = deps
        guard let opValues = try field("ops").arrayValue else { throw .badField("ops", "must be a non-empty array") }
        if let problem = Limits.opCountProblem(opValues.count) { throw problem }
        var ops: [Op] = []
        ops.reserveCapacity(opValues.count)
        for value in opValues { ops.append(try Op(json: value)) }
        self.ops = ops
    }
}
