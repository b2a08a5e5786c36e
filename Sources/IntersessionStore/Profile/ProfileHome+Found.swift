import Foundation
import IntersessionCore

extension ProfileHome {
    /// Makes a new profile here that founds a group as its secretariat (what `init` and the
    /// welcome screen do). On failure, removes what it made and nothing else.
    public func found(
        template: GroupTemplate, title: String?, founder: MemberProfile, sealed: Bool = false, now: Int64
    ) throws -> (store: AppDatabase, key: DeviceKey, genesis: SignedChange) {
        let key = DeviceKey()
        let created = try create(key: key)
        do {
            let store = try createStore()
            let ops = template.genesisOps(title: title, founder: founder, sealedFor: sealed ? key.agreementPublicKey : nil)
            let genesis = try store.createGroup(ops: ops, key: key, now: now)
            var config = ProfileConfig.load(from: configURL)
            config["lang"] = founder.language.rawValue
            try config.save(to: configURL)
            return (store, key, genesis)
        } catch {
            discard(created)
            throw error
        }
    }
}
