import Foundation

/// What a mirror remembers of its remote between syncs, in `<mirror>/state` (a local file of
/// the home, never shared): the last journal entry read, where the next claim starts, when the
/// whole remote was last listed, and the keys written there that no journal entry names yet.
/// A missing or unreadable state only costs a full listing.
struct RemoteMirrorState: Equatable {
    var marker: String?
    /// Entries are numbered from 1: a full listing of a remote with no entry yet sets the marker
    /// to entry 0, so that the first one claimed is read.
    var nextNumber: UInt64 = 1
    var fullListingAt: Int64?
    var unjournaled: [String] = []

    static let header = "intersession-remote-mirror 1"

    init() {}

    init(text: String) {
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == Self.header else { return }
        for line in lines.dropFirst() {
            let (name, value) = (line.prefix { $0 != " " }, String(line.drop { $0 != " " }.dropFirst()))
            switch name {
            case "marker": marker = RemoteJournal.number(value) == nil ? nil : value
            case "next": nextNumber = max(1, UInt64(value) ?? 1)
            case "full": fullListingAt = Int64(value)
            case "unjournaled" where RemoteKeys.isFolderFile(value): unjournaled.append(value)
            default: continue
            }
        }
    }

    var text: String {
        var lines = [Self.header, "next \(nextNumber)"]
        if let marker { lines.append("marker " + marker) }
        if let fullListingAt { lines.append("full \(fullListingAt)") }
        lines += unjournaled.map { "unjournaled " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A journal entry read or claimed: the next claim starts after it.
    mutating func saw(_ number: UInt64) { nextNumber = max(nextNumber, number + 1) }
}
