import Foundation
import Testing
@testable import IntersessionTUI

/// A readable account of how a screen differs from its snapshot: each differing line with its
/// number, what was expected and what was drawn.
enum SnapshotDiff {
    /// nil when the lines are the same.
    static func describe(expected: [String], got: [String]) -> String? {
        guard expected != got else { return nil }
        var report: [String] = []
        for index in 0..<max(expected.count, got.count) {
            let want = expected.indices.contains(index) ? expected[index] : nil
            let have = got.indices.contains(index) ? got[index] : nil
            guard want != have else { continue }
            let number = String(index + 1)
            let label = "line " + String(repeating: " ", count: max(0, 3 - number.count)) + number
            report.append(label + " expected: " + (want.map(quoted) ?? "(no line)"))
            report.append(label + "      got: " + (have.map(quoted) ?? "(no line)"))
        }
        return report.joined(separator: "\n")
    }

    private static func quoted(_ line: String) -> String { "|" + line + "|" }
}

extension Snapshot {
    /// Records an issue with a line diff when `lines` differ from snapshot `name`.
    /// `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` rewrites the snapshots.
    static func expect(_ lines: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".txt")
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name) (RECORD_SNAPSHOTS=1 writes it); the screen was:\n\(text)", sourceLocation: sourceLocation)
            return
        }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let got = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let diff = SnapshotDiff.describe(expected: want, got: got) {
            Issue.record("snapshot \(name) differs (RECORD_SNAPSHOTS=1 rewrites it):\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}

@Suite("Snapshot diffs")
struct SnapshotDiffTests {
    @Test func sameLinesHaveNoDiff() {
        #expect(SnapshotDiff.describe(expected: ["a", "b"], got: ["a", "b"]) == nil)
    }

    @Test func aDiffNamesEachLineWithWhatWasExpectedAndGot() {
        let diff = SnapshotDiff.describe(expected: ["title", "one", "two"], got: ["title", "One", "two", "three"])
        #expect(diff == """
            line   2 expected: |one|
            line   2      got: |One|
            line   4 expected: (no line)
            line   4      got: |three|
            """)
    }
}

@Suite("Render tests pin the zone and the date patterns")
struct PinnedFormatsTests {
    @Test func pinnedFormatsReadTheSameOnEveryMachine() {
        let utc = TimeZone(identifier: "UTC")!
        let instant: Int64 = 1_795_000_000_000
        #expect(Formats(language: .en, timeZone: utc, fixedPatterns: true).date(instant, now: instant) == "18 Nov 11:06")
        #expect(Formats(language: .fr, timeZone: utc, fixedPatterns: true).date(instant, now: instant) == "18 nov. 11:06")
        #expect(Formats(language: .en, timeZone: utc, fixedPatterns: true).date(instant, now: instant + 400 * 86_400_000) == "18 Nov 2026 11:06")
        // Another zone moves the hour, whatever the machine's own zone.
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        #expect(Formats(language: .en, timeZone: tokyo, fixedPatterns: true).date(instant, now: instant) == "18 Nov 20:06")
    }

    @Test func theLanguageKeyKeepsThePins() {
        let utc = TimeZone(identifier: "UTC")!
        let french = Formats(language: .en, timeZone: utc, fixedPatterns: true).speaking(.fr)
        #expect(french.language == .fr && french.timeZone == utc && french.fixedPatterns)
    }
}
