import Foundation
import IntersessionCore

/// Reads the texts of chosen keys from a catalog (one flat JSON object of key to text) without
/// decoding the others: a command that prints a few phrases, like the sync's summary, need not
/// build all 900 of them on every run. Nil when the bytes are not such an object (the caller
/// then reads the catalog whole, which says nothing worse than missing texts).
enum CatalogScanner {
    static func texts(_ bytes: [UInt8], keys: Set<String>) -> [String: String]? {
        let wanted = WantedKeys(keys)
        return bytes.withUnsafeBufferPointer { buffer in
            var scan = Scan(bytes: buffer)
            return scan.object(wanted)
        }
    }

    /// The wanted keys' bytes by their length, so that most keys of the catalog are passed over
    /// on their length alone (a key holding an escape is decoded and looked up instead).
    struct WantedKeys {
        var byLength: [[(bytes: [UInt8], key: String)]] = []
        let keys: Set<String>

        init(_ keys: Set<String>) {
            self.keys = keys
            for key in keys {
                let bytes = Array(key.utf8)
                // A key holding a backslash is written escaped, so it is only ever found decoded.
                if bytes.contains(UInt8(ascii: "\\")) { continue }
                while byLength.count <= bytes.count { byLength.append([]) }
                byLength[bytes.count].append((bytes, key))
            }
        }

        /// The wanted key the string token at `range` of `bytes` names, if any (compared with memcmp).
        func key(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> String? {
            let count = range.count - 2
            guard count > 0, let base = bytes.baseAddress.map({ $0 + range.lowerBound + 1 }) else { return nil }
            if count < byLength.count {
                for candidate in byLength[count] where candidate.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, count) == 0 }) {
                    return candidate.key
                }
            }
            // Only a key written with an escape can still be one of them.
            guard memchr(base, Int32(UInt8(ascii: "\\")), count) != nil else { return nil }
            return Scan.decoded(bytes[range]).flatMap { keys.contains($0) ? $0 : nil }
        }
    }

    struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var cursor = 0

        mutating func object(_ wanted: WantedKeys) -> [String: String]? {
            var texts: [String: String] = [:]
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if take(UInt8(ascii: "}")) { return atEnd() ? texts : nil }
            while true {
                guard let key = stringToken() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard let value = stringToken() else { return nil }
                if let name = wanted.key(key, of: bytes) {
                    guard let text = Self.decoded(bytes[value]) else { return nil }
                    texts[name] = text
                }
                skipSpace()
                if take(UInt8(ascii: ",")) { skipSpace(); continue }
                return take(UInt8(ascii: "}")) && atEnd() ? texts : nil
            }
        }

        /// The range of the JSON string at the cursor, quotes included; the cursor moves past it.
        /// Its closing quote is the first one after an even run of backslashes (found by memchr).
        mutating func stringToken() -> Range<Int>? {
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\""), let base = bytes.baseAddress else { return nil }
            let start = cursor
            var from = cursor + 1
            while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) {
                let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var backslashes = 0
                while quote - 1 - backslashes > start, bytes[quote - 1 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
                if backslashes % 2 == 0 {
                    cursor = quote + 1
                    return start..<cursor
                }
                from = quote + 1
            }
            return nil
        }

        /// A string token's text: straight from its bytes when it holds no escape, else through the parser.
        static func decoded(_ token: UnsafeBufferPointer<UInt8>.SubSequence) -> String? {
            let inner = token.dropFirst().dropLast()
            if !inner.contains(UInt8(ascii: "\\")) { return String(validating: inner, as: UTF8.self) }
            return (try? JSONParser.parse(Array(token)))?.stringValue
        }

        mutating func skipSpace() {
            while cursor < bytes.count {
                switch bytes[cursor] {
                case 0x20, 0x0A, 0x0D, 0x09: cursor += 1
                default: return
                }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
            return true
        }

        mutating func atEnd() -> Bool {
            skipSpace()
            return cursor == bytes.count
        }
    }
}
