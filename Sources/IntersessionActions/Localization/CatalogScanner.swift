import IntersessionCore

/// Reads the texts of chosen keys from a catalog (one flat JSON object of key to text) without
/// decoding the others: a command that prints a few phrases, like the sync's summary, need not
/// build all 900 of them on every run. Nil when the bytes are not such an object (the caller
/// then reads the catalog whole, which says nothing worse than missing texts).
enum CatalogScanner {
    static func texts(_ bytes: [UInt8], keys: Set<String>) -> [String: String]? {
        var cursor = 0, texts: [String: String] = [:]
        guard skipSpace(bytes, &cursor), take(UInt8(ascii: "{"), bytes, &cursor) else { return nil }
        _ = skipSpace(bytes, &cursor)
        if take(UInt8(ascii: "}"), bytes, &cursor) { return skipSpace(bytes, &cursor) && cursor == bytes.count ? texts : nil }
        while true {
            guard let key = stringToken(bytes, &cursor), skipSpace(bytes, &cursor),
                  take(UInt8(ascii: ":"), bytes, &cursor), skipSpace(bytes, &cursor),
                  let value = stringToken(bytes, &cursor) else { return nil }
            if let name = decoded(bytes[key]), keys.contains(name) {
                guard let text = decoded(bytes[value]) else { return nil }
                texts[name] = text
            }
            _ = skipSpace(bytes, &cursor)
            if take(UInt8(ascii: ","), bytes, &cursor) { _ = skipSpace(bytes, &cursor); continue }
            guard take(UInt8(ascii: "}"), bytes, &cursor), skipSpace(bytes, &cursor), cursor == bytes.count else { return nil }
            return texts
        }
    }

    /// The range of the JSON string starting at `cursor`, quotes included; the cursor moves past it.
    static func stringToken(_ bytes: [UInt8], _ cursor: inout Int) -> Range<Int>? {
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") else { return nil }
        let start = cursor
        var index = cursor + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): cursor = index + 1; return start..<cursor
            default: index += 1
            }
        }
        return nil
    }

    /// A string token's text: straight from its bytes when it holds no escape, else through the parser.
    static func decoded(_ token: ArraySlice<UInt8>) -> String? {
        let inner = token.dropFirst().dropLast()
        if !inner.contains(UInt8(ascii: "\\")) { return String(validating: inner, as: UTF8.self) }
        return (try? JSONParser.parse(token))?.stringValue
    }

    static func skipSpace(_ bytes: [UInt8], _ cursor: inout Int) -> Bool {
        while cursor < bytes.count {
            switch bytes[cursor] {
            case 0x20, 0x0A, 0x0D, 0x09: cursor += 1
            default: return true
            }
        }
        return true
    }

    static func take(_ byte: UInt8, _ bytes: [UInt8], _ cursor: inout Int) -> Bool {
        guard cursor < bytes.count, bytes[cursor] == byte else { return false }
        cursor += 1
        return true
    }
}
