import Foundation
import Testing
@testable import IntersessionCore

/// The direct body reader against the JSON tree reader it stands in for: on every body, altered
/// or not, it either leaves the body to the tree reader (nil) or reads exactly what the tree
/// reader reads. On the bodies Intersession writes it must read them itself.
@Suite struct ChangeBodyReadingProperties {
    static var seeds: [UInt64] {
        let count = ProcessInfo.processInfo.environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? 3
        return (0..<UInt64(count)).map { $0 }
    }

    @Test(arguments: seeds) func theDirectReaderReadsWhatTheTreeReaderReads(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 7_001)
        for _ in 0..<60 {
            let change = makeChange(using: &random)
            #expect(ChangeBody.reading(change.bytes) == change.body, "a body as written is left to the tree reader")
            for _ in 0..<30 {
                let altered = alter(change.bytes, using: &random)
                guard let direct = ChangeBody.reading(altered) else { continue }
                let tree = try? ChangeBody(json: JSONParser.parse(altered))
                #expect(tree == direct, "read \(String(decoding: altered, as: UTF8.self))")
            }
        }
    }

    @Test func unusualShapesAreLeftToTheTreeReader() throws {
        var random = SplitMix64(seed: 42)
        let change = makeChange(using: &random)
        let text = String(decoding: change.bytes, as: UTF8.self)
        let upper = text.replacingOccurrences(of: "\"author\":\"" + change.author.hex, with: "\"author\":\"" + change.author.hex.uppercased())
        let unknown = text.replacingOccurrences(of: "{\"author\"", with: "{\"extra\":1,\"author\"")
        let duplicate = text.replacingOccurrences(of: "{\"author\"", with: "{\"seq\":1,\"author\"")
        for odd in [upper, unknown, duplicate] {
            #expect(odd != text)
            #expect(ChangeBody.reading(Array(odd.utf8)) == nil)
        }
        #expect(try SignedChange(bytes: Array(upper.utf8), signature: change.signature).body == change.body)
        #expect(throws: ChangeFormatError.self) { try SignedChange(bytes: Array(duplicate.utf8), signature: change.signature) }
        let spaced = text.replacingOccurrences(of: ",", with: " ,\n ").replacingOccurrences(of: ":", with: " : ")
        #expect(ChangeBody.reading(Array(spaced.utf8)) == change.body)
    }

    private func makeChange(using random: inout SplitMix64) -> SignedChange {
        let key = DeviceKey()
        let entity = EntityID.derive(from: ChangeHash.of([UInt8.random(in: 0...255, using: &random)]), opIndex: 0)
        let others = (0..<Int.random(in: 0...3, using: &random)).map { _ in DeviceKey().feed }
        let seq = Int64.random(in: 1...5, using: &random)
        let ops: [Op] = [
            .postCreate(PostCreate(thread: entity, parent: entity, body: "Réponse \"\(seq)\" \u{1F1EB}\u{1F1F7}\n", language: .fr)),
            .threadCreate(ThreadCreate(topic: entity, title: "Title \(seq)", body: "Body", language: .en)),
            .memberProfile(MemberProfile(name: "Name", organisation: "Org", language: .en)),
            .pollVote(PollVote(poll: entity, options: [1, 2])),
        ]
        let body = ChangeBody(
            group: Bool.random(using: &random) ? ChangeHash.of([1]) : nil, author: key.feed, seq: seq,
            prev: seq == 1 ? nil : ChangeHash.of([2]), hlc: HLC(millis: Int64.random(in: 0...1_800_000_000_000, using: &random), counter: 3),
            deps: Dictionary(uniqueKeysWithValues: others.map { ($0, Int64.random(in: 1...9, using: &random)) }),
            ops: Array(ops.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))))
        return SignedChange(signing: body, with: key)
    }

    private func alter(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        let at = Int.random(in: 0..<out.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: out[at] ^= UInt8.random(in: 1...255, using: &random)
        case 1: out.insert([0x20, 0x2C, 0x22, 0x30, 0x5C, 0x7B, 0x5D][Int.random(in: 0..<7, using: &random)], at: at)
        case 2: out.remove(at: at)
        case 3: out[at] = Array("0aF\"-:,{}[]n".utf8)[Int.random(in: 0..<12, using: &random)]
        default: out.insert(contentsOf: out[at..<min(out.count, at + 8)], at: at)
        }
        return out
    }
}
