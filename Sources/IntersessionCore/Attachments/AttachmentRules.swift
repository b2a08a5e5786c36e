/// Who may attach and remove: the target's own rule (`AttachmentTargets`) for an addition; the
/// attachment's author or a moderator for a removal, which stands for good. Nothing here reads a
/// clock or a size the signer could make up: a manifest counts only when it is valid.
public enum AttachmentRules {
    static func mutations(
        _ op: AttachmentOp, index: Int, change: SignedChange, roles: Set<Role>, reader: some StateReader,
        reject: (RejectionReason) -> [Mutation]
    ) throws -> [Mutation] {
        let author = change.body.author
        switch op {
        case .add(let add):
            guard add.manifest.isValid else { return reject(.invalidContent) }
            guard let target = AttachmentTargets.named(add.kind) else { return reject(.unknownTarget) }
            if let refusal = try target.refusal(add.target, author, change.body.seq, roles, reader) { return reject(refusal) }
            let id = change.entity(index)
            return [.attachment(.add(id: id, add: add, stamp: change.stamp)),
                    .audit(index: index, action: op.type, target: add.target.hex, detail: add.manifest.name)]
        case .remove(let remove):
            guard let facts = try reader.attachment(remove.attachment) else { return reject(.unknownAttachment) }
            guard Self.mayRemove(facts, author: author, roles: roles) else { return reject(.notAuthorised) }
            guard ContentCheck.isOptionalBody(remove.reason) else { return reject(.invalidContent) }
            return [.attachment(.remove(attachment: remove.attachment, stamp: change.stamp)),
                    .audit(index: index, action: op.type, target: remove.attachment.hex, detail: remove.reason)]
        }
    }

    /// Whether `author` holding `roles` may remove an attachment of `facts`: for front ends.
    public static func mayRemove(_ facts: AttachmentFacts, author: FeedID, roles: Set<Role>) -> Bool {
        facts.author == author || roles.contains(where: \.moderates)
    }
}

/// What a removal is checked against.
public struct AttachmentFacts: Sendable, Hashable {
    public var author: FeedID
    public var target: EntityID

    public init(author: FeedID, target: EntityID) {
        self.author = author
        self.target = target
    }
}

/// What the store carries out for attachments.
public enum AttachmentMutation: Sendable, Hashable {
    case add(id: EntityID, add: AttachmentAdd, stamp: ChangeStamp)
    /// Removals only accumulate: the attachment is gone once any counted removal names it.
    case remove(attachment: EntityID, stamp: ChangeStamp)
}
