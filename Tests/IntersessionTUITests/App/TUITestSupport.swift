import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionResources
import IntersessionStore
import IntersessionSync
@testable import IntersessionTUI

/// A terminal that keeps the last frame, for tests and benchmarks. `events` are read in turn;
/// a nil in them is a wait that timed out (and `onWait` runs, to advance a fake clock).
final class RecordingTerminal: Terminal {
    var width: Int
    var height: Int
    var frame = Buffer(width: 0, height: 0)
    var cursor: (x: Int, y: Int)?
    var events: [TerminalEvent?] = []
    var framesDrawn = 0
    var waits: [Int] = []
    var onWait: (Int) -> Void = { _ in }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        frame = buffer
        self.cursor = cursor
        framesDrawn += 1
    }

    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        waits.append(timeoutMilliseconds)
        let event = events.isEmpty ? nil : events.removeFirst()
        if event == nil { onWait(timeoutMilliseconds) }
        return event
    }
    func suspend() {}
    func resume() {}
    func shutdown() {}
}

/// The demo workspace, copied fresh into a temporary folder (made once with a fixed clock), opened as one peer.
final class DemoFixture {
    static let start: Int64 = 1_795_000_000_000  // 2026-11-18
    static let now: Int64 = start + 4 * 86_400_000
    let folder: URL
    let session: Session
    let terminal: RecordingTerminal
    let runtime: Runtime

    init(peer: String = "delegate-jp", language: Language = .en, width: Int = 80, height: Int = 24, plain: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tui-tests-\(UUID().uuidString)")
        let workspace = try DemoTemplate.copy(to: folder)
        session = try Session.open(workspace.home(peer))
        terminal = RecordingTerminal(width: width, height: height)
        var model = Model(language: language, plain: plain, width: width, height: height, now: Self.now,
                          me: session.key.feed.hex, groupTitle: session.groupTitles.text(in: language), start: .topics(ListState()))
        model.colors = false
        model.groupTitles = session.groupTitles
        // Dates in UTC with fixed patterns: the same screen whatever the machine's zone and ICU.
        model.formats = Formats(language: language, timeZone: TimeZone(identifier: "UTC")!, fixedPatterns: true)
        runtime = Runtime(terminal: terminal, model: model, session: session, home: session.home,
                          demoFolder: folder.appendingPathComponent("unused"), environment: [:])
        runtime.runner.clock = { Self.now }
        for effect in Runtime.startEffects(for: model) { runtime.perform(effect) }
        runtime.settle()
        runtime.dispatch(.statusLoaded(SyncStatus(lastSync: Self.now - 5 * 60_000, folders: 1)))
    }

    /// Performs an effect and waits for what it answers.
    func perform(_ effect: Effect) {
        runtime.perform(effect)
        runtime.settle()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func press(_ keys: Key...) { press(keys) }

    func press(_ keys: [Key]) {
        // Each key waits for the effects it started, as a person waits to see the screen.
        for key in keys {
            runtime.dispatch(.key(key))
            runtime.settle()
        }
    }

    func type(_ text: String) {
        for character in text { runtime.dispatch(.key(.character(character))) }
        runtime.settle()
    }

    func screen() -> [String] {
        runtime.draw()
        return terminal.frame.lines(trimmingTrailingSpaces: true)
    }

    func resize(_ width: Int, _ height: Int) {
        terminal.width = width
        terminal.height = height
        runtime.dispatch(.resize(width: width, height: height))
        runtime.settle()
    }
}

/// The render snapshots in `Snapshots/NAME.txt`, compared by `Snapshot.expect` (SnapshotDiff.swift).
/// To regenerate every snapshot after a deliberate change of the screens, run the tests with
/// `RECORD_SNAPSHOTS=1` (`RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`), then read the diff.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
}
