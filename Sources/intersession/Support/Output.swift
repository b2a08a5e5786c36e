import Foundation
import IntersessionCore

/// How commands print: JSON for scripts, aligned text for people. Whatever is printed passes
/// through `terminalSafeLines`, so no escape sequence from a name or a body reaches the
/// terminal; a name or a path from outside is also made `terminalSafe` where it is put in a
/// line, so that it cannot forge a line of its own.
enum Output {
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Written at once, not buffered: `sync --watch` into a file or a pipe must show as it goes.
    static func line(_ text: String = "") {
        // From an array: Data's init from the string's UTF8View took 0.3 M instructions a line.
        FileHandle.standardOutput.write(Data(Array((text.terminalSafeLines + "\n").utf8)))
    }

    /// A listing's lines in one write (thousands of rows are one system call, not thousands),
    /// each passed through `terminalSafeLines` as `line` does.
    static func lines(_ texts: [String]) {
        var bytes: [UInt8] = []
        for text in texts {
            if isPlain(text, lines: true) { bytes += text.utf8 } else { bytes += text.terminalSafeLines.utf8 }
            bytes.append(0x0A)
        }
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// One line on standard error, `intersession: ` first: a notice, a warning or a failure.
    /// Its text is held to one line whatever its arguments hold.
    static func notice(_ text: String) {
        FileHandle.standardError.write(Data("intersession: \(text.replacingOccurrences(of: "\n", with: "\\n").terminalSafeLines)\n".utf8))
    }

    static func short(_ id: String) -> String { String(id.prefix(8)) }

    /// A name or a title from outside, on one line.
    static func name(_ text: String?) -> String {
        guard let text else { return "?" }
        return isPlain(text, lines: false) ? text : text.terminalSafe
    }

    /// Whether `text` is printable ASCII (with `lines`, tabs, newlines and backslashes too):
    /// what `terminalSafeLines` (without `lines`, `terminalSafe`) gives back unchanged, told
    /// from its bytes alone instead of its scalars (most of a listing's rows).
    static func isPlain(_ text: String, lines: Bool) -> Bool {
        var text = text
        return text.withUTF8 { isPlain($0, lines: lines) }
    }

    static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>, lines: Bool) -> Bool {
        for byte in utf8 {
            switch byte {
            case 0x5C, 0x09, 0x0A: if !lines { return false }
            case 0x20...0x7E: continue
            default: return false
            }
        }
        return true
    }

    static func time(_ millis: Int64) -> String {
        MinuteTime.text(millis) ?? DisplayFormat.date(millis, .fixed("yyyy-MM-dd HH:mm"), locale: "en_US_POSIX")
    }

    /// Pads `text` to `width` columns (names here are short; wide characters are rare).
    static func pad(_ text: String, _ width: Int) -> String {
        // Printable ASCII has a character a byte: no need to find grapheme breaks.
        let count = isPlain(text, lines: false) ? text.utf8.count : text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
