/// Lower-case hexadecimal, the way ids are written everywhere in Intersession.
public enum Hex {
    static let digits = Array("0123456789abcdef".utf8)

    static func digit(_ nibble: UInt8) -> UInt8 { digits[Int(nibble)] }

    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a hex string, or nil when it has odd length or a non-hex character.
    public static func decode(_ text: String) -> [UInt8]? {
        // Ids are decoded for every change read: straight from the string's own bytes when it has them.
        if let decoded = text.utf8.withContiguousStorageIfAvailable({ decode(utf8: $0) }) { return decoded }
        return Array(text.utf8).withUnsafeBufferPointer { decode(utf8: $0) }
    }

    private static func decode(utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    /// Whether the text could be the start of a hex id (used to check id prefixes).
    public static func isHexPrefix(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { value($0) != nil && !(0x41...0x46).contains($0) }
    }

    static func value(_ char: UInt8) -> UInt8? {
        switch char {
        case 0x30...0x39: char - 0x30
        case 0x61...0x66: char - 0x61 + 10
        case 0x41...0x46: char - 0x41 + 10
        default: nil
        }
    }
}
