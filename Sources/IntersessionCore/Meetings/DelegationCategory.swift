/// The category a delegation takes part in, as the committees' reports count participation:
/// Members (customs administrations), partner organisations, the private sector, observers,
/// academia, experts.
public enum DelegationKind: String, Sendable, Hashable, CaseIterable {
    case member, partner = "partner-organisation", privateSector = "private-sector", observer, academia, expert

    /// The order the committees' reports give them in.
    public static let reportOrder: [DelegationKind] = [.member, .partner, .privateSector, .observer, .academia, .expert]

    /// A delegation no `delegation.category` names is counted by the capacities its
    /// participants registered in: a delegate or head of delegation makes it a Member's, else an
    /// observer makes it an observer's, else an expert an expert's. The secretariat's own
    /// staff are no delegation of any category (nil).
    public static func derived(from capacities: some Sequence<ParticipantCapacity>) -> DelegationKind? {
        let held = Set(capacities)
        if !held.isDisjoint(with: [.delegate, .head]) { return .member }
        if held.contains(.observer) { return .observer }
        if held.contains(.expert) { return .expert }
        return nil
    }
}

/// `delegation.category`: the secretariat says in which category a delegation takes part. It
/// names the delegation as participants register it; the latest by stamp stands, for every
/// meeting, past and future.
public struct DelegationCategory: Sendable, Hashable {
    static let type = "delegation.category"
    public var delegation: String
    public var category: DelegationKind

    public init(delegation: String, category: DelegationKind) {
        self.delegation = delegation
        self.category = category
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        delegation = try fields.string("delegation")
        guard let category = DelegationKind(rawValue: try fields.string("category")) else {
            throw .badField("category", "is not a delegation category")
        }
        self.category = category
    }

    var json: JSONValue {
        ["t": .string(Self.type), "delegation": .string(delegation), "category": .string(category.rawValue)]
    }

    /// How a delegation's name is matched: "WCO", " wco " and "Wco" are one delegation, and so
    /// are "Straße Zoll" and "STRASSE ZOLL", or "Côte" with its accent typed either way. Spaces
    /// inside are kept (see `String.matchingKey`).
    public static func key(_ delegation: String) -> String {
        delegation.matchingKey
    }
}
