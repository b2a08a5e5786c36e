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

    public var description: String {
        switch self {
        case .incomplete: "no valid trailer: truncated, or not a segment"
        case .tooLarge(let size): "\(size) bytes is over the limit of \(SegmentFormat.maximumFileBytes)"
        case .checksumMismatch: "the checksum does not match the content (damaged or altered)"
        case .badHeader(let why): "bad header: \(why)"
        case .badLine(let line, let why): "line \(line): \(why)"
        case .otherGroup: "belongs to another group"
        case .chain(let error): "\(error)"
        }
    }
}
