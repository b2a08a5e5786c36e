import Foundation
import Testing
@testable import IntersessionActions
import IntersessionCore
import IntersessionStore
import IntersessionSync

/// The remembered renewal check (issue 14's quiet sync) answers what a fresh check answers:
/// nothing to do while nothing changed, a renewal when an invite open at the last check expires
/// (the clock alone changes the answer), and when a newcomer is seated (the log changes it).
@Suite struct RenewalCheckTests {
    /// A clock a test moves; each reading is a millisecond later.
    final class MovableClock: @unchecked Sendable {
        var now: Int64 = 1_795_000_000_000 + 10_000_000
        func read() -> Int64 {
            now += 1
            return now
        }
    }

    @Test func aRememberedCheckAnswersAsAFreshOne() throws {
        let group = try SealedGroupFixture(members: ["m"])
        let clock = MovableClock()
        let secretariat = try Actions(store: group.secretariat.store, key: group.secretariat.key, folders: [group.shared], clock: clock.read)
        func renewsAsAFreshCheck() throws -> Bool {
            let fresh = try secretariat.needsRenewal(now: clock.now + 1)
            let renewed = try secretariat.renewEpochIfNeeded()
            #expect(renewed == fresh)
            return renewed
        }
        #expect(try !renewsAsAFreshCheck())
        #expect(try RenewalCheck(setting: secretariat.store.setting(RenewalCheck.settingKey)) != nil)
        #expect(try !renewsAsAFreshCheck())

        // An invite open for a day: its key is a reader until it expires, then no longer.
        _ = try secretariat.invite(name: "late", organisation: "Org", role: .member, days: 1,
                                   to: group.root.appendingPathComponent("late.invite").path)
        #expect(try !renewsAsAFreshCheck())
        let check = try #require(RenewalCheck(setting: secretariat.store.setting(RenewalCheck.settingKey)))
        #expect(check.validUntil < clock.now + 2 * 86_400_000)
        clock.now += 2 * 86_400_000
        #expect(try renewsAsAFreshCheck())
        #expect(try !renewsAsAFreshCheck())

        // A newcomer seated by its join: the log alone changes the answer.
        let invite = try secretariat.invite(name: "n", organisation: "Org", role: .member,
                                            to: group.root.appendingPathComponent("n.invite").path).file
        #expect(try !renewsAsAFreshCheck())
        let home = ProfileHome(folder: group.root.appendingPathComponent("n"))
        _ = try Membership.join(invite, home: home, profile: MemberProfile(name: "n", organisation: "Org", language: .en),
                                folder: group.shared, now: clock.read())
        _ = try Actions(home: home, clock: clock.read).publish()
        _ = try secretariat.publish()
        #expect(try renewsAsAFreshCheck())
        #expect(try !renewsAsAFreshCheck())
    }
}
