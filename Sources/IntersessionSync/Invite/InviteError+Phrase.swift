import Foundation
import IntersessionCore

/// An invite's errors as catalog phrases (`error.invite.*`); `description` stays for logs.
extension InviteError: Explained {
    public var phrase: Phrase {
        switch self {
        case .notAnInvite: Phrase("error.invite.notAnInvite")
        case .damaged: Phrase("error.invite.damaged")
        case .expired(let millis):
            Phrase("error.invite.expired", [Date(timeIntervalSince1970: Double(millis) / 1000).formatted(.iso8601.year().month().day())])
        case .noFolder: Phrase("error.invite.noFolder")
        case .groupNotInFolder(let path): Phrase("error.invite.groupNotInFolder", [path])
        case .otherGroup(let path): Phrase("error.invite.otherGroup", [path])
        case .notYetInFolder: Phrase("error.invite.notYetInFolder")
        case .alreadyUsed(let who): Phrase("error.invite.alreadyUsed", [who])
        case .wrongKey: Phrase("error.invite.wrongKey")
        case .cancelled: Phrase("error.invite.cancelled")
        case .tooLarge(let path, let size): Phrase("error.invite.tooLarge", [path, String(size)])
        case .lockedOut: Phrase("error.invite.lockedOut")
        }
    }
}

/// A shared folder's errors as catalog phrases (`error.folder.*`).
extension FolderError: Explained {
    public var phrase: Phrase {
        switch self {
        case .unreadable(let path): Phrase("error.folder.unreadable", [path])
        case .readFailed(let path, _): Phrase("error.folder.unreadable", [path])
        case .tooLarge(let path, let size): Phrase("error.folder.tooLarge", [path, String(size)])
        case .cannotWrite(let path, let why):
            FileFault.Kind(reason: why).map { FileFault(path: path, kind: $0).phrase } ?? Phrase("error.folder.cannotWrite", [path, why])
        case .missing(let path): Phrase("error.folder.missing", [path])
        case .symbolicLink(let path): Phrase("error.folder.symbolicLink", [path])
        case .outside(let path, let root): Phrase("error.folder.outside", [path, root])
        case .noCurrentKey: Phrase("error.folder.noCurrentKey")
        }
    }
}
