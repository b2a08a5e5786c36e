import Foundation
import GRDB
import IntersessionCore

/// Saving a draft: the new text is diffed against the text the store holds now and signed as
/// the insert and delete runs that make it, based on the draft's current heads.
extension AppDatabase {
    /// Where an edit starts: the draft's text, its CRDT and heads as they were when the person
    /// began. The save is diffed against this, so that what others merged meanwhile stays.
    public func draftStart(_ id: String) throws -> DraftStart {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, text, symbol FROM draft WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "draft", prefix: id)
            }
            return DraftStart(state: Array(row[0] as Data), text: row[1], heads: try Self.heads(db, id), symbol: row[2])
        }
    }

    /// Signs an edit turning the draft's text, as it was at `start` (now when nil), into
    /// `newText` (nil when nothing changed), with `extraOps` in the same change (an amendment's
    /// acceptance).
    @discardableResult
    public func saveDraft(_ id: String, text newText: String, from start: DraftStart? = nil, key: DeviceKey, now: Int64,
                          extraOps: [Op] = []) throws -> SignedChange? {
        guard let draft = EntityID(hex: id) else { throw StoreError.notFound(kind: "draft", prefix: id) }
        guard ContentCheck.isDraftText(newText) else { throw StoreError.invalid("a draft is limited to \(Limits.draftBytes / 1024) KiB") }
        let start = try start ?? draftStart(id)
        let text = try SequenceText(decoding: start.state)
        let heads = start.heads
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

/// A draft as an edit found it.
public struct DraftStart: Sendable, Equatable {
    public var state: [UInt8]
    public var text: String
    public var heads: [FeedID: Int64]
    public var symbol: String
}
