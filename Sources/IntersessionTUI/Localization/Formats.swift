import Foundation
import IntersessionCore

/// Dates, times and numbers as the interface's language writes them, with the kept formatters
/// of `DisplayFormat` (one made per row drawn was most of a frame's time).
public struct Formats: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    var locale: String { language == .fr ? "fr_FR" : "en_GB" }

    /// A post's date: "29 Nov 14:03" (en) or "29 nov. 14:03" (fr); the year when not this one.
    public func date(_ millis: Int64, now: Int64, timeZone: TimeZone = .current) -> String {
        let sameYear = DisplayFormat.year(millis, timeZone: timeZone) == DisplayFormat.year(now, timeZone: timeZone)
        return DisplayFormat.date(millis, .template(sameYear ? "dMMMHHmm" : "dMMMyyyyHHmm"), locale: locale, timeZone: timeZone)
    }

    public func number(_ value: Int) -> String { DisplayFormat.number(value, locale: locale) }

    /// How long ago, in words: "just now", "5 min ago", "3 h ago", "2 d ago".
    public func ago(_ millis: Int64, now: Int64, catalog: Catalog) -> String {
        let minutes = max(0, (now - millis) / 60_000)
        if minutes < 1 { return catalog[.timeJustNow] }
        if minutes < 60 { return catalog[.timeMinutes, number(Int(minutes))] }
        if minutes < 48 * 60 { return catalog[.timeHours, number(Int(minutes / 60))] }
        return catalog[.timeDays, number(Int(minutes / 1440))]
    }
}
