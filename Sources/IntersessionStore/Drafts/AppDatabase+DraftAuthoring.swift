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

    /// The edit turning the draft's text, as it was at `start` (now when nil), into `newText`:
    /// nil when nothing changed.
    public func draftEdit(_ id: String, text newText: String, from start: DraftStart? = nil, by feed: FeedID) throws -> DraftEdit? {
        guard let draft = EntityID(hex: id) else { throw StoreError.notFound(kind: "draft", prefix: id) }
        guard newText.utf8.count <= Limits.draftBytes else { throw StoreError.draftTooLarge(limitKiB: Limits.draftBytes / 1024) }
        let start = try start ?? draftStart(id)
        let (insertions, deletions) = try SequenceText(decoding: start.state).change(to: newText, by: feed)
        guard !insertions.isEmpty || !deletions.isEmpty else { return nil }
        return DraftEdit(draft: draft, base: start.heads, insertions: insertions, deletions: deletions)
    }

    /// Signs the edit of `draftEdit(_:text:from:by:)` with `extraOps` in the same change; nil
    /// when there is nothing to sign. (Plumbing for tests and benchmarks; people save through
    /// the actions layer.)
    @discardableResult
    public func saveDraft(_ id: String, text newText: String, from start: DraftStart? = nil, key: DeviceKey, now: Int64,
                          extraOps: [Op] = []) throws -> SignedChange? {
        let edit = try draftEdit(id, text: newText, from: start, by: key.feed)
        let ops = (edit.map { [Op.draftEdit($0)] } ?? []) + extraOps
        guard !ops.isEmpty else { return nil }
        return try author(ops: ops, key: key, now: now)
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
            else { throw StoreError.amendmentTextGone }
            var scalars = Array(text.text.unicodeScalars)
            scalars.replaceSubrange(span, with: kind == .delete ? [] : Array((row[4] as String).unicodeScalars))
            return (draft, String(String.UnicodeScalarView(scalars)))
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
