import IntersessionActions
import IntersessionStore

/// The attachments of what an effect loaded, with how much of each this profile holds.
extension EffectRunner {
    /// One message with the attachments on `targets`, or none when there are none (so what
    /// loads without attachments answers as before).
    func attachmentsMessage(on targets: [String], _ session: Session) throws -> [Message] {
        let wanted = Set(targets)
        let all = try session.store.attachments().filter { wanted.contains($0.target.hex) }
        guard !all.isEmpty else { return [] }
        let actions = try session.actions(clock: clock)
        var byTarget: [String: [AttachmentEntry]] = [:]
        for attachment in all {
            let parts = actions.attachmentParts(attachment)
            byTarget[attachment.target.hex, default: []].append(
                AttachmentEntry(id: attachment.id.hex, name: attachment.name, size: attachment.size, held: parts.held, parts: parts.total))
        }
        return [.attachmentsLoaded(byTarget)]
    }
}
