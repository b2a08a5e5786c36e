import Crypto
import Foundation
import Testing
@testable import IntersessionCore

/// The memo of key learnings (issue 14's quiet sync) changes nothing that is learned: epochs
/// arriving in any order, wrapped or not for this device (a member removed), for invite keys
/// whose secrets arrive later (a new invite), with broken envelopes and commitments, learned
/// step by step with the memo and only the openers it asks for, give at every step the keys a
/// learning without it gives; and once all is learned, a learning again opens nothing.
@Suite struct EpochUnlockMemoProperties {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? 3
        let base = environment["INTERSESSION_SEED_BASE"].flatMap(UInt64.init) ?? 0
        return (0..<UInt64(count)).map { base + $0 }
    }

    let group = GroupID(bytes: [UInt8](repeating: 0x33, count: 32))!

    func id(_ n: Int) -> EntityID { EntityID(hex: Hex.encode([UInt8](repeating: UInt8(n + 1), count: 16)))! }

    /// A chain of epochs, each wrapped for a random part of `keys`, its history holding a random
    /// part of the keys before it (always its parent's); some commitments and envelopes broken.
    func chain(of count: Int, keys: [DeviceKey], random: inout SplitMix64) throws -> [EpochRecord] {
        var made: [(record: EpochRecord, key: [UInt8])] = []
        for n in 0..<count {
            let recipients = Dictionary(uniqueKeysWithValues: keys.filter { _ in Bool.random(using: &random) }.map { ($0.feed, $0.agreementPublicKey) })
            var earlier: [EntityID: [UInt8]] = [:]
            for (index, before) in made.enumerated() where index == n - 1 || Bool.random(using: &random) { earlier[before.record.id] = before.key }
            let parent = made.last.map { (id: $0.record.id, number: $0.record.number) }
            let epoch = try EpochStart.make(parent: parent, earlier: earlier, recipients: recipients, group: group)
            var record = EpochRecord(id: id(n), number: epoch.op.number, parent: epoch.op.parent, check: epoch.op.check,
                                     history: epoch.op.history, wraps: epoch.op.wraps)
            if Int.random(in: 0..<8, using: &random) == 0 { record.check = [UInt8](repeating: 7, count: record.check.count) }
            if Int.random(in: 0..<4, using: &random) == 0, let recipient = record.wraps.keys.randomElement(using: &random) {
                record.wraps[recipient]![record.wraps[recipient]!.count / 2] ^= 0x40
            }
            made.append((record, epoch.key))
        }
        return made.map(\.record)
    }

    @Test(arguments: seeds) func theMemoLearnsWhatAPlainLearningLearns(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 14_015)
        let device = DeviceKey(), invites = (0..<2).map { _ in DeviceKey() }, others = (0..<2).map { _ in DeviceKey() }
        let epochs = try chain(of: Int.random(in: 2...7, using: &random), keys: [device] + invites + others, random: &random)
        var arriving = epochs.shuffled(using: &random)
        var visible: [EpochRecord] = []
        var secrets: [DeviceKey] = []
        var heldPlain: [String: [UInt8]] = [:], heldMemo: [String: [UInt8]] = [:]
        var memo = EpochUnlockMemo()
        while !arriving.isEmpty || secrets.count < invites.count {
            // Each step: an epoch arrives, or an invite secret is redeemed here.
            if arriving.isEmpty || (secrets.count < invites.count && Bool.random(using: &random)) {
                secrets.append(invites[secrets.count])
            } else {
                visible.append(arriving.removeFirst())
            }
            let openers = [device] + secrets
            heldPlain.merge(EpochUnlock.learn(visible, held: heldPlain, openers: openers, group: group)) { old, _ in old }
            // Stored and read back between learnings, as the store keeps it.
            memo = EpochUnlockMemo(histories: memo.histories, unopened: memo.unopened)
            heldMemo.merge(learnWithMemo(visible, held: heldMemo, openers: openers, memo: &memo)) { old, _ in old }
            #expect(heldMemo == heldPlain, "seed \(seed): after \(visible.count) epochs and \(secrets.count) secrets")
        }
        // Quiet: nothing left to try for any key held here, and a learning again changes nothing.
        let ours = Set(([device] + invites).map(\.feed))
        #expect(EpochUnlock.recipientsToTry(visible, held: heldMemo, memo: memo).isDisjoint(with: ours))
        let before = memo
        #expect(learnWithMemo(visible, held: heldMemo, openers: [device] + invites, memo: &memo).isEmpty)
        #expect(memo == before)
    }

    /// As `FolderSealing.learnKeys` does: only the openers the memo asks for.
    func learnWithMemo(_ epochs: [EpochRecord], held: [String: [UInt8]], openers: [DeviceKey], memo: inout EpochUnlockMemo) -> [String: [UInt8]] {
        let wanted = EpochUnlock.recipientsToTry(epochs, held: held, memo: memo)
        return EpochUnlock.learn(epochs, held: held, openers: openers.filter { wanted.contains($0.feed) }, group: group, memo: &memo)
    }

    /// The memo skips a history only while every key it holds is held: one not held (a store
    /// that lost it) is learned again from it.
    @Test func aHistoryIsOpenedAgainWhenAKeyItHoldsIsNotHeld() throws {
        let device = DeviceKey(), other = DeviceKey()
        let first = try EpochStart.make(parent: nil, recipients: [other.feed: other.agreementPublicKey], group: group)
        let second = try EpochStart.make(parent: (id(0), 1), earlier: [id(0): first.key], recipients: [device.feed: device.agreementPublicKey], group: group)
        let records = [first, second].enumerated().map { n, made in
            EpochRecord(id: id(n), number: made.op.number, parent: made.op.parent, check: made.op.check, history: made.op.history, wraps: made.op.wraps)
        }
        var memo = EpochUnlockMemo()
        let learned = EpochUnlock.learn(records, held: [:], openers: [device], group: group, memo: &memo)
        #expect(learned == [id(0).hex: first.key, id(1).hex: second.key])
        #expect(memo.histories == [id(1).hex: [id(0).hex]])
        #expect(memo.unopened.isEmpty)
        #expect(EpochUnlock.learn(records, held: learned, openers: [device], group: group, memo: &memo).isEmpty)
        #expect(EpochUnlock.learn(records, held: [id(1).hex: second.key], openers: [], group: group, memo: &memo) == [id(0).hex: first.key])
    }

    /// An envelope that did not open is tried once: the memo names it, and the recipients to
    /// try leave it out.
    @Test func anEnvelopeThatDoesNotOpenIsTriedOnce() throws {
        let device = DeviceKey()
        let made = try EpochStart.make(parent: nil, recipients: [device.feed: device.agreementPublicKey], group: group)
        var record = EpochRecord(id: id(0), number: made.op.number, parent: nil, check: made.op.check, history: nil, wraps: made.op.wraps)
        record.wraps[device.feed]![10] ^= 1
        var memo = EpochUnlockMemo()
        #expect(EpochUnlock.recipientsToTry([record], held: [:], memo: memo) == [device.feed])
        #expect(EpochUnlock.learn([record], held: [:], openers: [device], group: group, memo: &memo).isEmpty)
        #expect(memo.unopened == [.init(epoch: id(0).hex, recipient: device.feed)])
        #expect(EpochUnlock.recipientsToTry([record], held: [:], memo: memo).isEmpty)
    }
}
