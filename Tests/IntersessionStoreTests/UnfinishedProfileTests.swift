import Foundation
import Testing
import GRDB
import IntersessionCore
@testable import IntersessionStore

/// A `join` or `init` killed before its first signed change (found by the crash loop, issue 19)
/// left a home that every later `join` refused as "a profile already exists". What it left is
/// cleared and the act starts again; a profile that signed anything is never touched.
@Suite struct UnfinishedProfileTests {
    let founder = MemberProfile(name: "Sec", organisation: "WCO", language: .en)

    func emptyHome() -> ProfileHome {
        ProfileHome(folder: FileManager.default.temporaryDirectory.appendingPathComponent("unfinished-\(UUID().uuidString)"))
    }

    /// The home's files, leaving out the `-wal` and `-shm` that opening the store may make.
    func files(_ home: ProfileHome) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: home.folder.path)) ?? [])
            .filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted()
    }

    /// What a join killed after its first import leaves: a key, and a store holding another feed's genesis.
    func killedJoin(in home: ProfileHome) throws -> DeviceKey {
        let key = DeviceKey()
        _ = try home.create(key: key)
        let store = try home.createStore()
        let (other, genesis) = try Fixture.foundedStore(by: DeviceKey())
        try other.close()
        try store.apply([genesis])
        return key
    }

    @Test func aJoinKilledBeforeSigningIsStartedAgain() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let first = try killedJoin(in: home)
        let second = DeviceKey()
        _ = try home.create(key: second)
        #expect(try home.loadKey().feed == second.feed)
        #expect(!FileManager.default.fileExists(atPath: home.storeURL.path))
        let aside = try #require(files(home).first { $0.hasPrefix("identity.key.unfinished-") })
        #expect(try KeyFile.read(from: home.folder.appendingPathComponent(aside)).feed == first.feed)
    }

    /// A kill inside `createStore` before the migrations ran leaves an SQLite file with no table.
    @Test func aStoreKilledBeforeItsTablesIsStartedAgain() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        _ = try home.create(key: DeviceKey())
        let empty = try DatabaseQueue(path: home.storeURL.path)
        try empty.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try empty.close()
        let second = DeviceKey()
        _ = try home.create(key: second)
        #expect(try home.loadKey().feed == second.feed)
        #expect(!FileManager.default.fileExists(atPath: home.storeURL.path))
    }

    /// GRDB's migrator makes its `grdb_migrations` table in a commit of its own, before the first
    /// migration's transaction: a kill in between leaves that empty table and nothing else (the
    /// crash loop's finding at seed 21112, in CI).
    @Test func aStoreKilledBeforeItsFirstMigrationIsStartedAgain() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        _ = try home.create(key: DeviceKey())
        let bare = try DatabaseQueue(path: home.storeURL.path)
        try bare.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        try bare.close()
        let second = DeviceKey()
        _ = try home.create(key: second)
        #expect(try home.loadKey().feed == second.feed)
        #expect(!FileManager.default.fileExists(atPath: home.storeURL.path))
    }

    /// A store whose migrations table records a migration is someone's store, however little
    /// else it holds: it is refused and left alone.
    @Test func aStoreWithARecordedMigrationIsRefusedAndUntouched() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        _ = try home.create(key: DeviceKey())
        let other = try DatabaseQueue(path: home.storeURL.path)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1')")
        }
        try other.close()
        #expect(throws: ProfileError.alreadyExists(home.folder.path)) { try home.create(key: DeviceKey()) }
        #expect(FileManager.default.fileExists(atPath: home.storeURL.path))
    }

    /// A file there that is no SQLite store at all (damaged, or someone else's) is left alone.
    @Test func aStoreThatIsNotSQLiteIsRefusedAndUntouched() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        _ = try home.create(key: DeviceKey())
        try Data(repeating: 0x5a, count: 8192).write(to: home.storeURL)
        #expect(throws: ProfileError.alreadyExists(home.folder.path)) { try home.create(key: DeviceKey()) }
        #expect(try Data(contentsOf: home.storeURL) == Data(repeating: 0x5a, count: 8192))
    }

    @Test func aKeyWithoutAStoreIsStartedAgain() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        _ = try home.create(key: DeviceKey())
        let second = DeviceKey()
        _ = try home.create(key: second)
        #expect(try home.loadKey().feed == second.feed)
    }

    @Test func aProfileThatSignedAnythingIsRefusedAndUntouched() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let founded = try home.found(template: Fixture.wgec, title: nil, founder: founder, now: 1_000)
        try founded.store.close()
        let before = files(home)
        #expect(throws: ProfileError.alreadyExists(home.folder.path)) { try home.create(key: DeviceKey()) }
        #expect(files(home) == before)
        #expect(try home.loadKey().feed == founded.key.feed)
    }

    @Test func aDamagedKeyIsRefusedAndUntouched() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        _ = try home.create(key: DeviceKey())
        try Data("ed25519:12".utf8).write(to: home.keyURL)
        #expect(throws: ProfileError.alreadyExists(home.folder.path)) { try home.create(key: DeviceKey()) }
        #expect(try Data(contentsOf: home.keyURL) == Data("ed25519:12".utf8))
    }

    @Test func theKeyIsWrittenWithoutATemporaryLeftBehind() throws {
        let home = emptyHome()
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let key = DeviceKey()
        _ = try home.create(key: key)
        #expect(files(home) == ["identity.key"])
        #expect(try home.loadKey().feed == key.feed)
    }
}
