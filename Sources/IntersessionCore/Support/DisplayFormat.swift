import Foundation

/// Dates and numbers as people read them, with each formatter made once and kept: making a
/// `DateFormatter` or a `NumberFormatter` costs far more than formatting with one (a fresh one
/// per row drawn was most of a frame's time). The interface's `Formats` and the command line's
/// times both come from here. Safe from any thread: each formatter is used under one lock.
public enum DisplayFormat {
    /// How a date is spelt: a localised template ("dMMMHHmm", ordered and punctuated as the
    /// locale does), or a fixed pattern ("yyyy-MM-dd HH:mm").
    public enum Pattern: Hashable, Sendable {
        case template(String)
        case fixed(String)
    }

    /// `millis` (unix milliseconds) in `pattern`, for `locale` (an identifier: "en_GB", "fr_FR",
    /// "en_US_POSIX"), in `timeZone`.
    public static func date(_ millis: Int64, _ pattern: Pattern, locale: String, timeZone: TimeZone = .current) -> String {
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        return cache.withLock { cache in
            cache.dateFormatter(pattern, locale: locale, timeZone: timeZone).string(from: date)
        }
    }

    /// The calendar year of `millis` in `timeZone` (Gregorian).
    public static func year(_ millis: Int64, timeZone: TimeZone = .current) -> Int {
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        return cache.withLock { cache in cache.calendar(timeZone).component(.year, from: date) }
    }

    /// `value` with the locale's grouping ("12,345", "12 345").
    public static func number(_ value: Int, locale: String) -> String {
        cache.withLock { cache in
            cache.numberFormatter(locale: locale).string(from: NSNumber(value: value)) ?? String(value)
        }
    }

    private static let cache = Locked(Formatters())

    private struct DateKey: Hashable {
        let pattern: Pattern
        let locale: String
        let timeZone: String
    }

    private final class Formatters {
        var dates: [DateKey: DateFormatter] = [:]
        var numbers: [String: NumberFormatter] = [:]
        var calendars: [String: Calendar] = [:]

        func dateFormatter(_ pattern: Pattern, locale: String, timeZone: TimeZone) -> DateFormatter {
            let key = DateKey(pattern: pattern, locale: locale, timeZone: timeZone.identifier)
            if let known = dates[key] { return known }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.timeZone = timeZone
            switch pattern {
            case .template(let template): formatter.setLocalizedDateFormatFromTemplate(template)
            case .fixed(let format): formatter.dateFormat = format
            }
            dates[key] = formatter
            return formatter
        }

        func numberFormatter(locale: String) -> NumberFormatter {
            if let known = numbers[locale] { return known }
            let formatter = NumberFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.numberStyle = .decimal
            numbers[locale] = formatter
            return formatter
        }

        func calendar(_ timeZone: TimeZone) -> Calendar {
            if let known = calendars[timeZone.identifier] { return known }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            calendars[timeZone.identifier] = calendar
            return calendar
        }
    }
}

/// A value used only under its lock.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ work: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return work(&value)
    }
}
