"""A reverse proxy on 127.0.0.1 that fails one request in N with 503 SlowDown, as a throttled
or failing object store would, and forwards the others unchanged to the upstream server.

    python3 flaky_proxy.py PORT_FILE UPSTREAM_PORT EVERY

It listens on a free port, writes the port to PORT_FILE, and serves until killed. Loopback
only: the upstream is always 127.0.0.1."""
import http.client, http.server, socketserver, sys, threading

port_file, upstream, every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lock = threading.Lock()
count = [0]

class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with lock:
            count[0] += 1
            failing = every > 0 and count[0] % every == 0
        if failing:
            text = b"<Error><Code>SlowDown</Code><Message>injected by the test proxy</Message></Error>"
            self.send_response(503)
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text)
            return
        connection = http.client.HTTPConnection("127.0.0.1", upstream, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
        connection.request(self.command, self.path, body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        connection.close()

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = do_PROPFIND = do_MKCOL = forward

    def log_message(self, *args):
        pass

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

server = Server(("127.0.0.1", 0), Proxy)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
