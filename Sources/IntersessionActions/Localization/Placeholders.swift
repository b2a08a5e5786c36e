/// A catalog text's `{0}`, `{1}`… put in, in one pass over its bytes: an argument's own text is
/// never read again for placeholders, and a placeholder with no argument stays as written.
/// (Foundation's replacingOccurrences cost a sync's summary a tenth of all its instructions.)
enum Placeholders {
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        let bytes = Array(template.utf8)
        var filled: [UInt8] = []
        filled.reserveCapacity(bytes.count + arguments.reduce(0) { $0 + $1.utf8.count })
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let (number, end) = placeholder(bytes, at: index), number < arguments.count {
                filled += arguments[number].utf8
                index = end
            } else {
                filled.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: filled, as: UTF8.self)
    }

    /// The number of the placeholder opening at `start` and the index past its `}`.
    static func placeholder(_ bytes: [UInt8], at start: Int) -> (Int, Int)? {
        var number = 0, index = start + 1
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), index - start <= 3 {
            number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start + 1, index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        return (number, index + 1)
    }
}
