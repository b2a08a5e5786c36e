import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync

/// Issue 17's attachments figure: a member attaches `files` files of `fileBytes` random bytes
/// each (1 GiB by default: 20 files of 50 MiB) to a post of a sealed group, syncs (the chunks
/// are sealed and written to the shared folder), and a second profile syncs and saves each file
/// (chunks fetched, opened, checked, kept in its cache, the whole checked and written). The
/// anchor, in the same run: `cp` of the same files into a folder, then `cp` of those copies out
/// again (the two copies a plain shared folder needs), with `sync` after each.
struct AttachmentBenchmark {
    let files: Int
    let fileBytes: Int

    init(tiny: Bool) {
        files = tiny ? 3 : 20
        fileBytes = tiny ? 2 << 20 : Int(AttachmentLimits.fileBytes)
    }

    func run() throws {
        let scratch = try Scratch()
        let paths = try writeFiles(in: scratch)
        let total = Double(files * fileBytes)
        let (author, reader, post) = try group(in: scratch)
        var ids: [EntityID] = []
        let add = try time { for path in paths { ids.append(try author.attach(file: path, to: post.hex)) } }
        let send = try time { _ = try author.syncRenewingEpoch() }
        _ = try reader.syncRenewingEpoch()
        let fetch = try time {
            for (index, id) in ids.enumerated() { try reader.saveAttachment(id.hex, to: scratch.path("out-\(index)")) }
        }
        for (index, path) in paths.enumerated() where !FileManager.default.contentsEqual(atPath: path, andPath: scratch.path("out-\(index)")) {
            throw BenchmarkError("file \(index) did not arrive byte for byte")
        }
        let anchor = try copyAnchor(paths, in: scratch)
        let ours = add + send + fetch
        let mib = total / Double(1 << 20)
        print(String(format: "attachments: %d files of %.0f MiB (%.0f MiB in all), sealed folder", files, Double(fileBytes) / Double(1 << 20), mib))
        print(String(format: "  add (cut, hash, cache, sign) %.2f s, %.0f MiB/s", add, mib / add))
        print(String(format: "  sync out (seal, write chunks) %.2f s, %.0f MiB/s", send, mib / send))
        print(String(format: "  get on the other profile (fetch, open, check, write) %.2f s, %.0f MiB/s", fetch, mib / fetch))
        print(String(format: "  ours end to end %.2f s, %.0f MiB/s; cp in and out with sync %.2f s, %.0f MiB/s; ratio %.1fx",
                     ours, mib / ours, anchor, mib / anchor, ours / anchor))
    }

    private func writeFiles(in scratch: Scratch) throws -> [String] {
        var random = SplitMix64(seed: 17)
        return try (0..<files).map { index in
            var bytes = [UInt8](repeating: 0, count: fileBytes)
            bytes.withUnsafeMutableBytes { buffer in
                let words = buffer.bindMemory(to: UInt64.self)
                for word in words.indices { words[word] = random.next() }
            }
            let path = scratch.path("file-\(index).bin")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// A sealed group of two: the founder attaches, a member who joined by invite reads.
    private func group(in scratch: Scratch) throws -> (Actions, Actions, EntityID) {
        let shared = scratch.path("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let clock = { Int64(Date().timeIntervalSince1970 * 1000) }
        let authorHome = ProfileHome(folder: URL(fileURLWithPath: scratch.path("author")))
        let readerHome = ProfileHome(folder: URL(fileURLWithPath: scratch.path("reader")))
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        let founded = try Membership.found(home: authorHome, template: template, title: nil,
                                           founder: MemberProfile(name: "Secretariat", organisation: "WCO", language: .en), now: clock())
        _ = try RememberedFolders(store: founded.store).add([shared])
        let (invite, _) = try Actions(home: authorHome, clock: clock).invite(name: "Reader", organisation: "Customs", role: .member,
                                                                             to: scratch.path("reader.invite"))
        _ = try Membership.join(invite, home: readerHome, profile: MemberProfile(name: "Reader", organisation: "Customs", language: .en),
                                folder: shared, now: clock())
        let author = try Actions(home: authorHome, clock: clock)
        _ = try author.syncRenewingEpoch()
        let post = try author.post(in: "general", title: "Attachments", body: "The files.")
        return (author, try Actions(home: readerHome, clock: clock), post)
    }

    private func copyAnchor(_ paths: [String], in scratch: Scratch) throws -> Double {
        let folder = scratch.path("cp-folder"), out = scratch.path("cp-out")
        for path in [folder, out] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        return try time {
            _ = try ChildProcess.run(["/bin/cp"] + paths + [folder])
            _ = try ChildProcess.run(["/bin/sync"])
            _ = try ChildProcess.run(["/bin/cp"] + paths.map { folder + "/" + ($0 as NSString).lastPathComponent } + [out])
            _ = try ChildProcess.run(["/bin/sync"])
        }
    }

    private func time(_ work: () throws -> Void) throws -> Double {
        let start = DispatchTime.now()
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
