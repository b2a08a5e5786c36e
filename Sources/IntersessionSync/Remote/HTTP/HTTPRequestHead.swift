/// The bytes of a request's head: request line, `Host`, `Content-Length` (always, so that a
/// server never waits for a body of unknown length), the request's own fields, empty line.
enum HTTPRequestHead {
    static func encode(_ request: HTTPRequest) throws(RemoteError) -> [UInt8] {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(HTTPResponseHead.isTokenByte) else {
            throw .notConfigured("the HTTP method \"\(request.method.prefix(20))\" is not a token")
        }
        guard !request.target.isEmpty, request.target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .notConfigured("a request path holds a space or a control character")
        }
        var text = "\(request.method) \(request.target) HTTP/1.1\r\n"
        text += "Host: \(request.endpoint.hostHeader)\r\n"
        text += "Content-Length: \(request.body.count)\r\n"
        for (name, value) in request.headers {
            let lowered = name.lowercased()
            // The transport's own, which the message types say it adds.
            if lowered == "host" || lowered == "content-length" { continue }
            guard !name.isEmpty, name.utf8.allSatisfy(HTTPResponseHead.isTokenByte) else {
                throw .notConfigured("the header name \"\(name.prefix(40))\" is not a token")
            }
            // Never the value in the message: it may be a credential.
            guard !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .notConfigured("the value of the header \(name) holds a line break")
            }
            text += "\(name): \(value)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }
}
