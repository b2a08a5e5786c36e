import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// Honest reporting (issue 12): a bad file stays visible until it is fixed or gone, `join`
/// reports what its first sync met, and the JSON report holds all of it.
@Suite struct SyncReportStandingTests {
    func threadBy(_ replica: Replica, _ title: String, now: Int64) throws {
        let topic = EntityID(hex: try replica.store.resolve("flows", as: .topic))!
        _ = try replica.store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: title, body: "Text of \(title)", language: .en))],
            references: [topic], key: replica.key, now: now)
    }

    /// The delegate's newest segment in the shared folder, flipped in the middle (size kept).
    func tamperNewest(_ delegate: Replica, in folder: GroupFolder) throws -> String {
        let feedPath = folder.feedPath(delegate.key.feed)
        let path = feedPath + "/" + Files.list(feedPath).filter { $0.hasSuffix(".seg") }.sorted().last!
        var bytes = try Files.read(path, limit: 1 << 20)
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func sharedPair(_ temp: TemporaryFolder) throws -> (Replica, Replica, GroupFolder) {
        var replicas = try Group.make(in: temp, members: 1)
        replicas[1].folders = replicas[0].folders
        _ = try replicas[1].sync()
        _ = try replicas[0].sync()
        return (replicas[0], replicas[1], GroupFolder(root: replicas[0].folders[0], group: try replicas[0].store.groupID()!))
    }

    @Test func aBadFileStaysVisibleUntilItIsGone() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try sharedPair(temp)
        try threadBy(delegate, "Parcels", now: 1_790_000_600_000)
        _ = try delegate.sync()
        let bad = try tamperNewest(delegate, in: folder)

        let first = try secretariat.sync()
        #expect(first.problems.map(\.path) == [bad])
        #expect(first.stillRejected.map(\.path) == [bad])
        #expect(first.needsAttention)
        let second = try secretariat.sync()
        #expect(second.problems.isEmpty, "reported once")
        #expect(second.stillRejected.map(\.path) == [bad], "but still counted")
        #expect(second.needsAttention)
        let rejected = second.json["rejected"]?.arrayValue ?? []
        #expect(rejected.count == 1)
        #expect(rejected.first?["path"]?.stringValue == bad)
        #expect(rejected.first?["new"]?.boolValue == false)
        #expect((rejected.first?["reason"]?.stringValue ?? "").isEmpty == false)

        try FileManager.default.removeItem(atPath: bad)
        let after = try secretariat.sync()
        #expect(after.stillRejected.isEmpty)
        #expect(!after.needsAttention)
        #expect(try secretariat.store.badFiles().isEmpty, "a file gone stops counting")
    }

    @Test func theJSONReportHasEveryField() throws {
        let temp = TemporaryFolder()
        let (secretariat, _, _) = try sharedPair(temp)
        let json = try secretariat.sync().json
        for key in ["exported", "imported", "duplicates", "pending", "incomplete", "problems", "rejected", "refused", "forks",
                    "frozen", "attention"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["attention"]?.boolValue == false)
        #expect(json["imported"]?["feeds"]?.arrayValue != nil)
        #expect(json["exported"]?["files"]?.intValue != nil)
    }

    @Test func aFrozenFeedIsListedWithItsName() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, _) = try sharedPair(temp)
        // A copy of the delegate's profile signs a second change for the same seq.
        let head = try delegate.store.feedProgress()[delegate.key.feed]!.head
        try threadBy(delegate, "Original", now: 1_790_000_700_000)
        let original = try delegate.store.changes(of: delegate.key.feed, in: (head + 1)...(head + 1))
        let other = try AppDatabase.inMemory()
        // An empty store learns its group from the genesis, so that comes first (a change of
        // another feed before it would be taken for another group's).
        try other.apply([try #require(try delegate.store.genesis())])
        var known: [SignedChange] = []
        for (feed, progress) in try delegate.store.feedProgress() where progress.head > 0 {
            known += try delegate.store.changes(of: feed, in: 1...(feed == delegate.key.feed ? head : progress.head))
        }
        try other.apply(known)
        let topic = EntityID(hex: try other.resolve("flows", as: .topic))!
        let variant = try other.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: "Variant", body: "Other text", language: .en))],
            references: [topic], key: delegate.key, now: 1_790_000_800_000)
        let applied = try secretariat.store.apply(original + [variant])
        #expect(applied.forks.count == 1)
        let report = try secretariat.sync()
        #expect(report.frozen.map(\.feed) == [delegate.key.feed])
        #expect(report.frozen.first?.name == "Delegate 1")
        #expect(report.needsAttention)
        let frozen = report.json["frozen"]?.arrayValue?.first
        #expect(frozen?["feed"]?.stringValue == delegate.key.feed.hex)
        #expect(frozen?["seq"]?.intValue == head + 1)
        #expect(frozen?["name"]?.stringValue == "Delegate 1")
    }

    @Test func joinReportsTheBadFilesOfItsFirstSync() throws {
        let temp = TemporaryFolder()
        let (secretariat, delegate, folder) = try sharedPair(temp)
        try threadBy(delegate, "Parcels", now: 1_790_000_600_000)
        _ = try delegate.sync()
        let bad = try tamperNewest(delegate, in: folder)
        let actions = try Actions(store: secretariat.store, key: secretariat.key, folders: [], clock: { 1_790_000_900_000 })
        let (invite, _) = try actions.invite(name: "Newcomer", organisation: "Org", role: .member, days: 1, to: temp.path + "/new.invite")
        _ = try secretariat.sync()
        let home = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/home-new"))
        let (_, report) = try Membership.join(
            invite, home: home, profile: MemberProfile(name: "Newcomer", organisation: "Org", language: .en),
            folder: folder.root, now: 1_790_000_900_001)
        #expect(report.problems.map(\.path).contains(bad), "the first sync met it and recorded it as reported")
        #expect(report.stillRejected.map(\.path).contains(bad))
        let again = try SyncEngine(store: try home.openStore()).sync(folders: [folder.root])
        #expect(again.stillRejected.map(\.path).contains(bad), "and it is never forgotten while it is there")
    }
}
