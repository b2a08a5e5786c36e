import Foundation
import Testing
@testable import IntersessionSync

@Suite struct RetryingTests {
    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var waits: [Double] = []
        var all: [Double] { lock.lock(); defer { lock.unlock() }; return waits }
        func record(_ seconds: Double) { lock.lock(); waits.append(seconds); lock.unlock() }
    }

    let request = HTTPRequest(method: "GET", endpoint: HTTPEndpoint(secure: false, host: "127.0.0.1", port: 9), target: "/")

    func retrying(_ transport: FakeTransport, _ sleeps: Sleeps, random: Double = 0.5) -> Retrying {
        Retrying(transport, sleep: { sleeps.record($0) }, random: { random })
    }

    @Test(arguments: [500, 502, 503, 504, 429])
    func aPassingFailureIsRetriedWithGrowingWaits(_ status: Int) throws {
        let transport = FakeTransport([HTTPResponse(status: status), HTTPResponse(status: status), HTTPResponse(status: 200)])
        let sleeps = Sleeps()
        #expect(try retrying(transport, sleeps).send(request).status == 200)
        #expect(transport.requests.count == 3)
        // Half the wait plus the jitter's share of the other half: 0.1 then 0.2, at random 0.5.
        #expect(sleeps.all.count == 2)
        #expect(abs(sleeps.all[0] - 0.075) < 1e-9 && abs(sleeps.all[1] - 0.15) < 1e-9)
    }

    @Test func afterTheLastAttemptTheLastAnswerIsReturned() throws {
        let transport = FakeTransport { _, index in HTTPResponse(status: 503, body: Array("try \(index)".utf8)) }
        let sleeps = Sleeps()
        let response = try retrying(transport, sleeps, random: 0).send(request)
        #expect(response.status == 503 && response.body == Array("try 4".utf8))
        #expect(transport.requests.count == 5)
        #expect(sleeps.all == [0.05, 0.1, 0.2, 0.4])
    }

    @Test func jitterStaysBetweenHalfAndAllOfTheWait() throws {
        let transport = FakeTransport([HTTPResponse(status: 500), HTTPResponse(status: 200)])
        let sleeps = Sleeps()
        _ = try retrying(transport, sleeps, random: 0.999).send(request)
        #expect(sleeps.all[0] > 0.099 && sleeps.all[0] < 0.1)
    }

    @Test func retryAfterSecondsAreHonouredUpToTheCap() throws {
        let transport = FakeTransport([HTTPResponse(status: 429, headers: ["retry-after": "3"]),
                                       HTTPResponse(status: 503, headers: ["retry-after": "3600"]),
                                       HTTPResponse(status: 503, headers: ["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"]),
                                       HTTPResponse(status: 200)])
        let sleeps = Sleeps()
        #expect(try retrying(transport, sleeps, random: 0).send(request).status == 200)
        #expect(sleeps.all == [3, 20, 0.2])
    }

    @Test func noAnswerIsRetriedThenRethrown() throws {
        let calls = FakeTransport { _, index throws(RemoteError) in
            if index < 2 { throw .unreachable("connection refused") }
            return HTTPResponse(status: 200)
        }
        #expect(try retrying(calls, Sleeps()).send(request).status == 200)
        let never = FakeTransport { _, _ throws(RemoteError) in throw .unreachable("connection refused") }
        #expect(throws: RemoteError.unreachable("connection refused")) { try retrying(never, Sleeps()).send(request) }
        #expect(never.requests.count == 5)
    }

    @Test(arguments: [200, 201, 301, 400, 403, 404, 409, 412, 501])
    func otherAnswersAreNotRetried(_ status: Int) throws {
        let transport = FakeTransport([HTTPResponse(status: status)])
        let sleeps = Sleeps()
        #expect(try retrying(transport, sleeps).send(request).status == status)
        #expect(transport.requests.count == 1 && sleeps.all.isEmpty)
    }

    @Test func otherErrorsAreNotRetried() {
        let transport = FakeTransport { _, _ throws(RemoteError) in throw .badResponse("broken chunk") }
        #expect(throws: RemoteError.badResponse("broken chunk")) { try retrying(transport, Sleeps()).send(request) }
        #expect(transport.requests.count == 1)
    }
}
