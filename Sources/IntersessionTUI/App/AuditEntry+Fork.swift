import IntersessionStore

extension AuditEntry {
    /// A fork of a feed, which the audit log lists with the refused changes (its target is the
    /// seq, its detail why), not an act refused by the rules.
    var isFork: Bool { action == "fork" }
}
