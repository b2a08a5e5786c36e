import Foundation
import GRDB
import IntersessionCore

/// Saving a draft: the new text is diffed against the text the store holds now and signed as
/// the insert and delete runs that make it, based on the draft's current heads.
extension AppDatabase {
    /// Signs an edit turning the draft's text into `newText` (nil when nothing changed), with
    /// `extraOps` in the same change (an amendment's acceptance).
    @discardableResult
    public func saveDraft(_ id: String, text newText: String, key: DeviceKey, now: Int64, extraOps: [Op] = []) throws -> SignedChange? {
        guard let draft = EntityID(hex: id) else { throw StoreError.notFound(kind: "draft", prefix: id) }
        guard newText.utf8.count <= Limits.draftBytes else { throw StoreError.invalid("a draft is limited to \(Limits.draftBytes / 1024) KiB") }
        let text = try draftText(id)
        let heads = try draftHeads(id)
        let (insertions, deletions) = text.change(to: newText, by: key.feed)
        guard !insertions.isEmpty || !deletions.isEmpty || !extraOps.isEmpty else { return nil }
        let edit = DraftEdit(draft: draft, base: heads, insertions: insertions, deletions: deletions)
        let ops: [Op] = (insertions.isEmpty && deletions.isEmpty ? [] : [.draftEdit(edit)]) + extraOps
        return try author(ops: ops, references: [draft], key: key, now: now, dependsOn: heads)
    }

    /// The draft's text with an amendment applied.
    public func textWithAmendment(_ amendmentID: String) throws -> (draft: String, text: String) {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT draft, kind, from_anchor, to_anchor, text FROM amendment WHERE id = ?",
                                             arguments: [amendmentID])
            else { throw StoreError.notFound(kind: "amendment", prefix: amendmentID) }
            let draft: String = row[0]
            let text = try Self.openText(db, draft)
            let kind = AmendmentKind(rawValue: row[1]) ?? .replace
            guard let span = Self.span(kind: kind, from: (row[2] as String?).flatMap(TextAnchor.init(text:)),
                                       to: (row[3] as String?).flatMap(TextAnchor.init(text:)), in: text)
            else { throw StoreError.invalid("the text this amendment changes is no longer in the draft") }
            var scalars = Array(text.text.unicodeScalars)
            scalars.replaceSubrange(span, with: kind == .delete ? [] : Array((row[4] as String).unicodeScalars))
            return (draft, String(String.UnicodeScalarView(scalars)))
        }
    }
}

extension AppDatabase {
    /// A penholder's decision: an acceptance signs, in one change, the edit that applies the
    /// amendment; a rejection is based on the draft's current heads.
    public func decideAmendment(_ id: EntityID, accept: Bool, reason: String?, key: DeviceKey, now: Int64) throws {
        let decision = Op.amendDecide(AmendDecide(amendment: id, accepted: accept, reason: reason))
        if accept {
            let (draft, text) = try textWithAmendment(id.hex)
            try saveDraft(draft, text: text, key: key, now: now, extraOps: [decision])
        } else {
            _ = try author(ops: [decision], references: [id], key: key, now: now, dependsOn: try draftHeads(try draft(ofAmendment: id.hex)))
        }
    }
}
