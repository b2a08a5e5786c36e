/// The period a report covers: two calendar days the user gives, both included. What falls
/// inside is decided by signed facts every replica shares, never by a replica's clock: a
/// meeting by its first day (as its convener signed it), anything else by the hybrid clock of
/// the change that made the fact (a poll's counting close, a recommendation's recording, a
/// version's naming, a post), read as a UTC calendar day.
public struct ReportPeriod: Sendable, Hashable {
    public let from: String
    public let to: String

    /// Nil unless both are `YYYY-MM-DD` and `from` is not after `to`.
    public init?(from: String, to: String) {
        guard MeetingContent.isDate(from), MeetingContent.isDate(to), from <= to else { return nil }
        self.from = from
        self.to = to
    }

    public func contains(day: String) -> Bool { from <= day && day <= to }

    public func contains(millis: Int64) -> Bool { contains(day: CalendarDay.utc(millis)) }

    /// The period as milliseconds since 1970, `from`'s first moment to the moment after `to`.
    public var millis: Range<Int64> { CalendarDay.startMillis(from)..<(CalendarDay.startMillis(to) + 86_400_000) }
}

/// A moment as its UTC calendar day, `YYYY-MM-DD` (the proleptic Gregorian calendar).
public enum CalendarDay {
    public static func utc(_ millis: Int64) -> String {
        let days = (millis >= 0 ? millis : millis - 86_400_000 + 1) / 86_400_000
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The first moment of a `YYYY-MM-DD` day, UTC (Howard Hinnant's days_from_civil).
    public static func startMillis(_ day: String) -> Int64 {
        let parts = day.split(separator: "-").compactMap { Int64($0) }
        guard parts.count == 3 else { return 0 }
        let month = parts[1], dayOfMonth = parts[2]
        let year = parts[0] - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + dayOfMonth - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * 86_400_000
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
