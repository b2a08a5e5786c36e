import IntersessionCore

/// Posts a transaction applied to one thread: how many, and the latest of their clocks, kept
/// until the thread row is brought up to date (`ChangeApplier.flushPostCounts`).
struct AddedPosts {
    var count = 0
    var latest = HLC(millis: Int64.min, counter: Int64.min)

    mutating func add(at hlc: HLC) {
        count += 1
        latest = max(latest, hlc)
    }
}
