import Foundation
import IntersessionCore

/// A listing's bytes, made piece by piece into one buffer and written at once: what
/// `Output.lines` prints for the same rows, without a `String` made and scanned per row
/// (two thirds of `threads` at 2,000 threads, issue 14).
struct ListingBuffer {
    private(set) var bytes: [UInt8] = []

    init(rows: Int) {
        bytes.reserveCapacity(rows * 100)
    }

    /// `text` as a listing prints it (`terminalSafeLines` unless it is plain).
    mutating func append(_ text: String) {
        var text = text
        let appended = text.withUTF8 { utf8 in
            guard Output.isPlain(utf8, lines: true) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !appended { bytes.append(contentsOf: text.terminalSafeLines.utf8) }
    }

    mutating func append(_ number: Int) {
        append(String(number))
    }

    /// `text` padded with spaces to `width` columns, as `Output.pad` pads it.
    mutating func append(_ text: String, paddedTo width: Int) {
        var text = text
        let plain = text.withUTF8 { Output.isPlain($0, lines: false) }
        let count = plain ? text.utf8.count : text.count
        append(text)
        if count < width { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width - count)) }
    }

    /// A time as `Output.time` spells it.
    mutating func append(time millis: Int64) {
        if !MinuteTime.append(millis, to: &bytes) { append(Output.time(millis)) }
    }

    mutating func endLine() {
        bytes.append(0x0A)
    }

    func write() {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
