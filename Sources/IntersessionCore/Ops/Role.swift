/// The roles of the group's terms of reference (DESIGN §1).
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case secretariat
    case cochair
    case member
    case partner
    case `private`
    case observer
    case expert

    /// Roles that preside over the group's discussions.
    public var moderates: Bool { self == .secretariat || self == .cochair }
}
