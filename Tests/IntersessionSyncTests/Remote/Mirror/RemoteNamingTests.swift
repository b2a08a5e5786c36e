import Foundation
import Testing
@testable import IntersessionSync

/// What a remote's address may be, which keys of a remote are ever fetched, and the journal's
/// and the mirror state's formats (issue 20).
@Suite struct RemoteNamingTests {
    @Test func locationsAreParsedToOneCanonicalForm() throws {
        #expect(try RemoteLocation(parsing: "s3://group-bucket/wgec/").description == "s3://group-bucket/wgec")
        #expect(try RemoteLocation(parsing: "S3://group-bucket").description == "s3://group-bucket")
        #expect(try RemoteLocation(parsing: "webdav://127.0.0.1:8080//dav/wgec").description == "webdav://127.0.0.1:8080/dav/wgec")
        #expect(try RemoteLocation(parsing: "webdavs://[::1]:8443/dav").description == "webdavs://[::1]:8443/dav")
        let location = try RemoteLocation(parsing: "webdav://files.example.org/dav")
        #expect(location.host == "files.example.org" && location.port == nil && location.path == "dav")
        #expect(try RemoteLocation(parsing: "s3://a-bucket/x").mirrorName == RemoteLocation(parsing: "s3://a-bucket/x/").mirrorName)
        #expect(try RemoteLocation(parsing: "s3://a-bucket/x").mirrorName != RemoteLocation(parsing: "s3://a-bucket/y").mirrorName)
    }

    @Test func addressesThatCannotBeRemotesAreRefused() {
        for text in ["s3://user:secret@bucket/x", "webdav://alice:pw@host/dav", "ftp://host/x", "/tmp/folder", "s3://B/x", "s3://ab",
                     "webdav://host:99999/x", "webdav://ho st/x", "webdav://host/../etc", "s3://bucket/a/./b", "webdav:///x"] {
            #expect(throws: RemoteError.self, "\(text)") { try RemoteLocation(parsing: text) }
        }
        let refusal = Self.error("s3://AKIAEXAMPLE:secret@bucket").map { "\($0)" } ?? ""
        #expect(!refusal.isEmpty)
        #expect(!refusal.contains("secret") && !refusal.contains("AKIAEXAMPLE"))
    }

    static func error(_ text: String) -> RemoteError? {
        do { _ = try RemoteLocation(parsing: text); return nil } catch { return error }
    }

    @Test func onlyNamesOfAFoldersFilesAreFetched() {
        for key in ["group-0123456789abcdef/GROUP", "group-0123456789abcdef/feeds/ab12/000000000001-000000000004.seg",
                    "group-0123456789abcdef/keys/0a1b.key", "group-0123456789abcdef/blobs/" + String(repeating: "f", count: 64)] {
            #expect(RemoteKeys.isFolderFile(key), "\(key)")
        }
        for key in ["GROUP", "../GROUP", "group-x/../../etc/passwd", "group-x//GROUP", "group-x/.hidden", ".journal/0000000000/00000000000000000001",
                    "group-x/feeds/a/b/c", "group-x/feeds/a b", "group-x/feeds/\u{1b}[2J", "group-x/" + String(repeating: "a", count: 200),
                    "/group-x/GROUP", "group-x/GROUP/"] {
            #expect(!RemoteKeys.isFolderFile(key), "\(key)")
        }
    }

    @Test func journalKeysSortAsTheirNumbersAndParseBack() {
        let numbers: [UInt64] = [1, 9, 10, 999, 1000, 1001, 123_456_789]
        let keys = numbers.map(RemoteJournal.key)
        #expect(keys == keys.sorted())
        #expect(keys.map(RemoteJournal.number) == numbers)
        #expect(RemoteJournal.key(1001) == ".journal/0000000001/00000000000000001001")
        for other in [".journal/0000000001/1001", ".journal/0000000000/00000000000000001001", ".journal/x", "group-x/GROUP"] {
            #expect(RemoteJournal.number(other) == nil, "\(other)")
        }
        let entry = RemoteJournal.encode(["group-a1/GROUP", "group-a1/feeds/f/000000000001-000000000001.seg"]) + Array("../evil\n\n.x/y\n".utf8)
        #expect(RemoteJournal.decode(entry) == ["group-a1/GROUP", "group-a1/feeds/f/000000000001-000000000001.seg"])
    }

    @Test func theMirrorStateReadsBackAndForgivesDamage() {
        var state = RemoteMirrorState()
        state.marker = RemoteJournal.key(41)
        state.saw(41)
        state.fullListingAt = 1_790_000_000_000
        state.unjournaled = ["group-a1/GROUP"]
        #expect(RemoteMirrorState(text: state.text) == state)
        #expect(state.nextNumber == 42)
        #expect(RemoteMirrorState(text: "garbage") == RemoteMirrorState())
        #expect(RemoteMirrorState(text: RemoteMirrorState.header + "\nmarker ../x\nunjournaled ../y\nnext 0\n") == RemoteMirrorState())
    }

    @Test func aKnownKeysLineCutShortIsNotRead() throws {
        let temp = TemporaryFolder()
        let path = temp.path + "/known"
        try Data("group-a1/GROUP\ngroup-a1/feeds/f/0000".utf8).write(to: URL(fileURLWithPath: path))
        var known = KnownKeys(path: path)
        #expect(known.keys == ["group-a1/GROUP"])
        try known.insert("group-a1/keys/k.key", tag: "ab12")
        #expect(KnownKeys(path: path).keys == ["group-a1/GROUP", "group-a1/keys/k.key"])
        #expect(KnownKeys(path: path).tag("group-a1/keys/k.key") == "ab12")
        #expect(KnownKeys(path: path).tag("group-a1/GROUP") == nil)
    }

    @Test func aTagIsKeptOnlyWhenItFitsALine() {
        #expect(ObjectTag.usable("\"9b2cf535f27731c974343645a3985328\"") == "9b2cf535f27731c974343645a3985328")
        #expect(ObjectTag.usable("W/\"18ed7d3aef6f353d6\"") == "18ed7d3aef6f353d6")
        #expect(ObjectTag.usable("abc-3") == "abc-3")
        #expect(ObjectTag.usable("a b") == nil)
        #expect(ObjectTag.usable("a\nb") == nil)
        #expect(ObjectTag.usable("\"\"") == nil)
        #expect(ObjectTag.usable(String(repeating: "a", count: 201)) == nil)
        #expect(ObjectTag.usable(nil) == nil)
    }
}
