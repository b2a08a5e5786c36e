import Foundation
import IntersessionCore
import IntersessionStore

/// The interface's loop: one stream of messages (keys, mouse, resizes, ticks, results of
/// effects) through `update`, the effects performed, and a frame drawn after each batch.
public final class Runtime {
    let terminal: any Terminal
    let runner: EffectRunner
    public private(set) var model: Model
    private var buffer: Buffer

    public init(terminal: any Terminal, model: Model, session: Session?, home: ProfileHome, demoFolder: URL,
                environment: [String: String]) {
        self.terminal = terminal
        self.model = model
        buffer = Buffer(width: terminal.width, height: terminal.height)
        runner = EffectRunner(session: session, home: home, demoFolder: demoFolder, environment: environment)
        runner.suspendTerminal = { [terminal] in terminal.suspend() }
        runner.resumeTerminal = { [terminal] in terminal.resume() }
    }

    /// The effects to start with: the first screen's data and the sync status.
    public static func startEffects(for model: Model) -> [Effect] {
        if case .welcome = model.screen { return [] }
        return [.loadTopics, .loadStatus]
    }

    /// Loads the first screen and draws it.
    public func start() {
        dispatch(.resize(width: terminal.width, height: terminal.height))
        for effect in Self.startEffects(for: model) { perform(effect) }
        draw()
    }

    public func run() {
        start()
        var lastTick = Int64(0)
        while !model.quitting {
            if let event = terminal.nextEvent(timeoutMilliseconds: 250) {
                switch event {
                case .key(let key): dispatch(.key(key))
                case .mouse(let mouse): dispatch(.mouse(mouse))
                case .resize(let width, let height): dispatch(.resize(width: width, height: height))
                }
            }
            for message in runner.mailbox.drain() { dispatch(message) }
            let now = runner.clock()
            if now - lastTick >= 1000 {
                lastTick = now
                dispatch(.tick(now: now))
            }
            if !model.quitting { draw() }
        }
        terminal.shutdown()
    }

    /// Sends a message through `update` and performs the effects, until nothing is left.
    public func dispatch(_ message: Message) {
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Update.update(&model, next) { queue += runner.perform(effect) }
        }
    }

    func perform(_ effect: Effect) {
        for message in runner.perform(effect) { dispatch(message) }
    }

    /// Draws the current model. Public for benchmarks and tests, which use a terminal of their own.
    public func draw() {
        if buffer.width != model.width || buffer.height != model.height {
            buffer = Buffer(width: model.width, height: model.height)
        }
        let cursor = View.render(model, into: &buffer)
        terminal.draw(buffer, cursor: cursor)
    }
}
