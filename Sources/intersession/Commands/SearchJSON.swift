import IntersessionStore

/// A search hit of any kind, for `--json`, in one array so that scripts reading posts keep
/// working: a post's fields as before, a practice's (with `practice`), or an attachment's
/// (with `"kind": "attachment"`).
enum SearchJSON: Encodable {
    case post(SearchHit)
    case practice(PracticeHit)
    case attachment(StoredAttachment)

    struct AttachmentHit: Encodable {
        var kind = "attachment"
        var id, name, mediaType, target, targetKind: String
        var size: Int64
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .post(let hit): try hit.encode(to: encoder)
        case .practice(let hit): try hit.encode(to: encoder)
        case .attachment(let attachment):
            try AttachmentHit(id: attachment.id.hex, name: attachment.name, mediaType: attachment.manifest.mediaType,
                              target: attachment.target.hex, targetKind: attachment.kind, size: attachment.size).encode(to: encoder)
        }
    }

    static func line(_ attachment: StoredAttachment) -> String {
        "\(Output.short(attachment.id.hex))  attachment \(Output.name(attachment.name)) (\(AttachmentSize.text(attachment.size))) on \(attachment.kind) \(Output.short(attachment.target.hex))"
    }
}
