import Foundation
import IntersessionStore

/// The shared folders a profile syncs with, remembered after first use (a local setting).
public struct RememberedFolders {
    let store: AppDatabase
    static let key = "sync.folders"

    public init(store: AppDatabase) { self.store = store }

    /// The shared folders, then the mirror folders of the remembered remotes (`RememberedRemotes`).
    public func list() throws -> [String] {
        try sharedFolders() + RememberedRemotes(store: store).mirrorFolders()
    }

    public func sharedFolders() throws -> [String] {
        (try store.setting(Self.key) ?? "").split(separator: "\n").map(String.init)
    }

    /// Adds folders (as absolute paths) and returns the whole list.
    @discardableResult
    public func add(_ paths: [String]) throws -> [String] {
        guard !paths.isEmpty else { return try list() }
        var folders = try sharedFolders()
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if !folders.contains(absolute) { folders.append(absolute) }
        }
        try store.setSetting(Self.key, to: folders.isEmpty ? nil : folders.joined(separator: "\n"))
        return try list()
    }
}
