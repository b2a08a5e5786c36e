/// `attachment.add`: a file attached to a target (a post, a draft, an agenda item; see
/// `AttachmentTargets`), by its manifest; the chunks travel in the folder's `blobs/`.
public struct AttachmentAdd: Sendable, Hashable {
    static let type = "attachment.add"
    public var target: EntityID
    /// Which table of `AttachmentTargets` the target is looked up in (an agenda item's id also
    /// names its thread and first post).
    public var kind: String
    public var manifest: AttachmentManifest

    public init(target: EntityID, kind: String, manifest: AttachmentManifest) {
        self.target = target
        self.kind = kind
        self.manifest = manifest
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        target = try fields.entity("target")
        kind = try fields.string("kind")
        manifest = try AttachmentManifest(fields)
    }

    var json: JSONValue {
        var fields = manifest.json
        fields["t"] = .string(Self.type)
        fields["target"] = .string(target.hex)
        fields["kind"] = .string(kind)
        return .object(fields)
    }
}

/// `attachment.remove`: its author or a moderator takes an attachment off its target, for
/// good, with an optional reason; the audit keeps it.
public struct AttachmentRemove: Sendable, Hashable {
    static let type = "attachment.remove"
    public var attachment: EntityID
    public var reason: String?

    public init(attachment: EntityID, reason: String? = nil) {
        self.attachment = attachment
        self.reason = reason
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        attachment = try fields.entity("attachment")
        reason = try fields.optionalString("reason")
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(Self.type), "attachment": .string(attachment.hex)]
        if let reason { fields["reason"] = .string(reason) }
        return .object(fields)
    }
}

/// The ops of attachments, kept together so that `Op` names them in one case.
public enum AttachmentOp: Sendable, Hashable {
    case add(AttachmentAdd)
    case remove(AttachmentRemove)

    public static let types = [AttachmentAdd.type, AttachmentRemove.type]

    public var type: String {
        switch self {
        case .add: AttachmentAdd.type
        case .remove: AttachmentRemove.type
        }
    }

    var json: JSONValue {
        switch self {
        case .add(let op): op.json
        case .remove(let op): op.json
        }
    }

    var references: [EntityID] {
        switch self {
        case .add(let op): [op.target]
        case .remove(let op): [op.attachment]
        }
    }
}
