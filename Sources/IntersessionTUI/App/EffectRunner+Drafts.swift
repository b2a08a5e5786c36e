import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

/// Drafts and amendments, read and signed for the interface.
extension EffectRunner {
    func runDraftEffect(_ effect: Effect, _ session: Session) throws -> [Message] {
        let store = session.store
        switch effect {
        case .loadDrafts: return [.draftsLoaded(try store.drafts())]
        case .loadDraft(let id): return [.draftLoaded(try store.draft(id))] + (try attachmentsMessage(on: [id], session))
        case .loadDraftDiff(let id):
            let detail = try store.draft(id)
            let since = detail.versions.last
            let old = try since.map { try store.draftHistory(id).text(within: $0.feedHeads).text } ?? ""
            return [.draftDiffLoaded(id: id, since: since?.name, DraftDiff.changes(from: old, to: detail.text))]
        case .loadAmendments(let draft): return [.amendmentsLoaded(draft: draft, try store.amendments(of: draft))]
        case .beginDraftEdit(let id): return [.draftEditBegan(id: id, start: try session.actions(clock: clock).beginEdit(of: id))]
        case .nameVersion(let id, let name):
            try session.actions(clock: clock).nameVersion(of: id, name)
            return [.recorded(.draftVersionNamed)]
        case .setDraftStatus(let id, let status):
            try session.actions(clock: clock).setStatus(of: id, status)
            return [.recorded(.draftStatusSet)]
        case .amendmentPosition(let amendment, let supports):
            try session.actions(clock: clock).takePosition(on: amendment.hex, supports: supports)
            return [.recorded(.amendmentPositionRecorded)]
        case .decideAmendment(let amendment, let accept, let reason):
            let actions = try session.actions(clock: clock)
            if accept { try actions.acceptAmendment(amendment.hex) } else { try actions.rejectAmendment(amendment.hex, reason: reason ?? "") }
            return [.recorded(.amendmentDecided)]
        default:
            return []
        }
    }

    func sendDraft(_ kind: ComposeState.Kind, title: String, body: String, _ actions: Actions) throws -> [Message] {
        switch kind {
        case .draft(let id, let start): try actions.saveDraft(id, text: body, from: start)
        case .comment(let draft, let paragraph): try actions.comment(on: draft, paragraph: paragraph, body: body)
        case .amend(let draft, let paragraph, let original):
            try actions.proposeWording(of: draft, paragraph: paragraph, original: original, proposed: body, rationale: title)
        default: return []
        }
        return [.sent(kind)]
    }
}
