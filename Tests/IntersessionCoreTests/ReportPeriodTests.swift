import Testing
@testable import IntersessionCore

/// The report's period: what its two days take in, by signed facts read as UTC days.
@Suite struct ReportPeriodTests {
    @Test func aMomentIsItsUTCDay() {
        #expect(CalendarDay.utc(0) == "1970-01-01")
        #expect(CalendarDay.utc(86_400_000 - 1) == "1970-01-01")
        #expect(CalendarDay.utc(86_400_000) == "1970-01-02")
        #expect(CalendarDay.utc(951_782_400_000) == "2000-02-29")
        #expect(CalendarDay.utc(1_780_185_600_000) == "2026-05-31")
        #expect(CalendarDay.utc(-1) == "1969-12-31")
        for day in ["1970-01-01", "2000-02-29", "2026-05-31", "2026-12-02", "1969-12-31"] {
            #expect(CalendarDay.utc(CalendarDay.startMillis(day)) == day)
            #expect(CalendarDay.utc(CalendarDay.startMillis(day) - 1) != day)
        }
    }

    @Test func bothDaysAreInsideAndNothingElse() throws {
        let period = try #require(ReportPeriod(from: "2026-05-01", to: "2026-06-30"))
        #expect(period.contains(day: "2026-05-01") && period.contains(day: "2026-06-30"))
        #expect(!period.contains(day: "2026-04-30") && !period.contains(day: "2026-07-01"))
        #expect(period.contains(millis: 1_780_185_600_000))
        #expect(!period.contains(millis: 1_782_864_000_000), "2026-07-01 00:00 UTC")
    }

    @Test func aPeriodNeedsTwoDaysInOrder() {
        #expect(ReportPeriod(from: "2026-07-01", to: "2026-06-30") == nil)
        #expect(ReportPeriod(from: "01/05/2026", to: "2026-06-30") == nil)
    }
}
