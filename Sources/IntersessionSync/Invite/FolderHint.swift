import Foundation

/// Where an invite says the shared folder may be, without the inviter's absolute paths (the
/// Sealing article): a folder inside the inviter's home as `~/` and its path there (the same
/// layout is common, as with a Syncthing or cloud drive folder), any other by its name alone.
/// On the invitee's machine `~/` is their own home, and a name is looked for in the current
/// folder and the home; `--folder` always decides.
public enum FolderHint {
    /// The user's home as `~` means it: `$HOME`, else the account's (NSHomeDirectory ignores
    /// `$HOME` on Linux), as ProfileHome finds it.
    public static func userHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    public static func hint(for path: String, home: String = userHome()) -> String {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        let home = URL(fileURLWithPath: home).standardizedFileURL.path
        if home.count > 1, path.hasPrefix(home + "/") { return "~/" + path.dropFirst(home.count + 1) }
        return (path as NSString).lastPathComponent
    }

    /// The paths a hint may name here, most likely first. An absolute path (an invite written
    /// before hints) is taken as it is.
    public static func candidates(_ hint: String, home: String = userHome(),
                                  current: String = FileManager.default.currentDirectoryPath) -> [String] {
        if hint.hasPrefix("/") { return [hint] }
        if hint.hasPrefix("~/") { return [home + "/" + hint.dropFirst(2)] }
        guard !hint.isEmpty, !hint.contains("/"), hint != ".", hint != ".." else { return [] }
        return [current + "/" + hint, home + "/" + hint]
    }
}
