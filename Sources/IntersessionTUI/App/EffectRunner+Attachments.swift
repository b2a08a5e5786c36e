import Foundation
import IntersessionActions
import IntersessionStore
import IntersessionSync

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

/// The acts of the attachments screen, each the command line's (`attachment get|open|add`).
extension EffectRunner {
    /// Files this large show their fetch's progress, as on the command line.
    static let progressFromBytes: Int64 = 4 << 20

    func runAttachmentEffect(_ effect: AttachmentEffect, _ session: Session) throws -> [Message] {
        let actions = try session.actions(clock: clock)
        switch effect {
        case .load(let target):
            let entries = try attachmentsMessage(on: [target], session).first.flatMap { message -> [AttachmentEntry]? in
                guard case .attachmentsLoaded(let byTarget) = message else { return nil }
                return byTarget[target]
            } ?? []
            return [.attachment(.loaded(target: target, entries, saveFolder: saveFolder()))]
        case .save(let id, let typed, let overwrite):
            let path = expandingHome(typed)
            if !overwrite, FileManager.default.fileExists(atPath: path) { return [.attachment(.exists(attachment: id, path: path))] }
            try actions.saveAttachment(id, to: path, force: overwrite, progress: progress(for: id, actions))
            return [.attachment(.saved(path: path))]
        case .open(let id):
            switch try actions.openAttachment(id, environment: environment, progress: progress(for: id, actions)) {
            case .opened(let path): return [.attachment(.opened(path: path))]
            case .savedOnly(let path): return [.attachment(.savedOnly(path: path))]
            }
        case .attach(let file, let target):
            try actions.attach(file: expandingHome(file), to: target)
            return [.attachment(.attached)]
        }
    }

    /// Posts the progress of a large file's fetch to the mailbox while the effect runs.
    private func progress(for id: String, _ actions: Actions) -> (Int64, Int64) -> Void {
        let name = (try? actions.resolveAttachment(id)).flatMap { try? actions.store.attachment($0) }?.name ?? ""
        let mailbox = self.mailbox
        return { held, total in
            guard total >= Self.progressFromBytes else { return }
            mailbox.post(.attachment(.progress(name: name, held: held, total: total)))
        }
    }

    /// ~/Downloads when there is one, else the working directory.
    func saveFolder() -> String {
        if let home = environment["HOME"], FileStatus(path: home + "/Downloads")?.isDirectory == true { return home + "/Downloads" }
        return FileManager.default.currentDirectoryPath
    }

    /// A leading `~/` as the shell reads it.
    func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
