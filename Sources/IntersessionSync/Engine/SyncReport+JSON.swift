import IntersessionCore
import IntersessionStore

/// The whole report as `sync --json` prints it (the keys are documented in <doc:SyncReports>).
/// One entry of `fields` per key: a new field of
/// the report is one more line here. Feeds are full hex ids; every list is an array of objects.
extension SyncReport {
    public var json: JSONValue {
        let reportedNow = Set(problems.map(\.path))
        let fields: [String: JSONValue] = [
            "exported": ["changes": .int(Int64(exportedChanges)), "files": .int(Int64(exportedFiles))],
            "imported": ["changes": .int(Int64(importedChanges)), "feeds": .array(importedFeeds.map(\.hex).sorted().map(JSONValue.string))],
            "duplicates": .int(Int64(duplicates)),
            "pending": .int(Int64(pending)),
            "incomplete": .int(Int64(incompleteFiles)),
            "failedReads": .int(Int64(failedReads)),
            "problems": .array(problems.map { ["path": .string($0.path), "reason": .string($0.reason)] }),
            "rejected": .array(stillRejected.map {
                ["path": .string($0.path), "reason": .string($0.reason), "new": .bool(reportedNow.contains($0.path))]
            }),
            "refused": .array(refused.map(Self.json)),
            "forks": .array(forks.map(Self.json)),
            "frozen": .array(frozen.map(Self.json)),
            "attention": .bool(needsAttention),
            "takenNames": .array(takenNames.map {
                ["path": .string($0.path), "wroteInstead": .array($0.wroteInstead.map(JSONValue.string)), "own": .bool($0.ownFeed)]
            }),
            "changedFiles": .int(Int64(changedFiles)),
            "evidenceFiles": .int(Int64(evidenceFiles)),
            "publishedVariants": .int(Int64(publishedVariants)),
            "remotes": ["fetched": .int(Int64(fetchedObjects)), "sent": .int(Int64(pushedObjects)),
                        "replaced": .int(Int64(replacedByRemote)), "failed": .int(Int64(remoteFailures)),
                        "requests": .int(Int64(remoteRequests))],
        ]
        return .object(fields)
    }

    static func json(_ change: RefusedChange) -> JSONValue {
        ["feed": .string(change.feed.hex), "seq": .int(change.seq), "reason": .string(change.reason)]
    }

    static func json(_ feed: FrozenFeed) -> JSONValue {
        ["feed": .string(feed.feed.hex), "seq": .int(feed.seq), "name": feed.name.map(JSONValue.string) ?? .null,
         "settled": .bool(feed.settled)]
    }
}
