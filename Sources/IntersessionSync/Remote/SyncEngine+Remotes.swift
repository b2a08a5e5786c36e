import Foundation
import IntersessionStore

extension SyncEngine {
    /// The remembered remotes whose mirror folders are among `folders`, each with its store;
    /// one that cannot be reached from here (no credentials) is a problem of this sync, and its
    /// mirror is still read as a folder.
    func remoteMirrors(among folders: [String], into report: inout SyncReport) -> [RemoteMirror] {
        guard let remotes = try? RememberedRemotes(store: store).list() else { return [] }
        return remotes.compactMap { location in
            let directory = RemoteMirror.directory(of: location, storePath: store.path)
            guard folders.contains(directory + "/folder") else { return nil }
            do {
                let mirror = RemoteMirror(location: location, directory: directory, store: try connector.store(for: location))
                try mirror.prepare()
                return mirror
            } catch {
                report.problems.append(.init(path: location.description, reason: "\(error)"))
                report.remoteFailures += 1
                return nil
            }
        }
    }
}

extension SyncReport {
    /// Paths inside a mirror are told as the remote's: `s3://bucket/prefix/group-…/…`.
    mutating func nameRemotes(_ mirrors: [RemoteMirror]) {
        guard !mirrors.isEmpty else { return }
        remoteRequests += mirrors.reduce(0) { $0 + $1.requests }
        func named(_ text: String) -> String {
            mirrors.reduce(text) { $0.replacingOccurrences(of: $1.folder + "/", with: $1.location.description + "/") }
        }
        problems = problems.map { .init(path: named($0.path), reason: named($0.reason)) }
        stillRejected = stillRejected.map { .init(path: named($0.path), reason: named($0.reason)) }
        takenNames = takenNames.map { .init(path: named($0.path), wroteInstead: $0.wroteInstead.map(named), ownFeed: $0.ownFeed) }
    }
}
