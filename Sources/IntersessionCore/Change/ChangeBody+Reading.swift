/// A body read straight from its bytes, without building a JSON tree for its own fields: every
/// change an import takes in is decoded, and the tree of the body's eight fields cost a third of
/// the decoding. Only the common shape is read here (each field once, lowercase hex ids, no
/// unknown field); for anything else it gives nil and `ChangeBody(json:)` reads the body and
/// names what is wrong, so both paths accept exactly the same bodies with the same result
/// (tested against each other). The ops are read as JSON values, as there.
extension ChangeBody {
    static func reading(_ bytes: [UInt8]) -> ChangeBody? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            guard let body = try? parser.changeBody(), parser.position == buffer.count else { return nil }
            return body
        }
    }
}

extension JSONParser {
    private struct BodyFields {
        var version: Int64?
        var group: GroupID?
        var author: FeedID?
        var seq: Int64?
        var prev: ChangeHash?
        var hlc: HLC?
        var deps: [FeedID: Int64]?
        var ops: [Op]?
        /// Which fields were read, a bit each (the group and prev may be null).
        var read: UInt8 = 0
    }

    private enum Field: UInt8 {
        case v, group, author, seq, prev, hlc, deps, ops
        var bit: UInt8 { 1 << rawValue }
        static let all: UInt8 = 0xFF
    }

    /// The body object and the whitespace after it, or nil for a shape left to the tree reader.
    mutating func changeBody() throws(JSONParseError) -> ChangeBody? {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var fields = BodyFields()
        repeat {
            skipWhitespace()
            guard let key = fieldName(), fields.read & key.bit == 0 else { return nil }
            fields.read |= key.bit
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            guard try readField(key, into: &fields) else { return nil }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipWhitespace()
        return Self.body(fields)
    }

    private static func body(_ fields: BodyFields) -> ChangeBody? {
        guard fields.read == Field.all, fields.version == ChangeBody.version, let author = fields.author,
            let seq = fields.seq, seq >= 1, seq <= Limits.largestSeq, (seq == 1) == (fields.prev == nil),
            let hlc = fields.hlc, let deps = fields.deps, let ops = fields.ops, !deps.keys.contains(author)
        else { return nil }
        return ChangeBody(group: fields.group, author: author, seq: seq, prev: fields.prev, hlc: hlc, deps: deps, ops: ops)
    }

    /// A field name written plainly (no escapes), or nil for any other key.
    private mutating func fieldName() -> Field? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        var end = position + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), end - position < 8 { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        let name = UnsafeBufferPointer(rebasing: bytes[(position + 1)..<end])
        let field: Field? = switch name.count {
        case 1 where name[0] == UInt8(ascii: "v"): .v
        case 3 where name.elementsEqual("seq".utf8): .seq
        case 3 where name.elementsEqual("hlc".utf8): .hlc
        case 3 where name.elementsEqual("ops".utf8): .ops
        case 4 where name.elementsEqual("prev".utf8): .prev
        case 4 where name.elementsEqual("deps".utf8): .deps
        case 5 where name.elementsEqual("group".utf8): .group
        case 6 where name.elementsEqual("author".utf8): .author
        default: nil
        }
        if field != nil { position = end + 1 }
        return field
    }

    /// Reads the value of one field; false when it is not of the common shape.
    private mutating func readField(_ key: Field, into fields: inout BodyFields) throws(JSONParseError) -> Bool {
        switch key {
        case .v:
            fields.version = try integer()
            return fields.version != nil
        case .group:
            guard let id = try nullOrID() else { return false }
            fields.group = id.flatMap(ChangeHash.init(bytes:))
        case .author:
            fields.author = try hexID().flatMap(FeedID.init(bytes:))
            return fields.author != nil
        case .seq:
            fields.seq = try integer()
            return fields.seq != nil
        case .prev:
            guard let id = try nullOrID() else { return false }
            fields.prev = id.flatMap(ChangeHash.init(bytes:))
        case .hlc:
            fields.hlc = try clock()
            return fields.hlc != nil
        case .deps:
            fields.deps = try dependencies()
            return fields.deps != nil
        case .ops:
            fields.ops = try operations()
            return fields.ops != nil
        }
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func integer() throws(JSONParseError) -> Int64? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[position]) else { return nil }
        return try parseInteger()
    }

    /// A string of 64 lowercase hex digits, as its 32 bytes.
    private mutating func hexID() throws(JSONParseError) -> [UInt8]? {
        guard position + 66 <= bytes.count, bytes[position] == UInt8(ascii: "\""), bytes[position + 65] == UInt8(ascii: "\"") else { return nil }
        var out = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 {
            guard let high = Self.lowerHex(bytes[position + 1 + 2 * index]), let low = Self.lowerHex(bytes[position + 2 + 2 * index]) else {
                return nil
            }
            out[index] = high << 4 | low
        }
        position += 66
        return out
    }

    /// `null` as .some(nil), an id as .some(bytes), anything else nil.
    private mutating func nullOrID() throws(JSONParseError) -> [UInt8]?? {
        if position < bytes.count, bytes[position] == UInt8(ascii: "n") {
            try expectLiteral("null")
            return .some(nil)
        }
        return try hexID().map { .some($0) }
    }

    private static func lowerHex(_ char: UInt8) -> UInt8? {
        switch char {
        case 0x30...0x39: char - 0x30
        case 0x61...0x66: char - 0x61 + 10
        default: nil
        }
    }

    private mutating func clock() throws(JSONParseError) -> HLC? {
        guard take(UInt8(ascii: "[")) else { return nil }
        skipWhitespace()
        guard let millis = try integer(), millis >= 0 else { return nil }
        skipWhitespace()
        guard take(UInt8(ascii: ",")) else { return nil }
        skipWhitespace()
        guard let counter = try integer(), counter >= 0 else { return nil }
        skipWhitespace()
        guard take(UInt8(ascii: "]")) else { return nil }
        return HLC(millis: millis, counter: counter)
    }

    private mutating func dependencies() throws(JSONParseError) -> [FeedID: Int64]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var deps: [FeedID: Int64] = [:]
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return deps }
        repeat {
            skipWhitespace()
            guard let key = try hexID(), let feed = FeedID(bytes: key) else { return nil }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            guard let seq = try integer(), seq >= 1, seq <= Limits.largestSeq, deps.updateValue(seq, forKey: feed) == nil else { return nil }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        return deps
    }

    private mutating func operations() throws(JSONParseError) -> [Op]? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else { return nil }
        guard let values = try parseArray(depth: 1).arrayValue, Limits.opCountProblem(values.count) == nil else { return nil }
        var ops: [Op] = []
        ops.reserveCapacity(values.count)
        for value in values {
            guard let op = try? Op(json: value) else { return nil }
            ops.append(op)
        }
        return ops
    }
}
