import Foundation
import IntersessionCore

/// The folder of one profile (DESIGN §3), 0700: `store.sqlite`, `identity.key` and `config`,
/// each 0600 (`ProfileHome+Permissions`).
/// Two homes on one machine are two peers.
public struct ProfileHome: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// `--home`, else `$INTERSESSION_HOME`, else `$XDG_DATA_HOME/intersession`, else
    /// `~/.local/share/intersession`.
    public static func resolve(explicit: String?, environment: [String: String]) -> ProfileHome {
        if let explicit, !explicit.isEmpty { return ProfileHome(folder: URL(fileURLWithPath: explicit)) }
        if let home = environment["INTERSESSION_HOME"], !home.isEmpty { return ProfileHome(folder: URL(fileURLWithPath: home)) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return ProfileHome(folder: URL(fileURLWithPath: data).appendingPathComponent("intersession"))
        }
        let user = environment["HOME"] ?? NSHomeDirectory()
        return ProfileHome(folder: URL(fileURLWithPath: user).appendingPathComponent(".local/share/intersession"))
    }

    // Made from the path: every command asks, and the first `appendingPathComponent` of a
    // process costs half a million instructions.
    public var storeURL: URL { URL(fileURLWithPath: folder.path + "/store.sqlite", isDirectory: false) }
    public var keyURL: URL { URL(fileURLWithPath: folder.path + "/identity.key", isDirectory: false) }
    public var configURL: URL { URL(fileURLWithPath: folder.path + "/config", isDirectory: false) }

    public var exists: Bool { FileManager.default.fileExists(atPath: keyURL.path) }

    /// Creates the folder and writes a new key, refusing a folder that holds a profile or part of
    /// one (but starting again over what a killed `init` or `join` left: `clearUnfinished`).
    /// Returns what it made, for `discard` to remove if the rest of `init` fails.
    public func create(key: DeviceKey) throws -> CreatedFiles {
        guard !exists || clearUnfinished() else { throw ProfileError.alreadyExists(folder.path) }
        guard !FileManager.default.fileExists(atPath: storeURL.path) else {
            throw ProfileError.strayStore(storeURL.path)
        }
        let madeFolder = !FileManager.default.fileExists(atPath: folder.path)
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ProfileError.cannotWrite(folder.path, error.localizedDescription)
        }
        // An existing folder (made by hand, 0755) becomes the owner's alone like a new one.
        if !madeFolder { try restrictPermissions() }
        let hadConfig = FileManager.default.fileExists(atPath: configURL.path)
        do {
            try KeyFile.write(key, to: keyURL)
        } catch {
            // A full disk must not leave an empty home behind that looks like a profile's.
            if madeFolder { try? FileManager.default.removeItem(at: folder) }
            throw error
        }
        return CreatedFiles(folder: madeFolder, config: !hadConfig)
    }

    /// What `create` made: the folder itself only when it did not exist before.
    public struct CreatedFiles: Sendable {
        let folder: Bool
        let config: Bool
    }

    public func loadKey() throws -> DeviceKey {
        guard exists else { throw ProfileError.missing(folder.path) }
        return try KeyFile.read(from: keyURL)
    }

    public func openStore(readOnly: Bool = false, oneConnection: Bool = false) throws -> AppDatabase {
        guard exists else { throw ProfileError.missing(folder.path) }
        guard FileManager.default.fileExists(atPath: storeURL.path) else {
            throw ProfileError.missingStore(storeURL.path)
        }
        return try AppDatabase.open(path: storeURL.path, readOnly: readOnly, oneConnection: oneConnection)
    }

    /// Creates the store of a new profile, 0600 before anything is written in it (its `-wal`
    /// and `-shm` files too, which SQLite made with it).
    public func createStore() throws -> AppDatabase {
        let store = try AppDatabase.create(path: storeURL.path)
        try restrictPermissions()
        return store
    }

    /// Removes exactly what a failed `init` made, and nothing that was there before it.
    public func discard(_ created: CreatedFiles) {
        for url in [storeURL, keyURL] + (created.config ? [configURL] : []) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
        }
        if created.folder { try? FileManager.default.removeItem(at: folder) }
    }
}

public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)
    case missingStore(String)
    case alreadyExists(String)
    case cannotWrite(String, String)
    case badKey(String)
    case strayStore(String)

    public var description: String {
        switch self {
        case .missing(let path):
            "no profile in \(path); create one with `intersession init --name NAME --org ORG`, or use --home"
        case .missingStore(let path): "the profile's store \(path) is missing"
        case .alreadyExists(let path): "a profile already exists in \(path); use another --home"
        case .cannotWrite(let path, let why): "cannot write \(path): \(why)"
        case .badKey(let path): "the identity key \(path) is damaged"
        case .strayStore(let path):
            "\(path) exists without an identity key; move it away (it is left untouched) or use another --home"
        }
    }
}
