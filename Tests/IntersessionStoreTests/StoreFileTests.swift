import Foundation
import GRDB
import Testing
@testable import IntersessionStore

@Suite struct StoreFileTests {
    func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func aStoreOnDiskUsesWALAndFullSync() throws {
        let path = try temporaryPath("store.sqlite")
        _ = try AppDatabase.create(path: path)
        let store = try AppDatabase.open(path: path)
        let (mode, sync) = try store.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)
    }

    @Test func anEmptyFileIsRefusedAndLeftAlone() throws {
        let path = try temporaryPath("store.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StoreError.corrupt(path: path, detail: "the file is empty")) { try AppDatabase.open(path: path) }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
    }

    @Test func anotherDatabaseIsRefusedAndLeftAlone() throws {
        let path = try temporaryPath("other.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        #expect(throws: StoreError.corrupt(path: path, detail: "not an Intersession store")) { try AppDatabase.open(path: path) }
        #expect(try DatabaseQueue(path: path).read { db in try db.tableExists("change") } == false)
    }

    @Test func garbageIsRefused() throws {
        let path = try temporaryPath("store.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        #expect(throws: StoreError.self) { try AppDatabase.open(path: path) }
        #expect(throws: StoreError.self) { try AppDatabase.open(path: path, readOnly: true) }
    }

    @Test func createRefusesAnExistingFile() throws {
        let path = try temporaryPath("store.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8))
        #expect(throws: StoreError.self) { try AppDatabase.create(path: path) }
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
    }
}
