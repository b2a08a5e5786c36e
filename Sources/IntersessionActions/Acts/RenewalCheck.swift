import IntersessionStore

/// What the last epoch renewal check found nothing to do for (issue 14's quiet sync): the
/// state it looked at (`AppDatabase.appliedStateMark`) and until when its answer holds (the
/// earliest expiry of an invite open then: only the clock closes an invite without a change).
/// While the mark is the same and that time has not come, the answer is the same, so a sync
/// with nothing new does not compare the audience with the current epoch's recipients again.
struct RenewalCheck: Equatable {
    static let settingKey = "epoch.renewal-checked"

    var mark: String
    var validUntil: Int64

    init(mark: String, validUntil: Int64) {
        self.mark = mark
        self.validUntil = validUntil
    }

    /// The check a setting holds; nil when there is none or it does not read.
    init?(setting: String?) {
        guard let setting, let newline = setting.lastIndex(of: "\n"), let until = Int64(setting[setting.index(after: newline)...])
        else { return nil }
        mark = String(setting[..<newline])
        validUntil = until
    }

    var setting: String { mark + "\n" + String(validUntil) }

    func holds(mark: String, now: Int64) -> Bool { self.mark == mark && now < validUntil }
}
