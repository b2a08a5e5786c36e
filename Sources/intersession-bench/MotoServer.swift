import Foundation
import IntersessionSync

/// `moto_server` (PyPI `moto[server]`) on a free port of 127.0.0.1, for the remote benchmark.
final class MotoServer {
    let process: Process
    let endpoint: HTTPEndpoint

    private init(process: Process, port: Int) {
        self.process = process
        endpoint = HTTPEndpoint(secure: false, host: "127.0.0.1", port: port)
    }

    static func start() throws -> MotoServer {
        let port = Int.random(in: 20_000...60_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw BenchmarkError("cannot start moto_server (pip install 'moto[server]'): \(error)") }
        let server = MotoServer(process: process, port: port)
        // moto imports much of Python's world before it listens: seconds, more on a busy machine.
        for _ in 0..<600 {
            if (try? SocketTransport().send(HTTPRequest(method: "GET", endpoint: server.endpoint, target: "/"))) != nil { return server }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        server.stop()
        throw BenchmarkError("moto_server did not answer on port \(port)")
    }

    func createBucket(_ name: String) throws {
        let answer = try SocketTransport().send(HTTPRequest(method: "PUT", endpoint: endpoint, target: "/" + name))
        guard answer.status == 200 else { throw BenchmarkError("moto_server did not make the bucket: HTTP \(answer.status)") }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
