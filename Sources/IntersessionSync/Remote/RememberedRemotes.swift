import Foundation
import IntersessionStore

/// The remotes a profile syncs with, remembered after first use like its folders (a local
/// setting, canonical locations only: never a credential). Each has a mirror folder in the
/// home, which `RememberedFolders` lists with the shared folders, so that every sync (a
/// command's, the interface's, an act's publishing) syncs the remotes too.
public struct RememberedRemotes {
    let store: AppDatabase
    static let key = "sync.remotes"

    public init(store: AppDatabase) { self.store = store }

    public func list() throws -> [RemoteLocation] {
        (try store.setting(Self.key) ?? "").split(separator: "\n").compactMap { try? RemoteLocation(parsing: String($0)) }
    }

    /// Adds remotes and returns the whole list; a location that cannot be one throws before
    /// anything is remembered.
    @discardableResult
    public func add(_ texts: [String]) throws -> [RemoteLocation] {
        guard !texts.isEmpty else { return try list() }
        var remotes = try list()
        for text in texts {
            let location = try RemoteLocation(parsing: text)
            if !remotes.contains(location) { remotes.append(location) }
        }
        try store.setSetting(Self.key, to: remotes.isEmpty ? nil : remotes.map(\.description).joined(separator: "\n"))
        return remotes
    }

    /// The mirror folders of the remembered remotes, as the engine syncs them.
    public func mirrorFolders() throws -> [String] {
        try list().map { RemoteMirror.directory(of: $0, storePath: store.path) + "/folder" }
    }
}
