import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
@testable import IntersessionSync

/// A sealed group's folder holds nothing readable without a key of the group: not a text, not
/// a feed id; attachments are sealed the same way; and a member removed reads nothing written
/// after, while a newcomer reads everything before.
@Suite struct SealedFolderTests {
    static let template = try! GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))

    struct Setting {
        let temp = TemporaryFolder()
        let clock = TestClock()
        let secretariat: Actions

        init() throws {
            let home = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/secretariat"))
            let founded = try Membership.found(home: home, template: SealedFolderTests.template, title: "Sealed",
                                               founder: MemberProfile(name: "Secretariat Person", organisation: "WCO", language: .en),
                                               now: clock.tick())
            secretariat = try Actions(store: founded.store, key: founded.key, folders: [temp.sub("shared")], clock: clock.tick)
            _ = try secretariat.publish()
        }

        var shared: String { temp.path + "/shared" }

        func join(_ name: String) throws -> Actions {
            let invite = try secretariat.invite(name: name, organisation: name + " Customs", role: .member, to: temp.path + "/" + name + ".invite").file
            let home = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/" + name))
            _ = try Membership.join(invite, home: home, profile: MemberProfile(name: name, organisation: name + " Customs", language: .en),
                                    folder: shared, now: clock.tick())
            return try Actions(home: home, clock: clock.tick)
        }

        func everyByte() -> [UInt8] {
            FolderCopy.files(under: shared).flatMap { (try? Array(Data(contentsOf: URL(fileURLWithPath: shared + "/" + $0)))) ?? [] }
        }
    }

    @Test func theFolderShowsNoTextNameOrFeed() throws {
        let setting = try Setting()
        let kenji = try setting.join("Kenji")
        _ = try setting.secretariat.publish()
        let topic = try setting.secretariat.store.topics().first!.key
        _ = try kenji.post(in: topic, title: "Position on de minimis", body: "We propose a threshold of EUR 150 XYZZY")
        _ = try kenji.publish()
        _ = try setting.secretariat.publish()
        let bytes = setting.everyByte()
        for text in ["XYZZY", "de minimis", "Kenji", "Secretariat Person", "post.create", "member.", kenji.me.hex, kenji.me.short,
                     setting.secretariat.me.hex, try setting.secretariat.store.groupID()!.hex] {
            #expect(!bytes.contains(subsequence: Array(text.utf8)), "\(text) is readable in the folder")
        }
        #expect(try setting.secretariat.store.threads(topic: nil).count == 1)
    }

    @Test func aRemovedMemberReadsNothingWrittenAfterAndANewcomerReadsAll() throws {
        let setting = try Setting()
        let kenji = try setting.join("Kenji"), maria = try setting.join("Maria")
        for actions in [setting.secretariat, kenji, maria, setting.secretariat] { _ = try actions.publish() }
        let topic = try setting.secretariat.store.topics().first!.key
        _ = try maria.post(in: topic, title: "Before", body: "Written before the removal")
        _ = try maria.publish()
        try setting.secretariat.remove(kenji.me.hex)
        _ = try setting.secretariat.publish()
        _ = try maria.publish()
        _ = try maria.post(in: topic, title: "After", body: "Written after the removal")
        _ = try maria.publish()
        _ = try kenji.publish()
        #expect(try kenji.store.threads(topic: nil).map(\.title) == ["Before"])
        let olga = try setting.join("Olga")
        #expect(Set(try olga.store.threads(topic: nil).map(\.title)) == ["Before", "After"])
    }

    /// An invite handed out before a removal: the removal's epoch is wrapped for the open
    /// invite's key, so its holder joins, reads and writes under the current epoch.
    @Test func aNewcomerInvitedBeforeARemovalReadsAndWritesAfterIt() throws {
        let setting = try Setting()
        let kenji = try setting.join("Kenji")
        _ = try setting.secretariat.publish()
        let invite = try setting.secretariat.invite(name: "Olga", organisation: "Olga Customs", role: .member,
                                                    to: setting.temp.path + "/olga.invite").file
        try setting.secretariat.remove(kenji.me.hex)
        let topic = try setting.secretariat.store.topics().first!.key
        _ = try setting.secretariat.post(in: topic, title: "After", body: "Written after the removal")
        _ = try setting.secretariat.publish()
        let home = ProfileHome(folder: URL(fileURLWithPath: setting.temp.path + "/olga"))
        _ = try Membership.join(invite, home: home, profile: MemberProfile(name: "Olga", organisation: "Olga Customs", language: .en),
                                folder: setting.shared, now: setting.clock.tick())
        let olga = try Actions(home: home, clock: setting.clock.tick)
        #expect(try olga.store.threads(topic: nil).map(\.title) == ["After"])
        let current = try olga.store.currentEpoch()
        #expect(current == (try setting.secretariat.store.currentEpoch()))
        #expect(try FolderSealing.load(store: olga.store, device: olga.key)?.current != nil)
        _ = try olga.post(in: topic, title: "Olga's", body: "Written by the newcomer")
        _ = try olga.publish()
        _ = try setting.secretariat.publish()
        #expect(Set(try setting.secretariat.store.threads(topic: nil).map(\.title)) == ["After", "Olga's"])
    }

    @Test func attachmentsAreSealedAndChecked() throws {
        let setting = try Setting()
        let sealing = try FolderSealing.load(store: setting.secretariat.store, device: setting.secretariat.key)
        let folder = GroupFolder(root: setting.shared, group: try setting.secretariat.store.groupID()!, sealing: sealing)
        let bytes = Array("best practice: PLUGH".utf8) + [0, 0]
        let hash = try folder.writeBlob(bytes)
        #expect(try folder.readBlob(hash) == bytes)
        #expect(!setting.everyByte().contains(subsequence: Array("PLUGH".utf8)))
        #expect(!FileManager.default.fileExists(atPath: folder.blobsPath + "/" + hash))
        var stored = try Array(Data(contentsOf: URL(fileURLWithPath: folder.blobPath(hash))))
        stored[stored.count / 2] ^= 0x01
        try Data(stored).write(to: URL(fileURLWithPath: folder.blobPath(hash)))
        #expect(throws: SegmentError.sealedDamaged) { try folder.readBlob(hash) }
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { self[$0..<($0 + subsequence.count)].elementsEqual(subsequence) }
    }
}

/// A clock that moves a second at each reading.
final class TestClock: @unchecked Sendable {
    private var now: Int64 = 1_795_000_000_000

    func tick() -> Int64 {
        now += 1_000
        return now
    }
}
