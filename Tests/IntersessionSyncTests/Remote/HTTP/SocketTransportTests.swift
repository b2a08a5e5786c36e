#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import IntersessionSync

/// The HTTP/1.1 client against a real server on the loopback interface.
@Suite struct SocketTransportTests {
    func get(_ server: TestHTTPServer, _ target: String, method: String = "GET", body: [UInt8] = [],
             limit: Int = 16 << 20) -> HTTPRequest {
        HTTPRequest(method: method, endpoint: server.endpoint(), target: target, body: body, responseLimit: limit)
    }

    @Test func keptAliveConnectionCarriesSeveralRequests() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        let answers = try (0..<4).map { _ in try transport.send(get(server, "/hello")) }
        #expect(answers.map(\.status) == [200, 200, 200, 200])
        #expect(answers.map { String(decoding: $0.body, as: UTF8.self) } == ["hello", "hello", "hello", "hello"])
        #expect(Set(answers.map { $0.headers["x-connection"] }) == ["1"])
    }

    @Test func requestHeadNamesHostAndContentLength() throws {
        let server = try TestHTTPServer()
        let answer = try SocketTransport().send(get(server, "/hello"))
        #expect(answer.headers["x-request-host"] == "127.0.0.1:\(server.port)")
        #expect(answer.headers["x-request-content-length"] == "0")
        #expect(answer.headers["content-length"] == "5")
    }

    @Test func chunkedAnswerIsJoined() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        let answer = try transport.send(get(server, "/chunked"))
        #expect(answer.body == Array(("first second, longer " + String(repeating: "x", count: 5000) + " last").utf8))
        // The trailer was read to its end: the connection carries the next request.
        #expect(try transport.send(get(server, "/hello")).headers["x-connection"] == "1")
    }

    @Test func largeBodyArrivesWhole() throws {
        let server = try TestHTTPServer()
        let count = 5 * 1024 * 1024 + 17
        let answer = try SocketTransport().send(get(server, "/large/\(count)"))
        #expect(answer.body.count == count)
        #expect(answer.body == (0..<count).map { UInt8($0 % 251) })
    }

    @Test func bodyOverTheLimitIsRefused() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        for target in ["/large/100000", "/chunked", "/until-close"] {
            #expect(throws: RemoteError.tooLarge("the answer from http://127.0.0.1:\(server.port)", limit: 10)) {
                try transport.send(get(server, target, limit: 10))
            }
        }
        #expect(try transport.send(get(server, "/large/10", limit: 10)).body.count == 10)
    }

    @Test func putBodyIsReceivedIntact() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        var generator = SystemRandomNumberGenerator()
        let body = (0..<(3 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let answer = try transport.send(get(server, "/echo", method: "PUT", body: body))
        #expect(answer.headers["x-request-content-length"] == String(body.count))
        #expect(answer.body == body)
        let small = try transport.send(get(server, "/echo", method: "PUT", body: Array("small".utf8)))
        #expect(small.body == Array("small".utf8))
        let empty = try transport.send(get(server, "/echo", method: "PUT"))
        #expect(empty.headers["x-request-content-length"] == "0" && empty.body.isEmpty)
        #expect(Set([answer, small, empty].map { $0.headers["x-connection"] }) == ["1"])
    }

    @Test func headAnswerHasNoBody() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        let answer = try transport.send(get(server, "/hello", method: "HEAD"))
        #expect(answer.status == 200 && answer.headers["content-length"] == "5" && answer.body.isEmpty)
        let next = try transport.send(get(server, "/hello"))
        #expect(next.body == Array("hello".utf8) && next.headers["x-connection"] == "1")
    }

    @Test func noContentAndInterimAnswersKeepTheConnection() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        #expect(try transport.send(get(server, "/status/204")).status == 204)
        #expect(try transport.send(get(server, "/status/304")).status == 304)
        let interim = try transport.send(get(server, "/interim"))
        #expect(interim.status == 200 && interim.body == Array("after interim".utf8))
        #expect(try transport.send(get(server, "/hello")).headers["x-connection"] == "1")
    }

    @Test func bodyUntilCloseAndConnectionCloseAreNotReused() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        #expect(try transport.send(get(server, "/until-close")).body == Array("all of it until the close".utf8))
        #expect(try transport.send(get(server, "/connection-close")).headers["x-connection"] == "2")
        #expect(try transport.send(get(server, "/hello")).headers["x-connection"] == "3")
    }

    @Test func refusedConnectionIsUnreachable() throws {
        let port = try Self.portNobodyListensOn()
        let request = HTTPRequest(method: "GET", endpoint: HTTPEndpoint(secure: false, host: "127.0.0.1", port: port), target: "/")
        let error = #expect(throws: RemoteError.self) { try SocketTransport().send(request) }
        #expect(error == .unreachable("127.0.0.1 port \(port): connection refused"))
        #expect(error?.isTransient == true)
    }

    @Test func unknownHostIsUnreachable() throws {
        let request = HTTPRequest(method: "GET", endpoint: HTTPEndpoint(secure: false, host: "no-such-host.invalid"), target: "/")
        let error = #expect(throws: RemoteError.self) { try SocketTransport().send(request) }
        guard case .unreachable(let why) = error else { return }
        #expect(why.hasPrefix("no-such-host.invalid could not be found"))
    }

    @Test func closingMidBodyIsAnErrorNotAShortBody() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        for target in ["/truncated", "/truncated-chunked"] {
            #expect(throws: RemoteError.unreachable("http://127.0.0.1:\(server.port) closed the connection before the answer was complete")) {
                try transport.send(get(server, target))
            }
        }
    }

    @Test func staleKeptAliveConnectionIsReplaced() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        // Closed while idle: seen before the request is sent.
        #expect(try transport.send(get(server, "/closes-after")).headers["x-connection"] == "1")
        let second = try transport.send(get(server, "/hello"))
        #expect(second.body == Array("hello".utf8) && second.headers["x-connection"] == "2")
        // Closed as the request arrives, unanswered: the request goes again on a new connection.
        #expect(try transport.send(get(server, "/drops-next")).headers["x-connection"] == "2")
        let third = try transport.send(get(server, "/echo", method: "PUT", body: Array("again".utf8)))
        #expect(third.body == Array("again".utf8) && third.headers["x-connection"] == "3")
    }

    @Test func malformedAnswersAreBadResponses() throws {
        let server = try TestHTTPServer()
        let transport = SocketTransport()
        #expect(throws: RemoteError.badResponse("the status line \"HTTX/1.1 200 OK\" is not HTTP/1.x")) {
            try transport.send(get(server, "/malformed"))
        }
        #expect(throws: RemoteError.badResponse("the header of the answer from http://127.0.0.1:\(server.port) is over 65536 bytes")) {
            try transport.send(get(server, "/huge-head"))
        }
    }

    @Test func ipv6LiteralIsReached() throws {
        let server = try TestHTTPServer(host: "::1")
        let answer = try SocketTransport().send(get(server, "/hello"))
        #expect(answer.body == Array("hello".utf8))
        #expect(answer.headers["x-request-host"] == "[::1]:\(server.port)")
    }

    @Test func headerValuesWithLineBreaksAreNotSent() throws {
        let server = try TestHTTPServer()
        var request = get(server, "/hello")
        request.headers = [("X-Injected", "a\r\nEvil: yes")]
        #expect(throws: RemoteError.notConfigured("the value of the header X-Injected holds a line break")) {
            try SocketTransport().send(request)
        }
    }

    /// A port bound and not listened on: connecting to it is refused, and nothing else takes it.
    static func portNobodyListensOn() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestHTTPServer.ServerFailed(what: "no port") }
        heldPorts.append(fd)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Sockets kept bound for the process's life, so that their ports stay refused.
nonisolated(unsafe) private var heldPorts: [Int32] = []
