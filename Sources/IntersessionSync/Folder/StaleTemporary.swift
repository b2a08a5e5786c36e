import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A writer killed between `AtomicFile`'s create and its rename leaves the temporary behind:
/// no reader takes it for a segment, and nothing else would ever remove it (the crash loop,
/// issue 19). A sync that lists a folder removes those of `AtomicFile`'s own naming that are an
/// hour old; no write lasts that long, and any other tool's temporaries are left alone.
enum StaleTemporary {
    static let ageNanoseconds: Int64 = 3_600 * 1_000_000_000

    /// Whether `name` is what `AtomicFile.write` calls a file while writing it:
    /// `.<name>.tmp-<pid>-<random>`.
    static func isAtomicFileTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards),
            marker.lowerBound > name.index(after: name.startIndex)
        else { return false }
        let numbers = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        return numbers.count == 2 && numbers.allSatisfy { number in
            !number.isEmpty && number.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }

    /// Removes the entry `name` of `folder` if it is a stale temporary: a regular file (a link
    /// or a folder is never removed), older than the age above at `now` (nanoseconds).
    @discardableResult
    static func removeIfStale(_ name: String, in folder: String, now: Int64) -> Bool {
        guard isAtomicFileTemporary(name) else { return false }
        let path = folder + "/" + name
        guard let status = FileStatus(entry: path), !status.isDirectory, !status.isSymbolicLink,
            now - status.mtime > ageNanoseconds
        else { return false }
        return unlink(path) == 0
    }
}
