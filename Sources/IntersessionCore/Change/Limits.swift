/// Sizes past which input is refused. They keep one bad file or paste from filling a disk or a
/// screen; DocC's "Limits" article gives the reasons.
public enum Limits {
    /// A post body, in UTF-8 bytes (about 30 printed pages).
    public static let postBodyBytes = 64 * 1024
    /// A draft's text, in UTF-8 bytes (a long report; one save of all of it fits in a change).
    public static let draftBytes = 512 * 1024
    /// A thread or draft title, in characters.
    public static let titleCharacters = 200
    /// A person's or organisation's name, in characters.
    public static let nameCharacters = 120
    /// A whole change body, in bytes.
    public static let changeBodyBytes = 1024 * 1024
    /// Ops in one change.
    public static let opsPerChange = 1000
    /// Levels of JSON nesting in a change body (the body object is the first).
    public static let jsonDepth = 64
    /// The largest seq a change may have or depend on (2^53 − 1, a change a millisecond for
    /// 285,000 years): room above it keeps every reader's `seq + 1` from overflowing.
    public static let largestSeq: Int64 = 1 << 53 - 1
}

/// The limits a whole change must keep. The reader checks them as it parses bytes from another
/// replica; the store checks them again when it applies a change, since a change signed here
/// (or by a tool that checked nothing) never went through the reader.
extension Limits {
    public static func problem(with change: SignedChange) -> ChangeFormatError? {
        if let problem = sizeProblem(bodyBytes: change.bytes.count) { return problem }
        if let problem = opCountProblem(change.body.ops.count) { return problem }
        if change.body.seq > largestSeq { return .badField("seq", "must be at most \(largestSeq)") }
        if change.body.deps.values.contains(where: { $0 > largestSeq }) { return .badField("deps", "must map other feeds to seqs") }
        // Typed ops are shallow by construction; only an op of an unknown type carries JSON as
        // it came. Two levels hold it: the body object and its `ops` array.
        for case .unknown(_, let json) in change.body.ops where 2 + depth(of: json) > jsonDepth {
            return .json(JSONParseError(offset: 0, reason: "nested too deeply"))
        }
        return nil
    }

    static func sizeProblem(bodyBytes count: Int) -> ChangeFormatError? {
        count <= changeBodyBytes ? nil : .tooLarge(count)
    }

    static func opCountProblem(_ count: Int) -> ChangeFormatError? {
        if count == 0 { return .badField("ops", "must be a non-empty array") }
        return count <= opsPerChange ? nil : .badField("ops", "holds more than \(opsPerChange) ops")
    }

    /// Levels of nesting: 1 for a scalar or an empty array or object.
    static func depth(of value: JSONValue) -> Int {
        var deepest = 0
        var stack: [(JSONValue, Int)] = [(value, 1)]
        while let (value, level) = stack.popLast() {
            deepest = max(deepest, level)
            if let items = value.arrayValue { stack += items.map { ($0, level + 1) } }
            if let fields = value.objectValue { stack += fields.values.map { ($0, level + 1) } }
        }
        return deepest
    }
}
