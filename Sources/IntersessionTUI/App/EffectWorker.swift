import Foundation

/// Performs effects on a thread of their own, one at a time and in the order they were asked
/// for, and posts each effect's messages to the mailbox. The loop that reads keys never waits
/// for the store, a sync or an invite: it goes on reading while an effect runs.
final class EffectWorker: @unchecked Sendable {
    let mailbox: Mailbox
    private let queue = DispatchQueue(label: "intersession.effects")
    private let perform: @Sendable (Effect) -> [Message]
    private let lock = NSLock()
    private var running = 0
    /// Called (on the worker's thread) after each effect's messages are posted, to wake the loop.
    var onPosted: @Sendable () -> Void = {}

    init(mailbox: Mailbox, perform: @escaping @Sendable (Effect) -> [Message]) {
        self.mailbox = mailbox
        self.perform = perform
    }

    /// Effects started and not yet answered.
    var busy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running > 0
    }

    func submit(_ effect: Effect) {
        lock.lock()
        running += 1
        lock.unlock()
        queue.async { [self] in
            let messages = perform(effect)
            mailbox.post(contentsOf: messages)
            lock.lock()
            running -= 1
            lock.unlock()
            onPosted()
        }
    }

    /// Blocks until every effect submitted so far has posted its messages (tests, benchmarks,
    /// and the first frame, which should show the loaded screen).
    func waitUntilIdle() {
        queue.sync {}
    }
}
