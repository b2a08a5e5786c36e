import Foundation
import IntersessionCore
import IntersessionStore

/// Drafts and amendments, read and signed for the interface.
extension EffectRunner {
    func runDraftEffect(_ effect: Effect, _ session: Session) throws -> [Message] {
        let store = session.store
        switch effect {
        case .loadDrafts: return [.draftsLoaded(try store.drafts())]
        case .loadDraft(let id): return [.draftLoaded(try store.draft(id))]
        case .loadDraftDiff(let id):
            let detail = try store.draft(id)
            let since = detail.versions.last
            let old = try since.map { try store.draftHistory(id).text(within: $0.feedHeads).text } ?? ""
            return [.draftDiffLoaded(id: id, since: since?.name, DraftDiff.changes(from: old, to: detail.text))]
        case .loadAmendments(let draft): return [.amendmentsLoaded(draft: draft, try store.amendments(of: draft))]
        case .beginDraftEdit(let id): return [.draftEditBegan(id: id, start: try store.draftStart(id))]
        case .nameVersion(let id, let name):
            guard let draft = EntityID(hex: id) else { return [] }
            let heads = try store.draftHeads(id)
            _ = try store.author(ops: [.draftVersion(DraftVersion(draft: draft, name: name, heads: heads))], references: [draft], key: session.key,
                                 now: clock(), dependsOn: heads)
            return [.recorded(.draftVersionNamed)]
        case .setDraftStatus(let id, let status):
            guard let draft = EntityID(hex: id) else { return [] }
            _ = try store.author(ops: [.draftStatus(DraftSetStatus(draft: draft, status: status))], references: [draft], key: session.key,
                                 now: clock())
            return [.recorded(.draftStatusSet)]
        case .amendmentPosition(let amendment, let supports):
            _ = try store.author(ops: [.amendPosition(AmendPosition(amendment: amendment, supports: supports))], references: [amendment],
                                 key: session.key, now: clock())
            return [.recorded(.amendmentPositionRecorded)]
        case .decideAmendment(let amendment, let accept, let reason):
            try store.decideAmendment(amendment, accept: accept, reason: reason, key: session.key, now: clock())
            return [.recorded(.amendmentDecided)]
        default:
            return []
        }
    }

    func sendDraft(_ kind: ComposeState.Kind, title: String, body: String, _ session: Session) throws -> [Message] {
        let store = session.store
        switch kind {
        case .draft(let id, let start):
            try store.saveDraft(id, text: body, from: start, key: session.key, now: clock())
        case .comment(let draft, let paragraph):
            let detail = try store.draft(draft)
            guard let entity = EntityID(hex: draft), let topic = EntityID(hex: detail.summary.topic),
                let block = Paragraphs.split(detail.text).first(where: { $0.number == paragraph })
            else { return [] }
            let thread = ThreadCreate(
                topic: topic, title: String("¶\(paragraph) \(detail.summary.symbol): \(detail.summary.title)".prefix(Limits.titleCharacters)),
                body: body, language: session.writingLanguage, draft: entity, anchor: try store.draftText(draft).anchor(at: block.range.lowerBound))
            _ = try store.author(ops: [.threadCreate(thread)], references: [topic, entity], key: session.key, now: clock(),
                                 dependsOn: try store.draftHeads(draft))
        case .amend(let draft, let paragraph, let original):
            guard let entity = EntityID(hex: draft), let block = Paragraphs.split(try store.draftText(draft).text).first(where: { $0.number == paragraph })
            else { return [] }
            let text = try store.draftText(draft)
            let proposal = AmendmentSpan.proposal(draft: entity, original: original, proposed: body, paragraphStart: block.range.lowerBound,
                                                  text: text, rationale: title)
            _ = try store.author(ops: [.amendPropose(proposal)], references: [entity], key: session.key, now: clock(),
                                 dependsOn: try store.draftHeads(draft))
        default:
            return []
        }
        return [.sent(kind)]
    }
}

/// An amendment from a paragraph edited as a whole: the span is what differs between the old
/// and the new wording, so that it stays small and others' amendments elsewhere do not compete.
enum AmendmentSpan {
    static func proposal(draft: EntityID, original: String, proposed: String, paragraphStart: Int, text: SequenceText,
                         rationale: String) -> AmendPropose {
        let old = Array(original.unicodeScalars), new = Array(proposed.unicodeScalars)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let removed = (prefix)..<(old.count - suffix)
        let added = String(String.UnicodeScalarView(new[prefix..<(new.count - suffix)]))
        let start = paragraphStart + removed.lowerBound
        if removed.isEmpty {
            return AmendPropose(draft: draft, kind: .insert, from: start > 0 ? text.anchor(at: start - 1) : nil, to: nil, text: added,
                                rationale: rationale)
        }
        return AmendPropose(draft: draft, kind: added.isEmpty ? .delete : .replace, from: text.anchor(at: start),
                            to: text.anchor(at: paragraphStart + removed.upperBound - 1), text: added, rationale: rationale)
    }
}
