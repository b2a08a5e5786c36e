import Foundation
import Testing
import IntersessionActions
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// A clock the test moves.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64
    init(_ start: Int64) { millis = start }
    var now: Int64 { lock.lock(); defer { lock.unlock() }; return millis }
    func advance(_ by: Int64) { lock.lock(); millis += by; lock.unlock() }
}

@Suite struct RuntimeTests {
    static func welcomeRuntime(_ terminal: RecordingTerminal, clock: FakeClock) -> Runtime {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tui-runtime-\(UUID().uuidString)")
        let model = Model(language: .en, plain: false, width: terminal.width, height: terminal.height, now: clock.now, me: nil,
                          groupTitle: "", start: .welcome(WelcomeState()))
        let runtime = Runtime(terminal: terminal, model: model, session: nil, home: ProfileHome(folder: folder), demoFolder: folder,
                              environment: [:])
        runtime.runner.clock = { clock.now }
        return runtime
    }

    @Test func noFrameIsDrawnWhenNothingChanged() {
        let terminal = RecordingTerminal(width: 80, height: 24)
        let clock = FakeClock(DemoFixture.now)
        terminal.onWait = { clock.advance(Int64(max(1, $0))) }
        // A minute of silence (ticks every second), a key, more silence, then ctrl+c.
        terminal.events = Array(repeating: nil, count: 60) + [.key(.down)] + Array(repeating: nil, count: 30) + [.key(.ctrl("c"))]
        let runtime = Self.welcomeRuntime(terminal, clock: clock)
        runtime.run()
        #expect(terminal.framesDrawn == 2)  // the first frame, and the one after the key
        #expect(runtime.model.now >= DemoFixture.now + 60_000)  // the clock did tick
        // Idle, the loop slept until the next tick rather than waking every 250 ms.
        #expect(terminal.waits.prefix(60).allSatisfy { $0 >= 900 })
    }

    @Test func keysAreReadWhileAnEffectRunsAndItsResultArrivesAsAMessage() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        let gate = DispatchSemaphore(value: 0)
        let runtime = fixture.runtime
        let answered = Counter()
        runtime.worker = EffectWorker(mailbox: runtime.runner.mailbox) { effect in
            guard case .findNextUnread = effect else { return [] }
            gate.wait()  // the store is slow today
            answered.increment()
            return [.noMoreUnread]
        }
        let clock = FakeClock(DemoFixture.now)
        runtime.runner.clock = { clock.now }
        var released = false
        fixture.terminal.onWait = { _ in
            usleep(2000)
            // The selection moved while the effect was still running: only then may it answer.
            if !released, case .topics(let list) = runtime.model.screen, list.selected == 1 {
                #expect(answered.value == 0)
                released = true
                gate.signal()
            }
        }
        fixture.terminal.events = [.key(.character("n")), .key(.down)] + Array(repeating: nil, count: 200) + [.key(.ctrl("c"))]
        runtime.run()
        #expect(released)
        #expect(answered.value == 1)
        #expect(runtime.model.flash == runtime.model.catalog[.noMoreUnread])
        // While the effect ran, the loop waited for keys in short slices to pick up its result.
        #expect(fixture.terminal.waits.contains { $0 <= Runtime.busyPollMilliseconds })
    }

    @Test func effectsRunOffTheThreadThatDispatches() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        let runtime = fixture.runtime
        let threads = ThreadRecorder()
        let runner = runtime.runner
        runtime.worker = EffectWorker(mailbox: runner.mailbox) { effect in
            threads.record(Thread.isMainThread)
            return runner.perform(effect)
        }
        runtime.dispatch(.key(.enter))  // open the first topic: loads its threads
        #expect(fixture.runtime.model.screens.count == 2)
        runtime.settle()
        #expect(threads.values == [false])
        guard case .threads(_, let list) = runtime.model.screen else { Issue.record("not on the threads"); return }
        #expect(list.loaded && !list.items.isEmpty)
    }
}

/// The loop watches the store: another connection's write shows without a key, and a quiet
/// store costs no frame.
@Suite struct StoreWatchRuntimeTests {
    @Test func aWriteByAnotherConnectionReloadsAndDrawsWithoutAKey() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        let runtime = fixture.runtime
        fixture.press(.enter)  // a topic's threads
        guard case .threads(let topic, _) = runtime.model.screen else { Issue.record("not on the threads"); return }
        let clock = FakeClock(DemoFixture.now)
        runtime.runner.clock = { clock.now }
        // Another process: its own connection to the same store file.
        let other = try AppDatabase.open(path: fixture.session.store.path)
        let actions = try Actions(store: other, key: fixture.session.key, folders: [], clock: { clock.now })
        var waits = 0
        var framesBeforeWrite = 0, framesAfterReload = 0
        fixture.terminal.onWait = { milliseconds in
            waits += 1
            usleep(5000)  // the worker's loads take real time; the fake clock none
            clock.advance(Int64(max(1, milliseconds)))
            if waits == 3 {
                framesBeforeWrite = fixture.terminal.framesDrawn
                _ = try? actions.post(in: topic.id, title: "Posted from the command line", body: "While the interface was open.")
            }
            if waits == 30 { framesAfterReload = fixture.terminal.framesDrawn }
        }
        fixture.terminal.events = Array(repeating: nil, count: 40) + [.key(.ctrl("c"))]
        runtime.run()
        let shown = fixture.terminal.frame.lines(trimmingTrailingSpaces: true).joined(separator: "\n")
        #expect(shown.contains("Posted from the command line"), "\(shown)")
        #expect(framesAfterReload > framesBeforeWrite)
        // Once shown, the quiet store drew nothing more (the status line's minute did not turn).
        #expect(fixture.terminal.framesDrawn == framesAfterReload)
    }

    @Test func aQuietStoreReloadsNothingAndDrawsNoFrame() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        let runtime = fixture.runtime
        let clock = FakeClock(DemoFixture.now)
        runtime.runner.clock = { clock.now }
        let loads = Counter()
        let started = Locked(false)
        let runner = runtime.runner
        runtime.worker = EffectWorker(mailbox: runner.mailbox) { effect in
            if started.get() { loads.increment() }
            return runner.perform(effect)
        }
        fixture.terminal.onWait = {
            started.set(true)
            clock.advance(Int64(max(1, $0)))
        }
        fixture.terminal.events = Array(repeating: nil, count: 20) + [.key(.ctrl("c"))]
        runtime.run()
        #expect(loads.value == 0)
        #expect(fixture.terminal.framesDrawn == 1)  // the first frame only
    }

    @Test func theWatchSeesAnotherConnectionsCommitOnly() throws {
        let fixture = try DemoFixture(peer: "delegate-jp")
        let watch = try #require(StoreWatch(store: fixture.session.store))
        #expect(!watch.changed())
        let other = try AppDatabase.open(path: fixture.session.store.path)
        let actions = try Actions(store: other, key: fixture.session.key, folders: [], clock: { DemoFixture.now })
        _ = try actions.post(in: try #require(other.topics().first?.id), title: "Another process", body: "Writes.")
        #expect(watch.changed())
        #expect(!watch.changed())
    }
}

final class ThreadRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Bool] = []
    func record(_ value: Bool) { lock.lock(); recorded.append(value); lock.unlock() }
    var values: [Bool] { lock.lock(); defer { lock.unlock() }; return recorded }
}
