import Foundation
import GRDB
import Testing
import IntersessionCore
@testable import IntersessionStore

#if canImport(Glibc)
import Glibc
#endif

/// A full, read-only or failing disk is one typed fault naming the file (issue 19); the
/// faults themselves are made for real by Tests/reliability/faults.sh on small tmpfs mounts.
@Suite struct FileFaultTests {
    func wrapped(_ code: ResultCode, path: String) -> Error? {
        do {
            try StoreError.wrap(path: path) { throw DatabaseError(resultCode: code, message: "injected") }
            return nil
        } catch { return error }
    }

    @Test func sqliteFullIsADiskFullFault() {
        #expect(wrapped(.SQLITE_FULL, path: "/x/store.sqlite") as? FileFault == FileFault(path: "/x/store.sqlite", kind: .noSpace))
    }

    @Test func anIOErrorOnAHealthyDiskIsAnIOFault() {
        let path = FileManager.default.temporaryDirectory.path + "/store.sqlite"
        #expect(wrapped(.SQLITE_IOERR, path: path) as? FileFault == FileFault(path: path, kind: .ioError))
        #expect(wrapped(.SQLITE_READONLY, path: path) as? FileFault == FileFault(path: path, kind: .readOnly))
    }

    @Test func aStoreThatCannotOpenOnAHealthyDiskStaysSQLitesError() {
        let path = FileManager.default.temporaryDirectory.path + "/store.sqlite"
        #expect(wrapped(.SQLITE_CANTOPEN, path: path) is DatabaseError)
        #expect(wrapped(.SQLITE_CONSTRAINT, path: path) is DatabaseError)
    }

    @Test func errnosAndTheirTextsName() {
        #expect(FileFault.Kind(errno: ENOSPC) == .noSpace)
        #expect(FileFault.Kind(errno: EROFS) == .readOnly)
        #expect(FileFault.Kind(errno: EIO) == .ioError)
        #expect(FileFault.Kind(errno: ENOENT) == nil)
        #expect(FileFault.Kind(reason: String(cString: strerror(ENOSPC))) == .noSpace)
        #expect(FileFault.Kind(reason: String(cString: strerror(EROFS))) == .readOnly)
        #expect(FileFault.Kind(reason: "Permission denied") == nil)
    }

    @Test func aProfileWriteThatFoundTheDiskFullSaysSo() {
        let error = ProfileError.cannotWrite("/h/identity.key", String(cString: strerror(ENOSPC)))
        #expect(error.phrase == Phrase("error.fault.noSpace", ["/h/identity.key"]))
        #expect(ProfileError.cannotWrite("/h/x", "Bad address").phrase.key == "error.profile.cannotWrite")
    }

    @Test func foundationsFileErrorsAreNamedByTheirCodeOrErrno() {
        let full = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteOutOfSpace.rawValue, userInfo: [NSFilePathErrorKey: "/d/report.md"])
        #expect(FileFault(foundation: full) == FileFault(path: "/d/report.md", kind: .noSpace))
        let underlying = NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))
        let readOnly = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                               userInfo: [NSFilePathErrorKey: "/d/x.md", NSUnderlyingErrorKey: underlying])
        #expect(FileFault(foundation: readOnly) == FileFault(path: "/d/x.md", kind: .readOnly))
        #expect(FileFault(foundation: NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileNoSuchFile.rawValue,
                                              userInfo: [NSFilePathErrorKey: "/d/x.md"])) == nil)
        #expect(FileFault(foundation: StoreError.noGroup) == nil)
    }

    @Test func theFileSystemOfAHealthyFolderHasNoFault() {
        #expect(FileFault.Kind.ofFileSystem(at: FileManager.default.temporaryDirectory.path + "/not-yet/store.sqlite") == nil)
    }
}
