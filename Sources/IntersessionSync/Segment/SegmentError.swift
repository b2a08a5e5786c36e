import IntersessionCore

/// Why a segment file was not imported. Each reads as the reason on one report line.
public enum SegmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No valid trailer yet: a copy still in progress. Skipped this time, never a failure.
    case incomplete
    case tooLarge(Int)
    case checksumMismatch
    case badHeader(String)
    case badLine(Int, String)
    case otherGroup
    case chain(ChainError)
    /// A sealed file that none of this device's epoch keys opens: an epoch not known here yet
    /// (or, for a removed member, never). Not a fault: read again once a key arrives.
    case sealedForOtherKey
    /// A sealed file that claims one of our keys and does not open: altered or damaged.
    case sealedDamaged
    /// A file in a sealed group's folder that is not sealed.
    case notSealed

    public var description: String {
        switch self {
        case .incomplete: "no valid trailer: truncated, or not a segment"
        case .tooLarge(let size): "\(size) bytes is over the limit of \(SegmentFormat.maximumFileBytes)"
        case .checksumMismatch: "the checksum does not match the content (damaged or altered)"
        case .badHeader(let why): "bad header: \(why)"
        case .badLine(let line, let why): "line \(line): \(why)"
        case .otherGroup: "belongs to another group"
        case .chain(let error): "\(error)"
        case .sealedForOtherKey: "sealed under a group key this device does not hold"
        case .sealedDamaged: "sealed, and does not open: altered or damaged"
        case .notSealed: "not sealed, in a sealed group's folder"

        }
    }
}
