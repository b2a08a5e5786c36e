import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// A writer killed before its rename leaves `.<name>.tmp-<pid>-<random>` in the folder, which
/// nothing removed, so a folder used for years would collect them (issue 19).
@Suite struct StaleTemporaryTests {
    @Test func onlyAtomicFileNamesAreTaken() {
        #expect(StaleTemporary.isAtomicFileTemporary(".000000000001-000000000004.seg.tmp-4242-3141592653"))
        #expect(StaleTemporary.isAtomicFileTemporary(".GROUP.tmp-1-0"))
        for other in [".syncthing.000000000004.seg.tmp", "000000000001.seg.tmp-1-2", ".tmp-1-2", ".x.tmp-1", ".x.tmp-1-2-3",
                      ".x.tmp--2", ".x.tmp-1-2a", ".x.tmp-١-2", "~$000000000004.seg"] {
            #expect(!StaleTemporary.isAtomicFileTemporary(other), "\(other)")
        }
    }

    @Test func aSyncRemovesAKilledWritersOldTemporaryAndNothingElse() throws {
        let temp = TemporaryFolder()
        var replicas = try Group.make(in: temp, members: 1)
        replicas[1].folders = replicas[0].folders
        _ = try replicas[1].sync()
        _ = try replicas[0].sync()
        let folder = try replicas[0].groupFolder(replicas[0].folders[0])
        let feedPath = folder.feedPath(replicas[1].key.feed)
        let hourAgo = Date(timeIntervalSinceNow: -3_700)
        let names = ["stale": ".000000000009-000000000009.seg.tmp-4242-17", "fresh": ".000000000010-000000000010.seg.tmp-4243-18",
                     "theirs": ".syncthing.000000000011.seg.tmp", "folder": ".000000000012-000000000012.seg.tmp-4244-19"]
        for key in ["stale", "fresh", "theirs"] {
            FileManager.default.createFile(atPath: feedPath + "/" + names[key]!, contents: Data("half".utf8))
        }
        try FileManager.default.createDirectory(atPath: feedPath + "/" + names["folder"]!, withIntermediateDirectories: false)
        for key in ["stale", "theirs", "folder"] {
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: feedPath + "/" + names[key]!)
        }
        let digest = try replicas[0].store.stateDigest()
        let report = try replicas[0].sync()
        #expect(report.problems.isEmpty)
        let left = Set(Files.list(feedPath))
        #expect(!left.contains(names["stale"]!))
        #expect(left.isSuperset(of: [names["fresh"]!, names["theirs"]!, names["folder"]!]))
        #expect(try replicas[0].store.stateDigest() == digest)
    }
}
