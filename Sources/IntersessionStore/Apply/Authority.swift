import IntersessionCore

/// What a pass of a rebuild found: each feed's roles, each draft's penholders and each thread's
/// lock. The next pass judges every change by it, until a pass finds the same again (see
/// `rebuild()`).
struct Authority: Equatable {
    var roles: [FeedID: RoleHistory] = [:]
    var pens: [EntityID: [FeedID: Tenure]] = [:]
    var locks: [EntityID: String] = [:]
}
