import Foundation
@testable import IntersessionSync

/// A small HTTP/1.1 server in Python 3, run for one test: it listens on port 0 of a loopback
/// address, prints the port, serves each connection on a thread (over TLS when given a
/// certificate), and numbers the connections it accepted in an `X-Connection` header.
final class TestHTTPServer {
    let port: Int
    let host: String
    private let process: Process

    init(host: String = "127.0.0.1", certificate: String? = nil, key: String? = nil) throws {
        self.host = host
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-c", Self.script, host] + [certificate, key].compactMap { $0 }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let more = output.fileHandleForReading.availableData
            guard !more.isEmpty else { throw ServerFailed(what: "the test server did not start") }
            printed += more
        }
        let line = String(decoding: printed, as: UTF8.self).split(separator: "\n")[0]
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else { throw ServerFailed(what: "the test server printed \(line)") }
        self.port = port
    }

    // SIGKILL, not `terminate()`'s SIGTERM: a child of a test thread inherits its signal mask,
    // in which SIGTERM may be blocked.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func endpoint(secure: Bool = false, host: String? = nil) -> HTTPEndpoint {
        HTTPEndpoint(secure: secure, host: host ?? self.host, port: port)
    }

    struct ServerFailed: Error { let what: String }

    /// Paths: /hello, /chunked, /large/<bytes>, /echo (the request's body back), /status/<code>,
    /// /interim (a 100 first), /until-close, /connection-close, /truncated, /truncated-chunked,
    /// /closes-after (answers, then closes), /drops-next (answers, then closes when the next
    /// request arrives, unanswered), /malformed, /huge-head. Each answer names the connection
    /// and echoes the request's Host and Content-Length.
    static let script = #"""
import signal, socket, ssl, sys, threading

signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
counter = [0]
lock = threading.Lock()

def main():
    host = sys.argv[1]
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, 0))
    listener.listen(32)
    context = None
    if len(sys.argv) > 3:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
    print("PORT", listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        with lock:
            counter[0] += 1
            number = counter[0]
        threading.Thread(target=serve, args=(conn, number, context), daemon=True).start()

def read_request(reader):
    line = reader.readline(65537)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers = {}
    while True:
        field = reader.readline(65537)
        if field in (b"\r\n", b"\n", b""):
            break
        name, value = field.decode("latin-1").split(":", 1)
        headers[name.strip().lower()] = value.strip()
    body = reader.read(int(headers.get("content-length", "0")))
    return method, target, headers, body

def serve(conn, number, context):
    try:
        if context is not None:
            conn = context.wrap_socket(conn, server_side=True)
        reader = conn.makefile("rb")
        drop_next = False
        while True:
            request = read_request(reader)
            if request is None or drop_next:
                return
            after = respond(conn, number, *request)
            if after == "close":
                return
            drop_next = after == "drop-next"
    except Exception:
        pass
    finally:
        try:
            conn.close()
        except Exception:
            pass

def head(status, fields):
    lines = ["HTTP/1.1 %d Status" % status] + ["%s: %s" % field for field in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

def respond(conn, number, method, target, headers, body):
    common = [("X-Connection", number), ("X-Request-Host", headers.get("host", "")),
              ("X-Request-Content-Length", headers.get("content-length", "none"))]
    def send(status, payload, extra=(), framing=True):
        fields = common + list(extra) + ([("Content-Length", len(payload))] if framing else [])
        conn.sendall(head(status, fields) + (b"" if method == "HEAD" else payload))
    if target == "/hello":
        send(200, b"hello")
    elif target == "/chunked":
        chunks = [b"first ", b"second, longer ", b"x" * 5000, b" last"]
        data = b"".join(b"%x;ext=1\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\nX-Trailer: yes\r\n\r\n"
        conn.sendall(head(200, common + [("Transfer-Encoding", "chunked")]) + data)
    elif target.startswith("/large/"):
        count = int(target[7:])
        send(200, (bytes(range(251)) * (count // 251 + 1))[:count])
    elif target == "/echo":
        send(200, body)
    elif target.startswith("/status/"):
        conn.sendall(head(int(target[8:]), common))
    elif target == "/interim":
        conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        send(200, b"after interim")
    elif target == "/until-close":
        conn.sendall(head(200, common) + b"all of it until the close")
        return "close"
    elif target == "/connection-close":
        send(200, b"closing", [("Connection", "close")])
        return "close"
    elif target == "/truncated":
        conn.sendall(head(200, common + [("Content-Length", 1000)]) + b"y" * 100)
        return "close"
    elif target == "/truncated-chunked":
        conn.sendall(head(200, common + [("Transfer-Encoding", "chunked")]) + b"100\r\n" + b"z" * 50)
        return "close"
    elif target == "/closes-after":
        send(200, b"then closed")
        return "close"
    elif target == "/drops-next":
        send(200, b"next one dropped")
        return "drop-next"
    elif target == "/malformed":
        conn.sendall(b"HTTX/1.1 200 OK\r\n\r\n")
        return "close"
    elif target == "/huge-head":
        send(200, b"", [("X-Filler-%d" % i, "f" * 1000) for i in range(70)])
    else:
        send(404, b"no such path")

main()
"""#
}

/// A self-signed certificate and its key, made with the `openssl` command in a folder.
struct TestCertificate {
    let certificate: String
    let key: String

    init(in folder: String, name: String, subjectAltName: String) throws {
        certificate = folder + "/\(name).pem"
        key = folder + "/\(name)-key.pem"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                             "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=\(name)",
                             "-addext", "subjectAltName=\(subjectAltName)"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestHTTPServer.ServerFailed(what: "openssl req failed") }
    }
}
