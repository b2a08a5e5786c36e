import Foundation
import IntersessionCore
import IntersessionStore

/// The categories delegations take part in, as the reports to the committees count them.
extension Actions {
    /// Puts `delegation` (as its participants register it; matched whatever its case and outer
    /// spaces) in `category`, for every meeting, past and future: the secretariat's act.
    public func categorise(delegation: String, as category: DelegationKind) throws {
        let name = try Input.organisation(delegation)
        try adoptOwnChanges()
        guard MeetingRules.categorises(roles: try store.currentRoles(of: me)) else { throw MeetingError.secretariatOnly }
        let standing = try store.delegationCategories().first { DelegationCategory.key($0.delegation) == DelegationCategory.key(name) }
        if standing?.delegation == name, standing?.category == category.rawValue { throw MeetingError.alreadyCategorised(delegation: name, category: category.rawValue) }
        try sign([.meeting(.category(DelegationCategory(delegation: name, category: category)))])
    }
}
