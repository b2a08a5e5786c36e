import Crypto
import Foundation
import Testing
@testable import IntersessionCore

/// A sealed group's epochs: a device learns the keys wrapped for it and every earlier one
/// through the histories, never a key that does not match its signed commitment; and which
/// epoch is current does not depend on the order epochs arrive in.
@Suite struct EpochTests {
    let group = GroupID(bytes: [UInt8](repeating: 0x22, count: 32))!

    func id(_ n: UInt8) -> EntityID { EntityID(hex: Hex.encode([UInt8](repeating: n, count: 16)))! }

    /// Three epochs: the first for `a` only, the second for `a` and `b`, the third for `b`.
    func chain(_ a: DeviceKey, _ b: DeviceKey) throws -> [(record: EpochRecord, key: [UInt8])] {
        let first = try EpochStart.make(parent: nil, recipients: [a.feed: a.agreementPublicKey], group: group)
        let second = try EpochStart.make(parent: (id(1), 1), earlier: [id(1): first.key],
                                         recipients: [a.feed: a.agreementPublicKey, b.feed: b.agreementPublicKey], group: group)
        let third = try EpochStart.make(parent: (id(2), 2), earlier: [id(1): first.key, id(2): second.key],
                                        recipients: [b.feed: b.agreementPublicKey], group: group)
        return [(first, 1), (second, 2), (third, 3)].map { made, n in
            (EpochRecord(id: id(UInt8(n)), number: made.op.number, parent: made.op.parent, check: made.op.check,
                         history: made.op.history, wraps: made.op.wraps), made.key)
        }
    }

    @Test func aDeviceLearnsItsEpochsAndTheHistoryBeforeThem() throws {
        let a = DeviceKey(), b = DeviceKey(), outsider = DeviceKey()
        let epochs = try chain(a, b)
        let records = epochs.map(\.record)
        let forB = EpochUnlock.learn(records, held: [:], openers: [b], group: group)
        #expect(forB == Dictionary(uniqueKeysWithValues: epochs.map { ($0.record.id.hex, $0.key) }))
        // `a` was left out of the third epoch: it learns the first two only.
        let forA = EpochUnlock.learn(records, held: [:], openers: [a], group: group)
        #expect(Set(forA.keys) == [id(1).hex, id(2).hex])
        #expect(EpochUnlock.learn(records, held: [:], openers: [outsider], group: group).isEmpty)
        // A newcomer given only the third key (an invite) reads everything before it.
        let fromInvite = EpochUnlock.learn(records, held: [id(3).hex: epochs[2].key], openers: [], group: group)
        #expect(Set(fromInvite.keys) == [id(1).hex, id(2).hex])
    }

    @Test func aKeyThatDoesNotMatchItsCommitmentIsNotLearned() throws {
        let a = DeviceKey(), b = DeviceKey()
        var records = try chain(a, b).map(\.record)
        records[1].check = [UInt8](repeating: 0, count: 32)
        let learned = EpochUnlock.learn(records, held: [:], openers: [b], group: group)
        #expect(learned[id(2).hex] == nil)
        // Another group's envelope does not open here.
        let elsewhere = GroupID(bytes: [UInt8](repeating: 0x55, count: 32))!
        #expect(EpochUnlock.learn(try chain(a, b).map(\.record), held: [:], openers: [b], group: elsewhere).isEmpty)
    }

    @Test func aHistoryOpensOnlyForItsParent() throws {
        let parent = EpochKeys.fresh(), child = EpochKeys.fresh()
        let history = try EpochKeys.sealHistory([id(1): parent.bytes, id(5): [UInt8](repeating: 9, count: 32)], parent: id(1), under: child)
        #expect(EpochKeys.openHistory(history, under: child, parentID: id(1)) == [id(1): parent.bytes, id(5): [UInt8](repeating: 9, count: 32)])
        #expect(EpochKeys.openHistory(history, under: child, parentID: id(2)) == nil)
        #expect(EpochKeys.openHistory(history, under: parent, parentID: id(1)) == nil)
    }

    @Test func theCurrentEpochIsTheSameInEveryOrder() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let epochs = (0..<6).map { _ in
                EpochChoice.Epoch(id: EntityID(hex: Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }))!,
                                  number: Int64.random(in: 1...3, using: &generator))
            }
            let expected = EpochChoice.current(epochs)
            #expect(EpochChoice.current(epochs.shuffled(using: &generator)) == expected)
            #expect(expected?.number == epochs.map(\.number).max())
        }
    }

    @Test func theOpRoundTripsAndRefusesWhatDoesNotHold() throws {
        let a = DeviceKey()
        let made = try EpochStart.make(parent: (id(1), 1), earlier: [id(1): EpochKeys.fresh().bytes], recipients: [a.feed: a.agreementPublicKey], group: group)
        #expect(try Op(json: Op.groupKey(made.op).json) == .groupKey(made.op))
        var json = Op.groupKey(made.op).json.objectValue!
        json["parent"] = nil
        #expect(throws: ChangeFormatError.self) { try Op(json: .object(json)) }
        json = Op.groupKey(made.op).json.objectValue!
        json["wraps"] = .object([:])
        #expect(throws: ChangeFormatError.self) { try Op(json: .object(json)) }
    }
}
