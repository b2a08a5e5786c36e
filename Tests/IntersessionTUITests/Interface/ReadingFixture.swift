import Foundation
import IntersessionCore
@testable import IntersessionTUI

/// A delegate in a thread whose newest reply is long (longer than any reading pane), opened
/// on that reply.
struct ReadingFixture {
    let fixture: DemoFixture
    let longPost: String
    static let lastLine = "This is the last line of the long reply."

    static func withLongPost(width: Int = 80, height: Int = 24, language: Language = .en, plain: Bool = false) throws -> ReadingFixture {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language, width: width, height: height, plain: plain)
        fixture.press(.enter, .enter)
        guard case .thread(let thread) = fixture.runtime.model.screen, let first = thread.list.items.first else {
            throw FixtureError("no thread")
        }
        let body = (1...40).map { "Paragraph \($0) of a long reply, long enough to wrap at sixty columns and more." }.joined(separator: "\n\n")
            + "\n\n" + lastLine
        let id = try fixture.session.actions(clock: { DemoFixture.now }).reply(to: first.id, body: body)
        fixture.perform(.loadThread(id: thread.id))
        guard case .thread(let loaded) = fixture.runtime.model.screen, let index = loaded.list.items.firstIndex(where: { $0.id == id.hex }) else {
            throw FixtureError("the long reply is not in the thread")
        }
        fixture.press(.home)
        for _ in 0..<index { fixture.press(.down) }
        return ReadingFixture(fixture: fixture, longPost: id.hex)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
