import Foundation
import IntersessionCore
import IntersessionStore

/// The key files of a sealed group folder: each epoch whose key this device holds is written
/// (the same bytes on every replica, so relays never conflict); each one not held is opened,
/// if one of its envelopes is for this device or an invite key it redeemed.
struct KeyFileExchange {
    let store: AppDatabase
    let folder: GroupFolder
    let device: DeviceKey?

    static let folderKey = "#keys"

    /// Reads the key files not read since the folder last changed. Returns the keys learned.
    func read(into report: inout SyncReport) throws -> Int {
        guard let sealing = folder.sealing, let status = FileStatus(path: folder.keysPath), status.isDirectory,
            try store.folderMtimes(folder.root)[Self.folderKey] != status.mtime
        else { return 0 }
        let held = Set(sealing.keyring.entries.map { sealing.names.keyFile(EntityID(hex: $0.id)!) })
        let openers = (device.map { [$0] } ?? []) + (try store.inviteSecrets().compactMap { try? DeviceKey(seed: $0) })
        var learned: [String: [UInt8]] = [:]
        var settled = Date().timeIntervalSince1970 * 1e9 - Double(status.mtime) > Double(SyncEngine.settleNanoseconds)
        for name in Files.list(folder.keysPath) where name.hasSuffix(".key") && !held.contains(name) {
            switch try open(folder.keysPath + "/" + name, openers: openers, into: &report) {
            case .learned(let id, let key): learned[id.hex] = key
            case .incomplete: settled = false
            case .notForUs: continue
            }
        }
        try store.holdEpochKeys(learned)
        try store.setFolderMtime(folder.root, key: Self.folderKey, mtime: settled ? status.mtime : -1)
        return learned.count
    }

    private enum Outcome {
        case learned(EntityID, [UInt8])
        case incomplete
        case notForUs
    }

    private func open(_ path: String, openers: [DeviceKey], into report: inout SyncReport) throws -> Outcome {
        guard let status = FileStatus(entry: path), !status.isDirectory else { return .notForUs }
        if try store.wasReported(path: path, size: status.size, mtime: status.mtime) { return .notForUs }
        do {
            guard status.size <= Int64(KeyFile.maximumBytes) else { throw SegmentError.tooLarge(Int(status.size)) }
            let file = try KeyFile(bytes: try folder.read(path, limit: KeyFile.maximumBytes))
            for opener in openers {
                for envelope in file.envelopes {
                    guard let key = try? envelope.open(epoch: file.number, group: folder.group, with: opener.agreementKey) else { continue }
                    var keyring = SealedFile.Keyring()
                    keyring.add(id: "file", key: key)
                    return try learn(file, keyring: keyring, check: EpochKeys.check(key), key: key.bytes)
                }
            }
            report.newestLockedEpoch = max(report.newestLockedEpoch, file.number)
            return .notForUs
        } catch SegmentError.incomplete where FolderImport.isFresh(status) {
            return .incomplete
        } catch FolderError.readFailed(let path, let why) {
            report.failedToRead(path, why)
            return .incomplete
        } catch {
            try FolderImport.reportOnce(path, "an epoch key file, unreadable: \(error)", store: store, into: &report)
            return .notForUs
        }
    }

    /// The epoch `key` opens, checked against the signed change the file seals.
    private func learn(_ file: KeyFile, keyring: SealedFile.Keyring, check: [UInt8], key: [UInt8]) throws -> Outcome {
        let contents: [UInt8]
        do {
            contents = try SealedFile.open(file.sealedChange, with: keyring).contents
        } catch .incomplete {
            throw SegmentError.incomplete
        } catch .notSealed where FolderSealing.isHeaderBegun(file.sealedChange) {
            throw SegmentError.incomplete
        } catch {
            throw SegmentError.sealedDamaged
        }
        let change = try SegmentFormat.decode(contents, group: folder.group, feed: nil, name: nil).changes[0]
        for (index, op) in change.body.ops.enumerated() {
            guard case .groupKey(let epoch) = op, epoch.number == file.number, epoch.check == check else { continue }
            // Logged (waiting for its feed's earlier changes if need be), so that its history
            // opens the epochs before it.
            _ = try store.apply([change])
            return .learned(change.entity(index), key)
        }
        throw SegmentError.badHeader("the key file's change starts no such epoch")
    }

    /// Writes the key file of every epoch held here that the folder lacks.
    func write(into report: inout SyncReport) throws {
        guard let sealing = folder.sealing else { return }
        for epoch in try store.epochRecords() {
            guard let entry = sealing.keyring.entry(epoch.id.hex) else { continue }
            let path = folder.keysPath + "/" + sealing.names.keyFile(epoch.id)
            guard FileStatus(path: path) == nil, let change = try store.epochChange(epoch.id) else { continue }
            let envelopes = epoch.wraps.sorted { $0.key < $1.key }.compactMap { EpochEnvelope(bytes: $0.value) }
            let sealed = try SealedFile.seal(SegmentFormat.encode([change], group: folder.group), under: entry.key)
            try folder.makeDirectory(folder.keysPath)
            try folder.write(KeyFile(number: epoch.number, envelopes: envelopes, sealedChange: sealed).bytes, to: path)
            report.keyFilesWritten += 1
        }
    }
}
