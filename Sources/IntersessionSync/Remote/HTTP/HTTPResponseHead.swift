import Foundation

/// The status line and header fields of an answer, as read from its lines.
struct HTTPResponseHead: Equatable {
    var minorVersion: Int
    var status: Int
    /// Names in lower case; a repeated field's values joined by `, `.
    var headers: [String: String]

    /// Parses `HTTP/1.x SSS reason`.
    static func parseStatusLine(_ line: [UInt8]) throws(RemoteError) -> (minorVersion: Int, status: Int) {
        let prefix = Array("HTTP/1.".utf8)
        guard line.count >= 12, Array(line[0..<7]) == prefix,
              let minor = digitValue(line[7]), line[8] == UInt8(ascii: " "),
              let status = Int(String(decoding: line[9..<12], as: UTF8.self)), status >= 100,
              line[9..<12].allSatisfy({ digitValue($0) != nil }),
              line.count == 12 || line[12] == UInt8(ascii: " ")
        else { throw .badResponse("the status line \"\(printable(line))\" is not HTTP/1.x") }
        return (minor, status)
    }

    /// Adds one `name: value` line to `headers`.
    static func addField(_ line: [UInt8], to headers: inout [String: String]) throws(RemoteError) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              line[..<colon].allSatisfy(isTokenByte)
        else { throw .badResponse("the header line \"\(printable(line))\" is malformed") }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        let value = String(decoding: trimmed(line[(colon + 1)...]), as: UTF8.self)
        if let earlier = headers[name] {
            headers[name] = earlier + ", " + value
        } else {
            headers[name] = value
        }
    }

    /// Whether the connection may carry another request after this answer (RFC 9112 §9.3):
    /// HTTP/1.1 unless it says `close`; HTTP/1.0 is not kept.
    var keepsAlive: Bool {
        guard minorVersion >= 1 else { return false }
        let options = (headers["connection"] ?? "").lowercased().split(separator: ",")
        return !options.contains { $0.trimmingCharacters(in: .whitespaces) == "close" }
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// The characters of a field name (RFC 9110 §5.6.2).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else { return [] }
        return bytes[first...last]
    }

    /// A line for a message: at most 80 characters, control characters as `?`.
    static func printable(_ line: [UInt8]) -> String {
        String(decoding: line.prefix(80).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
    }
}
