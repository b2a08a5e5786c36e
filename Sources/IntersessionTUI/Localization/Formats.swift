import Foundation
import IntersessionCore

/// Dates, times and numbers as the interface's language writes them.
public struct Formats: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    var locale: Locale { Locale(identifier: language == .fr ? "fr_FR" : "en_GB") }

    /// A post's date: "29 Nov 14:03" (en) or "29 nov. 14:03" (fr); the year when not this one.
    public func date(_ millis: Int64, now: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        let sameYear = Calendar(identifier: .gregorian).component(.year, from: date)
            == Calendar(identifier: .gregorian).component(.year, from: Date(timeIntervalSince1970: Double(now) / 1000))
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.setLocalizedDateFormatFromTemplate(sameYear ? "dMMMHHmm" : "dMMMyyyyHHmm")
        return formatter.string(from: date)
    }

    public func number(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// How long ago, in words: "just now", "5 min ago", "3 h ago", "2 d ago".
    public func ago(_ millis: Int64, now: Int64, catalog: Catalog) -> String {
        let minutes = max(0, (now - millis) / 60_000)
        if minutes < 1 { return catalog[.timeJustNow] }
        if minutes < 60 { return catalog[.timeMinutes, number(Int(minutes))] }
        if minutes < 48 * 60 { return catalog[.timeHours, number(Int(minutes / 60))] }
        return catalog[.timeDays, number(Int(minutes / 1440))]
    }
}
