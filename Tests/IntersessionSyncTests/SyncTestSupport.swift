import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
@testable import IntersessionSync

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("sync-tests-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func sub(_ name: String) -> String {
        let sub = path + "/" + name
        try! FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        return sub
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// One person's profile on their own machine, syncing with one folder.
struct Replica {
    let name: String
    let home: ProfileHome
    let store: AppDatabase
    let key: DeviceKey
    var folders: [String]

    /// Syncs as this device: in a sealed group its key opens the epochs wrapped for it.
    func sync() throws -> SyncReport { try SyncEngine(store: store, device: key).sync(folders: folders) }

    /// This replica's group folder in `root`, named and sealed as its group is.
    func groupFolder(_ root: String) throws -> GroupFolder {
        GroupFolder(root: root, group: try store.groupID()!, sealing: try FolderSealing.load(store: store, device: key))
    }
}

enum Group {
    static let template = try! GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))

    /// A founder syncing with `folders[0]`, and members who joined by invite, each with their
    /// own folder; the founder's folder is copied to each before they join. A `sealed` group is
    /// founded as `init` does, with its first epoch.
    static func make(in temp: TemporaryFolder, members: Int, sealed: Bool = false, now: Int64 = 1_790_000_000_000) throws -> [Replica] {
        let folders = (0...members).map { temp.sub("folder-\($0)") }
        let founderHome = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/home-0"))
        let founder = MemberProfile(name: "Secretariat", organisation: "WCO", language: .en)
        let store: AppDatabase, key: DeviceKey
        if sealed {
            (store, key, _) = try Membership.found(home: founderHome, template: template, title: nil, founder: founder, now: now)
        } else {
            key = DeviceKey()
            _ = try founderHome.create(key: key)
            store = try founderHome.createStore()
            _ = try store.createGroup(ops: template.genesisOps(title: nil, founder: founder), key: key, now: now)
        }
        var replicas = [Replica(name: "secretariat", home: founderHome, store: store, key: key, folders: [folders[0]])]
        _ = try replicas[0].sync()
        for index in stride(from: 1, through: members, by: 1) {
            let actions = try Actions(store: store, key: key, folders: [], clock: { now + Int64(index) })
            let (invite, _) = try actions.invite(name: "Delegate \(index)", organisation: "Org \(index)", role: .member, days: 1,
                                                 to: temp.path + "/invite-\(index)")
            _ = try replicas[0].sync()
            try FolderCopy.all(from: folders[0], to: folders[index])
            let home = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/home-\(index)"))
            _ = try Membership.join(
                invite, home: home, profile: MemberProfile(name: "Delegate \(index)", organisation: "Org \(index)", language: .fr),
                folder: folders[index], now: now + Int64(index))
            replicas.append(Replica(name: "delegate-\(index)", home: home, store: try home.openStore(),
                                    key: try home.loadKey(), folders: [folders[index]]))
        }
        return replicas
    }
}

/// A sync tool between folders: copies files the other folder lacks.
enum FolderCopy {
    static func files(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            return !isDirectory.boolValue && !(path as NSString).lastPathComponent.hasPrefix(".")
        }
    }

    static func copy(_ relative: String, from source: String, to target: String, truncatedTo length: Int? = nil) throws {
        let destination = target + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var data = try Data(contentsOf: URL(fileURLWithPath: source + "/" + relative))
        if let length { data = data.prefix(length) }
        try data.write(to: URL(fileURLWithPath: destination))
    }

    static func all(from source: String, to target: String) throws {
        for file in files(under: source) { try copy(file, from: source, to: target) }
    }
}

extension Replica {
    /// Another copy of this profile's home (`cp -a`): the same key, its own store.
    func copiedHome(to path: String) throws -> Replica {
        try FileManager.default.copyItem(atPath: home.folder.path, toPath: path)
        let copy = ProfileHome(folder: URL(fileURLWithPath: path))
        return Replica(name: name + "-copy", home: copy, store: try copy.openStore(), key: try copy.loadKey(), folders: folders)
    }

    /// Signs a new thread (a change of this replica's feed) without syncing.
    @discardableResult
    func post(_ title: String, now: Int64) throws -> SignedChange {
        let topic = EntityID(hex: try store.resolve("flows", as: .topic))!
        return try store.author(
            ops: [.threadCreate(ThreadCreate(topic: topic, title: title, body: title, language: .en))],
            references: [topic], key: key, now: now)
    }
}

/// A store that knows only the genesis and then reads one folder: what a newcomer gets there.
/// In a sealed group it holds `keys`, the epoch keys a member device would have opened.
func newcomer(from folder: String, genesis: SignedChange, keys: [String: [UInt8]] = [:], syncs: Int = 2, in temp: TemporaryFolder)
    throws -> AppDatabase {
    let home = ProfileHome(folder: URL(fileURLWithPath: temp.path + "/newcomer-\(UUID().uuidString)"))
    _ = try home.create(key: DeviceKey())
    let store = try home.createStore()
    try store.apply([genesis])
    try store.holdEpochKeys(keys)
    for _ in 0..<syncs { _ = try SyncEngine(store: store).sync(folders: [folder]) }
    return store
}
