import IntersessionCore
import IntersessionStore

/// What opening one segment file of a feed folder came to, decided before any of its changes
/// is decoded: a run to read, or why not (as `FolderImport` reports it).
enum SegmentOpening {
    case run(SegmentRun, SeenFile)
    /// Reported bad before, as it is now (same size and time): left alone, silently.
    case known
    /// Gone since the listing: the folder is listed again next time.
    case vanished
    /// A copy still in progress.
    case incomplete
    /// Sealed for an epoch key not held yet.
    case locked
    /// Reading it failed (an I/O error): reported this time, read again the next.
    case failedRead(reason: String)
    case rejected(reason: String)

    /// Opens `segment` of the feed folder `folderName`: its size checked before reading, its
    /// contents opened when sealed, its framing and header checked. `reported` holds the files
    /// already reported bad (`AppDatabase.reportedKey`): this runs inside the import's
    /// transaction, where the store cannot be asked.
    static func open(_ segment: SegmentName, in folderName: String, of feed: FeedID?, folder: GroupFolder,
                     reported: Set<String>) -> SegmentOpening {
        let path = folder.feedsPath + "/" + folderName + "/" + segment.fileName
        guard let status = FileStatus(entry: path) else { return .vanished }
        if reported.contains(AppDatabase.reportedKey(path: path, size: status.size, mtime: status.mtime)) { return .known }
        do {
            guard status.size <= Int64(SegmentFormat.maximumFileBytes) else { throw SegmentError.tooLarge(Int(status.size)) }
            let bytes = try folder.read(path, limit: SegmentFormat.maximumFileBytes)
            let contents = try folder.sealing?.open(bytes) ?? bytes
            let run = try SegmentRun(contents, group: folder.group, feed: feed, name: segment)
            guard folder.feedFolderName(run.header.feed) == folderName else {
                throw SegmentError.badHeader("names feed \(run.header.feed.short), but is in another feed's folder")
            }
            let range = SeqRange(first: segment.firstSeq, last: segment.lastSeq)
            return .run(run, SeenFile(feed: run.header.feed.hex, name: segment.fileName, range: range,
                                      size: status.size, mtime: status.mtime, covers: true))
        } catch SegmentError.incomplete where FolderImport.isFresh(status) {
            return .incomplete
        } catch SegmentError.sealedForOtherKey {
            return .locked
        } catch FolderError.readFailed(let path, let why) {
            return .failedRead(reason: "\(FolderError.readFailed(path, why))")
        } catch {
            return .rejected(reason: "\(error)")
        }
    }
}
