import Foundation
import IntersessionCore
import IntersessionResources
import IntersessionStore

/// A sealed group as the secretariat's store holds it before a rotation: founded sealed, its
/// first epoch started (wrapped for the founder alone), then member devices seated by invite,
/// each join publishing the device's agreement key, as `join` does in a sealed group.
struct RotationGroup {
    let store: AppDatabase
    let founder: DeviceKey
    let group: GroupID
    /// The seated member devices, the founder's not among them.
    private(set) var members: [DeviceKey] = []
    static let invitesPerChange = 50

    /// Founds the group in a new store at `path`.
    init(path: String) throws {
        store = try AppDatabase.create(path: path)
        founder = DeviceKey()
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        let genesis = try store.createGroup(ops: template.genesisOps(
            title: nil, founder: MemberProfile(name: "Secretariat", organisation: "WCO", language: .en),
            sealedFor: founder.agreementPublicKey), key: founder, now: Self.now())
        group = genesis.hash
        // The founder's first epoch, in the change after the genesis (`init` does the same).
        let made = try EpochStart.make(parent: nil, recipients: [founder.feed: founder.agreementPublicKey], group: group)
        let start = try store.author(ops: [.groupKey(made.op)], key: founder, now: Self.now())
        try store.holdEpochKeys([start.entity(0).hex: made.key])
    }

    /// Invites `count` members (in changes of `invitesPerChange` invites) and has each of their
    /// devices redeem its invite.
    mutating func seat(_ count: Int) throws {
        let expires = Self.now() + 30 * 86_400_000
        var joins: [SignedChange] = []
        for first in stride(from: 0, to: count, by: Self.invitesPerChange) {
            let inviteKeys = (first..<min(count, first + Self.invitesPerChange)).map { _ in DeviceKey() }
            let ops = inviteKeys.enumerated().map { offset, key in
                Op.memberInvite(MemberInvite(key: key.feed, role: .member, name: "Delegate \(first + offset)",
                                             organisation: "Customs \(first + offset)", expires: expires,
                                             agreementKey: key.agreementPublicKey))
            }
            let invites = try store.author(ops: ops, key: founder, now: Self.now())
            for (index, inviteKey) in inviteKeys.enumerated() {
                let device = DeviceKey()
                let join = MemberJoin(invite: invites.entity(index), proof: MemberJoin.proof(group: group, feed: device.feed, inviteKey: inviteKey),
                                      agreementKey: device.agreementPublicKey)
                let body = ChangeBody.next(group: group, author: device.feed, after: nil, latest: .zero, now: Self.now(),
                                           deps: [founder.feed: invites.seq], ops: [.memberJoin(join)])
                joins.append(SignedChange(signing: body, with: device))
                members.append(device)
            }
        }
        let applied = try store.apply(joins)
        guard applied.applied == joins.count else { throw BenchmarkError("only \(applied.applied) of \(joins.count) joins applied") }
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
