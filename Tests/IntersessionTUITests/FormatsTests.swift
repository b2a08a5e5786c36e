import Foundation
import Testing
import IntersessionCore
@testable import IntersessionTUI

/// The interface's dates and numbers come from kept formatters (`DisplayFormat`): they must
/// read exactly as a formatter made afresh for each one, the way they were made before, in
/// both languages, in every time zone, interleaved so that no zone's formatter serves another.
@Suite struct FormatsTests {
    static let zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Adelaide", "Pacific/Kiritimati"]
        .compactMap(TimeZone.init(identifier:))

    /// The date as `Formats` wrote it before the cache: a calendar and a formatter per call.
    static func freshDate(_ millis: Int64, now: Int64, _ language: Language, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        let sameYear = calendar.component(.year, from: date) == calendar.component(.year, from: Date(timeIntervalSince1970: Double(now) / 1000))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
        formatter.timeZone = zone
        formatter.setLocalizedDateFormatFromTemplate(sameYear ? "dMMMHHmm" : "dMMMyyyyHHmm")
        return formatter.string(from: date)
    }

    static func freshNumber(_ value: Int, _ language: Language) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// Instants around a new year (a year apart in some zones only), and seeded random ones:
    /// `INTERSESSION_SEEDS` seeds from `INTERSESSION_SEED_BASE`, as the property tests take them.
    static var instants: [Int64] {
        let newYear: Int64 = 1_798_761_600_000  // 2027-01-01T00:00Z
        var instants = [newYear - 15 * 3_600_000, newYear - 60_000, newYear, newYear + 9 * 3_600_000, 0, 1_795_000_000_000]
        let environment = ProcessInfo.processInfo.environment
        let count = environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? 3
        let base = environment["INTERSESSION_SEED_BASE"].flatMap(UInt64.init) ?? 0
        for seed in base..<base + UInt64(count) {
            var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
            for _ in 0..<20 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                instants.append(1_600_000_000_000 + Int64(state >> 24) % 400_000_000_000)
            }
        }
        return instants
    }

    @Test(arguments: [Language.en, .fr]) func datesReadAsAFreshFormatterWritesThem(_ language: Language) {
        let formats = Formats(language: language)
        let instants = Self.instants
        for (index, millis) in instants.enumerated() {
            let now = instants[(index * 7 + 3) % instants.count]
            for zone in Self.zones {
                #expect(formats.date(millis, now: now, timeZone: zone) == Self.freshDate(millis, now: now, language, zone),
                        "\(millis) seen at \(now) in \(zone.identifier)")
            }
            #expect(formats.date(millis, now: now) == Self.freshDate(millis, now: now, language, .current))
        }
    }

    @Test(arguments: [Language.en, .fr]) func numbersReadAsAFreshFormatterWritesThem(_ language: Language) {
        let formats = Formats(language: language)
        for value in [0, 1, 2, 999, 1_000, 12_345, 1_234_567, -42, Int(Int32.max)] {
            #expect(formats.number(value) == Self.freshNumber(value, language))
        }
    }

    @Test func theCommandLineTimeIsFixedWhateverTheLocale() {
        let utc = TimeZone(identifier: "UTC")!
        #expect(DisplayFormat.date(1_795_000_000_000, .fixed("yyyy-MM-dd HH:mm"), locale: "en_US_POSIX", timeZone: utc) == "2026-11-18 11:06")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        for millis in Self.instants {
            #expect(DisplayFormat.date(millis, .fixed("yyyy-MM-dd HH:mm"), locale: "en_US_POSIX")
                == formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000)))
        }
    }

    @Test func formattingFromManyThreadsAtOnceGivesTheSameText() async {
        let formats = Formats(language: .fr)
        let expected = Self.instants.map { formats.date($0, now: 1_795_000_000_000) }
        await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { Self.instants.map { formats.date($0, now: 1_795_000_000_000) } } }
            for await result in group { #expect(result == expected) }
        }
    }
}
