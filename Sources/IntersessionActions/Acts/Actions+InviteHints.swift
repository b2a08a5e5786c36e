import Foundation
import IntersessionSync

extension Actions {
    /// Where an invite tells the newcomer the group is: the shared folders as hints without
    /// this machine's paths (`FolderHint`), and the remotes as remembered (never a credential).
    /// A remote's mirror folder is this home's own copy, not a shared folder, so it is left out.
    func inviteHints() throws -> (folders: [String], remotes: [String]) {
        let remotes = RememberedRemotes(store: store)
        let mirrors = Set(try remotes.mirrorFolders())
        return (folders.filter { !mirrors.contains($0) }.map { FolderHint.hint(for: $0) }, try remotes.list().map(\.description))
    }
}
