import ArgumentParser
import Foundation
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// `--home`, taken by every command.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: "The profile folder (default: $INTERSESSION_HOME, then $XDG_DATA_HOME/intersession).")
    var home: String?

    var profile: ProfileHome {
        ProfileHome.resolve(explicit: home, environment: ProcessInfo.processInfo.environment)
    }

    /// The store and key of an existing profile. Commands that only read pass `readOnly`, so
    /// that they work while another process writes.
    func open(readOnly: Bool = false) throws -> (store: AppDatabase, key: DeviceKey) {
        let profile = self.profile
        let key = try profile.loadKey()
        return (try profile.openStore(readOnly: readOnly), key)
    }

    /// The store and key, for a command that signs: first takes in this profile's own newer
    /// changes from its folders (a restored backup), so that it never forks its own feed.
    func openForWriting() throws -> (store: AppDatabase, key: DeviceKey) {
        let (store, key) = try open()
        let folders = try RememberedFolders(store: store).list()
        if !folders.isEmpty {
            let report = try SyncEngine(store: store).adoptOwnFeed(key.feed, folders: folders)
            if report.importedChanges > 0 {
                FileHandle.standardError.write(Data(
                    "intersession: took in \(report.importedChanges) of your own changes found in the shared folder (a restored backup?)\n".utf8))
            }
        }
        return (store, key)
    }

    var config: ProfileConfig { ProfileConfig.load(from: profile.configURL) }

    /// The language new posts are written in, unless a command says otherwise.
    var writingLanguage: Language { config["lang"].flatMap(Language.init(rawValue:)) ?? .en }
}

/// `--json`, taken by every listing command.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

enum Clock {
    /// Now, in unix milliseconds. `INTERSESSION_NOW` fixes it, for reproducible scripts.
    static func now() -> Int64 {
        if let fixed = ProcessInfo.processInfo.environment["INTERSESSION_NOW"].flatMap(Int64.init) { return fixed }
        return Int64(Date().timeIntervalSince1970 * 1000)
    }
}
