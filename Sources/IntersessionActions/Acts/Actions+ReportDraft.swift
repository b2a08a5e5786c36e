import Foundation
import IntersessionCore
import IntersessionStore

/// A report to the committees made into a draft, which then works as drafts do (penholders,
/// versions, the silence procedure).
extension Actions {
    /// Puts `report` into a new draft (co-chairs, secretariat), or saves it as the new text of
    /// the report draft `draft`; returns the draft's id.
    @discardableResult
    public func reportIntoDraft(_ report: PeriodReport, symbol: String, language: Language, draft: String? = nil) throws -> EntityID {
        try adoptOwnChanges()
        guard try store.currentRoles(of: me).contains(where: \.moderates) else { throw RecommendationError.notCochairOrSecretariat }
        if let draft {
            let id = try entity(draft, as: .draft)
            _ = try saveDraft(id.hex, text: report.draftText)
            return id
        }
        let topic = try store.topics().first?.id ?? ""
        return try newDraft(title: report.title, topic: topic, symbol: symbol, language: language, text: report.draftText)
    }
}
