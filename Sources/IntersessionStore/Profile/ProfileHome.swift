import Foundation
import IntersessionCore

/// The folder of one profile (DESIGN §3): `store.sqlite`, `identity.key` (0600) and `config`.
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

    public var storeURL: URL { folder.appendingPathComponent("store.sqlite") }
    public var keyURL: URL { folder.appendingPathComponent("identity.key") }
    public var configURL: URL { folder.appendingPathComponent("config") }

    public var exists: Bool { FileManager.default.fileExists(atPath: keyURL.path) }

    /// Creates the folder and writes a new key, refusing to overwrite a profile that is there.
    public func create(key: DeviceKey) throws {
        guard !exists else { throw ProfileError.alreadyExists(folder.path) }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ProfileError.cannotWrite(folder.path, error.localizedDescription)
        }
        try KeyFile.write(key, to: keyURL)
    }

    public func loadKey() throws -> DeviceKey {
        guard exists else { throw ProfileError.missing(folder.path) }
        return try KeyFile.read(from: keyURL)
    }

    public func openStore() throws -> AppDatabase {
        guard exists else { throw ProfileError.missing(folder.path) }
        guard FileManager.default.fileExists(atPath: storeURL.path) else {
            throw ProfileError.missingStore(storeURL.path)
        }
        return try AppDatabase.open(path: storeURL.path)
    }

    /// Creates the store of a new profile.
    public func createStore() throws -> AppDatabase {
        try AppDatabase.open(path: storeURL.path)
    }

    /// Removes what `create` and `createStore` made, after a failed `init`.
    public func discard() {
        for url in [storeURL, keyURL, configURL] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
        }
        try? FileManager.default.removeItem(at: folder)
    }
}

public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)
    case missingStore(String)
    case alreadyExists(String)
    case cannotWrite(String, String)
    case badKey(String)

    public var description: String {
        switch self {
        case .missing(let path):
            "no profile in \(path); create one with `intersession init --name NAME --org ORG`, or use --home"
        case .missingStore(let path): "the profile's store \(path) is missing"
        case .alreadyExists(let path): "a profile already exists in \(path); use another --home"
        case .cannotWrite(let path, let why): "cannot write \(path): \(why)"
        case .badKey(let path): "the identity key \(path) is damaged"
        }
    }
}
