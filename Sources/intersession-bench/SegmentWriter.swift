import Foundation
import IntersessionCore
import IntersessionSync

/// Writes changes into a folder as another replica's export would: per feed, files of at most
/// 10,000 changes. In a sealed folder every file is sealed as the export seals it (segments
/// under the current epoch, the GROUP file under the names' key) and each epoch started by the
/// changes gets its key file.
enum SegmentWriter {
    static func write(_ changes: [SignedChange], to folder: GroupFolder) throws {
        try FileManager.default.createDirectory(atPath: folder.feedsPath, withIntermediateDirectories: true)
        if let genesis = changes.first(where: { $0.body.isGenesis }) {
            let bytes = SegmentFormat.encode([genesis], group: folder.group)
            let sealed = try folder.sealing.map { try SealedFile.seal(bytes, under: $0.names.groupFileKey) } ?? bytes
            try Data(sealed).write(to: URL(fileURLWithPath: folder.groupFile))
        }
        for (feed, feedChanges) in Dictionary(grouping: changes, by: \.author) {
            try FileManager.default.createDirectory(atPath: folder.feedPath(feed), withIntermediateDirectories: true)
            var start = 0
            while start < feedChanges.count {
                let chunk = Array(feedChanges[start..<min(start + SegmentFormat.changesPerFile, feedChanges.count)])
                let name = SegmentName(firstSeq: chunk.first!.seq, lastSeq: chunk.last!.seq)!
                try Data(try segment(chunk, in: folder)).write(to: URL(fileURLWithPath: folder.segmentPath(feed, name)))
                start += chunk.count
            }
        }
        try writeKeyFiles(of: changes, to: folder)
    }

    /// A segment's bytes as the folder holds them: sealed under its current epoch, if sealed.
    static func segment(_ changes: [SignedChange], in folder: GroupFolder) throws -> [UInt8] {
        let bytes = SegmentFormat.encode(changes, group: folder.group)
        guard let sealing = folder.sealing else { return bytes }
        guard let current = sealing.current else { throw BenchmarkError("a sealed folder without its current key") }
        return try SealedFile.seal(bytes, under: current.key)
    }

    /// The key file of each epoch `changes` start whose key the folder's sealing holds.
    static func writeKeyFiles(of changes: [SignedChange], to folder: GroupFolder) throws {
        guard let sealing = folder.sealing else { return }
        for change in changes {
            for case (let index, .groupKey(let epoch)) in change.body.ops.enumerated() {
                let id = change.entity(index)
                guard let entry = sealing.keyring.entry(id.hex) else { continue }
                let envelopes = epoch.wraps.sorted { $0.key < $1.key }.compactMap { EpochEnvelope(bytes: $0.value) }
                let sealed = try SealedFile.seal(SegmentFormat.encode([change], group: folder.group), under: entry.key)
                try FileManager.default.createDirectory(atPath: folder.keysPath, withIntermediateDirectories: true)
                try Data(KeyFile(number: epoch.number, envelopes: envelopes, sealedChange: sealed).bytes)
                    .write(to: URL(fileURLWithPath: folder.keysPath + "/" + sealing.names.keyFile(id)))
            }
        }
    }

    static func files(in folder: GroupFolder) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.feedsPath))?.sorted().flatMap { feed in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.feedsPath + "/" + feed)) ?? []).sorted()
                .map { folder.feedsPath + "/" + feed + "/" + $0 }
        } ?? []
    }
}
