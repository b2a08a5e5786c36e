import IntersessionCore
import IntersessionStore

/// Amendments: anyone proposes a replacement, insertion or deletion with a rationale; members
/// support or oppose; a penholder accepts (the edit is applied in the same change) or rejects.
extension Actions {
    /// Proposes `kind` over `span` of paragraph `paragraph` (the whole paragraph when nil);
    /// returns the amendment's id.
    @discardableResult
    public func proposeAmendment(to draft: String, paragraph: Int, span: String?, kind: AmendmentKind, text: String,
                                 rationale: String) throws -> EntityID {
        let rationale = try Input.body(rationale)
        try adoptOwnChanges()
        let id = try entity(draft, as: .draft)
        let current = try store.draftText(id.hex)
        let range = try AmendmentSpan.range(in: current.text, paragraph: paragraph, span: span).mapError(\.actionError).get()
        return try propose(AmendmentSpan.proposal(draft: id, kind: kind, range: range, text: text, in: current, rationale: rationale))
    }

    /// Proposes a new wording of paragraph `paragraph` as a whole: the amendment covers only
    /// what differs from `original`, the wording the person started from.
    @discardableResult
    public func proposeWording(of draft: String, paragraph: Int, original: String, proposed: String, rationale: String) throws -> EntityID {
        let rationale = try Input.body(rationale)
        try adoptOwnChanges()
        let id = try entity(draft, as: .draft)
        let current = try store.draftText(id.hex)
        let block = try AmendmentSpan.range(in: current.text, paragraph: paragraph, span: nil).mapError(\.actionError).get()
        let (removed, added) = AmendmentSpan.difference(from: original, to: proposed)
        let range = (block.lowerBound + removed.lowerBound)..<(block.lowerBound + removed.upperBound)
        guard !range.isEmpty || !added.isEmpty else { throw ActionError.textUnchanged }
        return try propose(AmendmentSpan.proposal(draft: id, kind: AmendmentSpan.kind(removing: range, adding: added), range: range,
                                                  text: added, in: current, rationale: rationale))
    }

    private func propose(_ proposal: AmendPropose) throws -> EntityID {
        try sign([.amendPropose(proposal)]).entity(0)
    }

    /// Supports or opposes an amendment.
    @discardableResult
    public func takePosition(on amendment: String, supports: Bool, reason: String? = nil) throws -> EntityID {
        try adoptOwnChanges()
        let id = try entity(amendment, as: .amendment)
        try sign([.amendPosition(AmendPosition(amendment: id, supports: supports, reason: reason))])
        return id
    }

    /// Accepts an amendment (penholders): signs, in one change, the edit that applies it.
    @discardableResult
    public func acceptAmendment(_ amendment: String) throws -> EntityID {
        try adoptOwnChanges()
        let id = try entity(amendment, as: .amendment)
        let (draft, text) = try store.textWithAmendment(id.hex)
        let edit = try store.draftEdit(draft, text: text, by: key.feed)
        try sign((edit.map { [Op.draftEdit($0)] } ?? []) + [.amendDecide(AmendDecide(amendment: id, accepted: true, reason: nil))])
        return id
    }

    /// Rejects an amendment, with a reason (penholders).
    @discardableResult
    public func rejectAmendment(_ amendment: String, reason: String) throws -> EntityID {
        let reason = try Input.body(reason)
        try adoptOwnChanges()
        let id = try entity(amendment, as: .amendment)
        try sign([.amendDecide(AmendDecide(amendment: id, accepted: false, reason: reason))])
        return id
    }
}
