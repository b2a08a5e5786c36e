import Foundation

/// Where an invite file is written: inside a shared folder, whoever syncs that folder could
/// take the invite and join with it before the invitee does.
public enum InviteLocation {
    /// The shared folder that would carry a file at `path`: one of the profile's `remembered`
    /// folders that holds it, else the nearest folder above it that holds a `group-*` folder
    /// (any group's shared folder). Nil when the file stays private to this machine.
    public static func sharedFolder(holding path: String, remembered: [String]) -> String? {
        let file = canonical(path)
        for folder in remembered {
            let root = canonical(folder)
            if file.hasPrefix(root == "/" ? "/" : root + "/") { return folder }
        }
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while true {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if names.contains(where: { $0.hasPrefix("group-") && FileStatus(path: folder.path + "/" + $0)?.isDirectory == true }) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else { return nil }
            folder = parent
        }
    }

    /// The absolute path with links resolved (a shared folder is often reached through one);
    /// a file not written yet is resolved through its folder.
    private static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        return FileManager.default.fileExists(atPath: url.path)
            ? url.resolvingSymlinksInPath().path : folder.appendingPathComponent(url.lastPathComponent).path
    }
}
