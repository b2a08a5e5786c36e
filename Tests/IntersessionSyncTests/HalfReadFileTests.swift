import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// An import decodes a file's changes one by one as their turn comes; one that fails only at
/// its last line (a forged signature, a broken link) must still be refused whole: nothing of
/// it applied, reported once with the reason a whole reading gives, the rest of the folder read.
@Suite struct HalfReadFileTests {
    @Test func aFileFailingAtItsLastLineLeavesNothingOfItApplied() throws {
        let temp = TemporaryFolder()
        var replicas = try Group.make(in: temp, members: 1)
        replicas[1].folders = replicas[0].folders
        _ = try replicas[1].sync()
        for (index, title) in ["One", "Two", "Three"].enumerated() {
            try replicas[1].post(title, now: 1_790_000_600_000 + Int64(index))
        }
        _ = try replicas[1].sync()
        let group = try replicas[0].store.groupID()!
        let folder = GroupFolder(root: replicas[0].folders[0], group: group)
        let feedPath = folder.feedPath(replicas[1].key.feed)
        let newest = Files.list(feedPath).sorted().last!
        let path = feedPath + "/" + newest
        let forged = try forgingLastSignature(Files.read(path, limit: 1 << 20))
        try Data(forged).write(to: URL(fileURLWithPath: path))
        let whole = #expect(throws: SegmentError.self) { try folder.decodeSegment(forged, feed: nil, name: nil) }

        let genesis = try replicas[0].store.changes(of: replicas[0].key.feed, in: 1...1)[0]
        let store = try newcomer(from: replicas[0].folders[0], genesis: genesis, syncs: 0, in: temp)
        let report = try SyncEngine(store: store).sync(folders: replicas[0].folders)
        #expect(report.rejectedFiles == 1)
        #expect(report.problems.map(\.path) == [path])
        #expect(report.problems.first?.reason == whole.map { "\($0)" })
        #expect(try store.threads(topic: nil).isEmpty, "a thread of the forged file was applied")
        #expect(try store.members().count == 2, "the files before it were not read")
        let again = try SyncEngine(store: store).sync(folders: replicas[0].folders)
        #expect(again.problems.isEmpty && again.importedChanges == 0)
    }

    /// The file with its last line's signature altered and a valid trailer.
    private func forgingLastSignature(_ bytes: [UInt8]) throws -> [UInt8] {
        let split = try SegmentLines(bytes)
        var lines = split.body.map(Array.init)
        #expect(lines.count >= 3)
        lines[lines.count - 1][3] = lines[lines.count - 1][3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        return SegmentFormat.assemble(header: String(decoding: split.header, as: UTF8.self),
                                      lines: lines.flatMap { $0 + [0x0A] }, count: lines.count)
    }
}
