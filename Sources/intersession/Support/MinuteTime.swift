import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A time as the listings print it, "yyyy-MM-dd HH:mm" in the local time zone (`Output.time`),
/// spelt from the C library's `localtime_r` (the system's time zone rules) instead of a
/// `DateFormatter` call: about 33,000 instructions a row, most of `threads` at 100,000 posts
/// (issue 14). ICU's Gregorian calendar is Julian before October 1582 and a year past 9999
/// takes more digits, so a time outside 1600...9999 (a signer's clock can say anything) is
/// left to `DisplayFormat`, which spells every other time the same (`e2e/plain.sh` compares
/// both with `jq` in three time zones).
enum MinuteTime {
    /// The time zone (TZ, else /etc/localtime), read once before the first time is spelt.
    private static let zoneRead: Void = tzset()

    static func text(_ millis: Int64) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        guard append(millis, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the time's spelling to `bytes`; false (nothing appended) outside 1600...9999.
    static func append(_ millis: Int64, to bytes: inout [UInt8]) -> Bool {
        _ = zoneRead
        let (quotient, remainder) = millis.quotientAndRemainder(dividingBy: 1000)
        var seconds = time_t(quotient - (remainder < 0 ? 1 : 0))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return false }
        let year = Int(parts.tm_year) + 1900
        guard (1600...9999).contains(year) else { return false }
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        bytes.append(UInt8(ascii: " "))
        digits(Int(parts.tm_hour), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        return true
    }
}
