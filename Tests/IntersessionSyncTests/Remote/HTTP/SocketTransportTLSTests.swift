import Foundation
import Testing
@testable import IntersessionSync

/// HTTPS through the system's OpenSSL, against a server with a self-signed certificate.
@Suite struct SocketTransportTLSTests {
    let folder = TemporaryFolder()

    func request(_ server: TestHTTPServer, host: String? = nil, _ target: String = "/hello", method: String = "GET",
                 body: [UInt8] = []) -> HTTPRequest {
        HTTPRequest(method: method, endpoint: server.endpoint(secure: true, host: host), target: target, body: body)
    }

    func localServer() throws -> (TestHTTPServer, TestCertificate) {
        let certificate = try TestCertificate(in: folder.path, name: "localhost", subjectAltName: "DNS:localhost,IP:127.0.0.1")
        return (try TestHTTPServer(certificate: certificate.certificate, key: certificate.key), certificate)
    }

    @Test func succeedsWithTheCAFile() throws {
        let (server, certificate) = try localServer()
        let transport = SocketTransport(caFile: certificate.certificate)
        let byAddress = try transport.send(request(server))
        #expect(byAddress.status == 200 && byAddress.body == Array("hello".utf8))
        #expect(try transport.send(request(server)).headers["x-connection"] == "1")
        let byName = try transport.send(request(server, host: "localhost"))
        #expect(byName.body == Array("hello".utf8) && byName.headers["x-request-host"] == "localhost:\(server.port)")
    }

    @Test func carriesLargeBodiesBothWays() throws {
        let (server, certificate) = try localServer()
        let transport = SocketTransport(caFile: certificate.certificate)
        let count = 3 * 1024 * 1024 + 5
        #expect(try transport.send(request(server, "/large/\(count)")).body == (0..<count).map { UInt8($0 % 251) })
        let body = (0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(try transport.send(request(server, "/echo", method: "PUT", body: body)).body == body)
        #expect(try transport.send(request(server, "/chunked")).body.count == 5026)
    }

    @Test func failsWithoutTheCAFile() throws {
        let (server, _) = try localServer()
        let error = #expect(throws: RemoteError.self) { try SocketTransport().send(request(server)) }
        #expect(error == .unreachable("the certificate of 127.0.0.1 was not accepted: self-signed certificate"))
    }

    @Test func failsForAnotherHostName() throws {
        let certificate = try TestCertificate(in: folder.path, name: "elsewhere", subjectAltName: "DNS:elsewhere.invalid")
        let server = try TestHTTPServer(certificate: certificate.certificate, key: certificate.key)
        let transport = SocketTransport(caFile: certificate.certificate)
        let byAddress = #expect(throws: RemoteError.self) { try transport.send(request(server)) }
        #expect(byAddress == .unreachable("the certificate of 127.0.0.1 was not accepted: IP address mismatch"))
        let byName = #expect(throws: RemoteError.self) { try transport.send(request(server, host: "localhost")) }
        #expect(byName == .unreachable("the certificate of localhost was not accepted: hostname mismatch"))
    }

    @Test func closingMidBodyIsAnError() throws {
        let (server, certificate) = try localServer()
        let transport = SocketTransport(caFile: certificate.certificate)
        #expect(throws: RemoteError.unreachable("https://127.0.0.1:\(server.port) closed the connection before the answer was complete")) {
            try transport.send(request(server, "/truncated"))
        }
        #expect(try transport.send(request(server, "/closes-after")).status == 200)
        #expect(try transport.send(request(server)).status == 200)
    }

    @Test func unreadableCAFileIsAClearError() throws {
        let (server, _) = try localServer()
        let error = #expect(throws: RemoteError.self) {
            try SocketTransport(caFile: folder.path + "/missing.pem").send(request(server))
        }
        guard case .notConfigured(let why) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(why.hasPrefix("the CA file could not be read"))
    }
}
