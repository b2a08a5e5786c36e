/// The group's default durations, once for every front end.
public enum Terms {
    public static let dayMillis: Int64 = 86_400_000
    /// How long an invite stays open unless the secretariat says otherwise.
    public static let inviteDays = 14
    /// The longest an invite may stay open.
    public static let inviteMaximumDays = 365
    /// A co-chair's term (the terms of reference: one year, re-eligible).
    public static let cochairTermDays = 365
    /// The longest term the secretariat may give an expert or a co-chair.
    public static let maximumTermDays = 3650
    /// A poll's deadline unless its opener says otherwise, and the longest one.
    public static let pollDays = 14
    public static let pollMaximumDays = 365

    /// `days` after `now`, in unix milliseconds.
    public static func after(days: Int, from now: Int64) -> Int64 { now + Int64(days) * dayMillis }
}
