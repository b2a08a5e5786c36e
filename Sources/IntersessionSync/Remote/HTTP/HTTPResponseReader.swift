/// Reads one answer from a connection: the head (within 64 KiB, 1xx interim answers skipped),
/// then the body as its framing says, within the request's limit.
struct HTTPResponseReader {
    let connection: SocketConnection
    let method: String
    let limit: Int

    static let headLimit = 64 * 1024
    static let chunkLineLimit = 4 * 1024

    /// The answer, and whether the connection may carry the next request.
    func read() throws(RemoteError) -> (response: HTTPResponse, reusable: Bool) {
        var head = try readHead()
        while (100..<200).contains(head.status) {
            guard head.status != 101 else { throw .badResponse("\(origin) switched protocols unasked") }
            head = try readHead()
        }
        let framing = try HTTPBodyFraming.of(head, method: method)
        let body = try readBody(framing)
        let reusable = head.keepsAlive && framing != .untilClose && connection.hasNoUnreadBytes
        return (HTTPResponse(status: head.status, headers: head.headers, body: body), reusable)
    }

    private var origin: String { connection.endpoint.origin }

    private func readHead() throws(RemoteError) -> HTTPResponseHead {
        var budget = Self.headLimit
        guard let statusLine = try connection.readLine(limit: budget, tooLong: headTooLarge()) else {
            throw .unreachable("\(origin) closed the connection without answering")
        }
        budget -= statusLine.count + 2
        let (minor, status) = try HTTPResponseHead.parseStatusLine(statusLine)
        var headers: [String: String] = [:]
        try readFields(into: &headers, budget: &budget)
        return HTTPResponseHead(minorVersion: minor, status: status, headers: headers)
    }

    /// Header or trailer lines up to the empty line that ends them.
    private func readFields(into headers: inout [String: String], budget: inout Int) throws(RemoteError) {
        while true {
            guard budget > 0 else { throw headTooLarge() }
            guard let line = try connection.readLine(limit: budget, tooLong: headTooLarge()) else { throw connection.cutShort() }
            budget -= line.count + 2
            if line.isEmpty { return }
            guard budget >= 0 else { throw headTooLarge() }
            // Obsolete line folding (RFC 9112 §5.2) is refused rather than guessed at.
            guard line[0] != UInt8(ascii: " ") && line[0] != UInt8(ascii: "\t") else {
                throw .badResponse("the answer from \(origin) folds a header line")
            }
            try HTTPResponseHead.addField(line, to: &headers)
        }
    }

    private func readBody(_ framing: HTTPBodyFraming) throws(RemoteError) -> [UInt8] {
        var body: [UInt8] = []
        switch framing {
        case .none:
            break
        case .length(let count):
            guard count <= limit else { throw tooLarge() }
            body.reserveCapacity(count)
            try connection.read(count: count, into: &body)
        case .chunked:
            try readChunks(into: &body)
        case .untilClose:
            guard try connection.readToEnd(into: &body, limit: limit) else { throw tooLarge() }
        }
        return body
    }

    /// `size[;extensions] CRLF data CRLF`… up to a zero size, then trailers (RFC 9112 §7.1),
    /// which are read and dropped.
    private func readChunks(into body: inout [UInt8]) throws(RemoteError) {
        while true {
            guard let line = try connection.readLine(limit: Self.chunkLineLimit, tooLong: chunkLineTooLong()) else { throw connection.cutShort() }
            let size = try chunkSize(line)
            if size == 0 { break }
            guard size <= limit - body.count else { throw tooLarge() }
            try connection.read(count: size, into: &body)
            guard let end = try connection.readLine(limit: Self.chunkLineLimit, tooLong: chunkLineTooLong()) else { throw connection.cutShort() }
            guard end.isEmpty else { throw .badResponse("a chunk from \(origin) is longer than its size") }
        }
        var trailers: [String: String] = [:]
        var budget = Self.headLimit
        try readFields(into: &trailers, budget: &budget)
    }

    private func chunkSize(_ line: [UInt8]) throws(RemoteError) -> Int {
        let digits = line.prefix { $0 != UInt8(ascii: ";") }.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard !digits.isEmpty, digits.count <= 15, let size = Int(String(decoding: digits, as: UTF8.self), radix: 16), size >= 0 else {
            throw .badResponse("the chunk size \"\(HTTPResponseHead.printable(line))\" from \(origin) is not a number")
        }
        return size
    }

    private func tooLarge() -> RemoteError { .tooLarge("the answer from \(origin)", limit: limit) }

    private func chunkLineTooLong() -> RemoteError {
        .badResponse("a chunk line from \(origin) is over \(Self.chunkLineLimit) bytes")
    }

    private func headTooLarge() -> RemoteError {
        .badResponse("the header of the answer from \(origin) is over \(Self.headLimit) bytes")
    }
}
