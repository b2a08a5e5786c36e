import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

/// A group in a temporary folder: a secretariat and a delegate who joined by invite, sharing
/// one folder, each acting through their own `Actions`.
final class ActionsFixture {
    static let start: Int64 = 1_795_000_000_000
    let root: URL
    let shared: String
    var now = ActionsFixture.start
    let secretariatHome: ProfileHome
    let delegateHome: ProfileHome

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("actions-tests-\(UUID().uuidString)")
        shared = root.appendingPathComponent("shared").path
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        secretariatHome = ProfileHome(folder: root.appendingPathComponent("secretariat"))
        delegateHome = ProfileHome(folder: root.appendingPathComponent("delegate"))
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        let founded = try Membership.found(home: secretariatHome, template: template, title: nil,
                                           founder: MemberProfile(name: "Secretariat", organisation: "WCO", language: .en), now: tick())
        _ = try RememberedFolders(store: founded.store).add([shared])
        let (invite, _) = try actions(secretariatHome).invite(name: "Kenji", organisation: "Japan Customs", role: .member,
                                                              to: root.appendingPathComponent("kenji.invite").path)
        _ = try Membership.join(invite, home: delegateHome, profile: MemberProfile(name: "Kenji", organisation: "Japan Customs", language: .fr),
                                folder: shared, now: tick())
        try sync(secretariatHome)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func tick() -> Int64 {
        now += 60_000
        return now
    }

    /// The acts of the profile in `home`, opened afresh (its store and remembered folders).
    func actions(_ home: ProfileHome) throws -> Actions { try Actions(home: home, clock: { [unowned self] in self.tick() }) }

    func sync(_ home: ProfileHome) throws {
        let store = try home.openStore()
        _ = try SyncEngine(store: store, device: try home.loadKey()).sync(folders: try RememberedFolders(store: store).list())
    }

    func head(_ home: ProfileHome) throws -> Int64 {
        let store = try home.openStore()
        return try store.feedProgress()[try home.loadKey().feed]?.head ?? 0
    }

    /// A copy of `home` as it is now, as a backup would hold it.
    func backup(_ home: ProfileHome, as name: String) throws -> ProfileHome {
        let copy = ProfileHome(folder: root.appendingPathComponent(name))
        try FileManager.default.copyItem(at: home.folder, to: copy.folder)
        return copy
    }
}
