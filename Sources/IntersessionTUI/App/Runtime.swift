import Foundation
import IntersessionCore
import IntersessionStore

/// The interface's loop: one stream of messages (keys, mouse, resizes, ticks, results of
/// effects) through `update`. Effects run on the `EffectWorker`'s thread and come back
/// through the mailbox, so keys are read while the store, a sync or an invite works. The loop
/// sleeps on input until the next tick (or briefly while effects are under way), looks at each
/// tick whether another process changed the store, and draws only when the screen it would
/// draw differs from the one on the terminal.
public final class Runtime {
    let terminal: any Terminal
    let runner: EffectRunner
    var worker: EffectWorker
    public private(set) var model: Model
    private var buffer: Buffer
    /// What the terminal shows now, to skip a frame that would change nothing.
    private var shown: Buffer?
    private var shownCursor: (x: Int, y: Int)?
    private var renderedModel: Model?
    /// Frames sent to the terminal, for tests and benchmarks.
    public private(set) var framesDrawn = 0
    /// How often the clock ticks (the status line's "synced 3 min ago", deadlines, background sync).
    static let tickMilliseconds: Int64 = 1000
    /// How long the loop waits for a key while effects run, before it looks at their results.
    static let busyPollMilliseconds = 15

    public init(terminal: any Terminal, model: Model, session: Session?, home: ProfileHome, demoFolder: URL,
                environment: [String: String]) {
        self.terminal = terminal
        self.model = model
        buffer = Buffer(width: terminal.width, height: terminal.height)
        let runner = EffectRunner(session: session, home: home, demoFolder: demoFolder, environment: environment)
        self.runner = runner
        worker = EffectWorker(mailbox: runner.mailbox) { runner.perform($0) }
        runner.suspendTerminal = { [terminal] in terminal.suspend() }
        runner.resumeTerminal = { [terminal] in terminal.resume() }
    }

    /// The effects to start with: the first screen's data and the sync status.
    public static func startEffects(for model: Model) -> [Effect] {
        if case .welcome = model.screen { return [] }
        return [.loadTopics, .loadStatus]
    }

    /// Loads the first screen and draws it (the first frame waits for the first load, so it
    /// shows the topics rather than an empty list).
    public func start() {
        dispatch(.resize(width: terminal.width, height: terminal.height))
        for effect in Self.startEffects(for: model) { perform(effect) }
        settle()
        draw()
    }

    public func run() {
        start()
        var lastTick = runner.clock()
        while !model.quitting {
            let now = runner.clock()
            let untilTick = Int(max(0, lastTick + Self.tickMilliseconds - now))
            let waiting = worker.busy || !runner.mailbox.isEmpty || runner.syncsRunning.value > 0
            if let event = terminal.nextEvent(timeoutMilliseconds: waiting ? min(untilTick, Self.busyPollMilliseconds) : untilTick) {
                handle(event)
            }
            deliverResults()
            let later = runner.clock()
            if later - lastTick >= Self.tickMilliseconds {
                lastTick = later
                dispatch(.tick(now: later))
                watchStore()
            }
            if !model.quitting { drawIfChanged() }
        }
        terminal.shutdown()
    }

    /// On each tick: when another process wrote to the store (a `post` from the command line,
    /// a `sync`), the screen reloads, and is drawn if what it shows differs.
    func watchStore() {
        if runner.storeWatch.get()?.changed() == true { dispatch(.storeChanged) }
    }

    /// How long a key waits for the effects before it (a screen still loading) to answer, so
    /// that keys typed ahead act on the screen they were typed for. A longer effect does not
    /// hold the keys: they go on being read and handled.
    static let typeAheadMilliseconds = 100

    func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key):
            for _ in 0..<Self.typeAheadMilliseconds where worker.busy { usleep(1000) }
            deliverResults()
            dispatch(.key(key))
        case .mouse(let mouse): dispatch(.mouse(mouse))
        case .resize(let width, let height): dispatch(.resize(width: width, height: height))
        }
    }

    /// Sends a message through `update` and starts the effects it asks for. Their results
    /// arrive later, through `deliverResults`.
    public func dispatch(_ message: Message) {
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Update.update(&model, next) { queue += start(effect) }
        }
    }

    /// Runs an effect that needs the terminal on this thread; hands any other to the worker.
    private func start(_ effect: Effect) -> [Message] {
        switch effect {
        case .openEditor, .quit: return runner.perform(effect)
        default:
            worker.submit(effect)
            return []
        }
    }

    func perform(_ effect: Effect) {
        for message in start(effect) { dispatch(message) }
    }

    /// Passes the messages effects have posted so far through `update`; true if there were any.
    @discardableResult
    public func deliverResults() -> Bool {
        let messages = runner.mailbox.drain()
        for message in messages { dispatch(message) }
        return !messages.isEmpty
    }

    /// Waits until every effect started (and every effect their results start) has answered,
    /// background syncs included: tests and benchmarks read the screen after it.
    public func settle() {
        repeat {
            worker.waitUntilIdle()
            while runner.syncsRunning.value > 0 { usleep(1000) }
        } while deliverResults() || worker.busy
    }

    /// Draws the current model. Public for benchmarks and tests, which use a terminal of their own.
    public func draw() {
        render()
        send()
    }

    /// Draws only when the frame differs from the one on the terminal; true if it drew.
    @discardableResult
    public func drawIfChanged() -> Bool {
        if let renderedModel, renderedModel == model, shown != nil { return false }
        let cursor = render()
        if let shown, shown == buffer, shownCursor?.x == cursor?.x, shownCursor?.y == cursor?.y { return false }
        send()
        return true
    }

    @discardableResult
    private func render() -> (x: Int, y: Int)? {
        if buffer.width != model.width || buffer.height != model.height {
            buffer = Buffer(width: model.width, height: model.height)
        }
        shownCursor = View.render(model, into: &buffer)
        renderedModel = model
        return shownCursor
    }

    private func send() {
        terminal.draw(buffer, cursor: shownCursor)
        shown = buffer
        framesDrawn += 1
    }
}
