import Foundation
import IntersessionCore

/// An epoch's key file in a sealed folder, `keys/<name>.key` (the Sealing article): the
/// envelopes of its signed `group.key`, which a recipient opens with its own key alone, then
/// that change sealed under the epoch key. So a device that holds no key of the group yet
/// (a newcomer whose join was seen after a rotation) finds its way in without reading a
/// segment first, and the folder shows neither who rotated nor for whom.
///
/// ```
/// "ISKEYS01"                8 bytes
/// epoch number              8 bytes, big-endian
/// envelope count            4 bytes, big-endian
/// envelopes                 80 bytes each, in the order of their recipients' ids
/// the change, as a one-change segment sealed under the epoch key (`SealedFile`)
/// ```
public struct KeyFile: Sendable, Equatable {
    public static let magic = Array("ISKEYS01".utf8)
    public static let maximumBytes = 8 * 1024 * 1024
    public var number: Int64
    public var envelopes: [EpochEnvelope]
    public var sealedChange: [UInt8]

    public init(number: Int64, envelopes: [EpochEnvelope], sealedChange: [UInt8]) {
        self.number = number
        self.envelopes = envelopes
        self.sealedChange = sealedChange
    }

    public var bytes: [UInt8] {
        var out = Self.magic
        out += (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: number) >> (8 * (7 - $0))) }
        out += (0..<4).map { UInt8(truncatingIfNeeded: UInt32(envelopes.count) >> (8 * (3 - $0))) }
        for envelope in envelopes { out += envelope.bytes }
        return out + sealedChange
    }

    public init(bytes: [UInt8]) throws(SegmentError) {
        guard bytes.count <= Self.maximumBytes else { throw .tooLarge(bytes.count) }
        // The start of a key file, an empty one too: a copy just begun.
        if bytes.count < 20, Self.magic.starts(with: bytes.prefix(Self.magic.count)) { throw .incomplete }
        guard bytes.count >= 20, bytes.starts(with: Self.magic) else { throw .badHeader("not a key file") }
        number = Int64(bitPattern: bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) })
        let count = Int(bytes[16..<20].reduce(0) { $0 << 8 | UInt32($1) })
        guard number >= 1, count >= 1, count <= GroupKey.maximumRecipients else { throw .badHeader("malformed key file") }
        let end = 20 + count * EpochEnvelope.bytes
        guard bytes.count > end else { throw .incomplete }
        envelopes = stride(from: 20, to: end, by: EpochEnvelope.bytes).map { EpochEnvelope(bytes: Array(bytes[$0..<($0 + EpochEnvelope.bytes)]))! }
        sealedChange = Array(bytes[end...])
    }
}
