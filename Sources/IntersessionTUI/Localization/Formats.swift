import Foundation
import IntersessionCore

/// Dates, times and numbers as the interface's language writes them, with the kept formatters
/// of `DisplayFormat` (one made per row drawn was most of a frame's time).
public struct Formats: Sendable {
    public let language: Language
    /// The zone dates are shown in: the machine's, or a fixed one (render tests pin UTC).
    public var timeZone: TimeZone
    /// Fixed date patterns instead of the locale's templates: how a template is spelt ("18 Nov
    /// at 12:16", "18 Nov, 12:16") changes with the ICU version, a fixed pattern does not, so
    /// render tests read the same on every machine.
    public var fixedPatterns: Bool

    public init(language: Language, timeZone: TimeZone = .current, fixedPatterns: Bool = false) {
        self.language = language
        self.timeZone = timeZone
        self.fixedPatterns = fixedPatterns
    }

    /// The same settings in another language (the `L` key).
    public func speaking(_ other: Language) -> Formats {
        Formats(language: other, timeZone: timeZone, fixedPatterns: fixedPatterns)
    }

    var locale: String { language == .fr ? "fr_FR" : "en_GB" }

    /// A post's date: "29 Nov 14:03" (en) or "29 nov. 14:03" (fr); the year when not this one.
    public func date(_ millis: Int64, now: Int64, timeZone: TimeZone? = nil) -> String {
        let zone = timeZone ?? self.timeZone
        let sameYear = DisplayFormat.year(millis, timeZone: zone) == DisplayFormat.year(now, timeZone: zone)
        let pattern: DisplayFormat.Pattern = fixedPatterns
            ? .fixed(sameYear ? "d MMM HH:mm" : "d MMM yyyy HH:mm")
            : .template(sameYear ? "dMMMHHmm" : "dMMMyyyyHHmm")
        return DisplayFormat.date(millis, pattern, locale: locale, timeZone: zone)
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
