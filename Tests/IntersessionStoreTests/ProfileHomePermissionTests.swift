import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// A home is its owner's alone: folder 0700, files 0600, even in a folder that existed (issue 12).
@Suite struct ProfileHomePermissionTests {
    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    func existingFolder(mode: Int) throws -> ProfileHome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("home-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
        return ProfileHome(folder: folder)
    }

    @discardableResult
    func makeProfile(in home: ProfileHome) throws -> AppDatabase {
        _ = try home.create(key: DeviceKey())
        try ProfileConfig(values: ["lang": "fr"]).save(to: home.configURL)
        let store = try home.createStore()
        try store.setSetting("probe", to: "written")
        return store
    }

    @Test func aHomeInAnExisting0755FolderEnds0700WithFiles0600() throws {
        let home = try existingFolder(mode: 0o755)
        defer { try? FileManager.default.removeItem(at: home.folder) }
        #expect(home.folderIsOpenToOthers)
        let store = try makeProfile(in: home)
        #expect(mode(home.folder.path) == 0o700)
        for file in home.privateFiles where FileManager.default.fileExists(atPath: file.path) {
            #expect(mode(file.path) == 0o600, "\(file.lastPathComponent)")
        }
        #expect(FileManager.default.fileExists(atPath: home.storeURL.path + "-wal"))
        #expect(home.exposedPaths.isEmpty)
        try store.setSetting("probe", to: "still open")
    }

    @Test func walAndShmMadeLaterKeepTheStoresMode() throws {
        let home = try existingFolder(mode: 0o700)
        defer { try? FileManager.default.removeItem(at: home.folder) }
        do { try makeProfile(in: home) }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: home.storeURL.path + suffix) }
        let store = try home.openStore()
        try store.setSetting("probe", to: "again")
        #expect(mode(home.storeURL.path + "-wal") == 0o600)
        #expect(mode(home.storeURL.path + "-shm") == 0o600)
    }

    @Test func aStoreOrKeyReadableByOthersIsNamed() throws {
        let home = try existingFolder(mode: 0o700)
        defer { try? FileManager.default.removeItem(at: home.folder) }
        try makeProfile(in: home)
        #expect(home.exposedPaths.isEmpty)
        chmod(home.storeURL.path, 0o644)
        chmod(home.keyURL.path, 0o640)
        #expect(home.exposedPaths == [home.keyURL.path, home.storeURL.path])
        chmod(home.folder.path, 0o755)
        #expect(home.exposedPaths.first == home.folder.path)
        try home.restrictPermissions()
        #expect(home.exposedPaths.isEmpty)
    }
}
