/// What an attachment may be attached to, and who may attach there: one entry per kind. A new
/// kind (a practice) joins with one entry in `all`.
public struct AttachmentTarget: Sendable {
    public let kind: String
    /// Why `author`, holding `roles` at its change's `seq`, may not attach to `target`; nil
    /// when they may.
    let refusal: @Sendable (_ target: EntityID, _ author: FeedID, _ seq: Int64, _ roles: Set<Role>, _ reader: any StateReader) throws
        -> RejectionReason?

    public init(kind: String, refusal: @escaping @Sendable (EntityID, FeedID, Int64, Set<Role>, any StateReader) throws -> RejectionReason?) {
        self.kind = kind
        self.refusal = refusal
    }

    /// A post, by its author, while it is not retracted.
    public static let post = AttachmentTarget(kind: "post") { target, author, _, _, reader in
        guard let post = try reader.post(target) else { return .unknownPost }
        if post.retracted { return .retracted }
        return post.author == author ? nil : .notAuthor
    }

    /// A draft, by a penholder at the change's seq, or a moderator.
    public static let draft = AttachmentTarget(kind: "draft") { target, author, seq, roles, reader in
        guard try reader.draft(target) != nil else { return .unknownDraft }
        if roles.contains(where: \.moderates) { return nil }
        return try reader.isPenholder(author, of: target, atSeq: seq) ? nil : .notPenholder
    }

    /// An agenda item, by those who run its meeting (`MeetingRules.runs`).
    public static let agendaItem = AttachmentTarget(kind: "item") { target, author, _, roles, reader in
        guard let meeting = try reader.meetingItem(target), let facts = try reader.meeting(meeting) else { return .unknownItem }
        return MeetingRules.runs(author, roles: roles, facts) ? nil : .notPresiding
    }

    /// A practice (its id is its first version's), by its submitter or the secretariat.
    public static let practice = AttachmentTarget(kind: "practice") { target, author, _, roles, reader in
        guard let created = try reader.practiceStep(target), created.practice == target else { return .unknownPractice }
        return created.submitter == author || roles.contains(.secretariat) ? nil : .notSubmitter
    }
}

public enum AttachmentTargets {
    public static let all: [AttachmentTarget] = [.post, .draft, .agendaItem, .practice]

    public static func named(_ kind: String) -> AttachmentTarget? { all.first { $0.kind == kind } }
}
