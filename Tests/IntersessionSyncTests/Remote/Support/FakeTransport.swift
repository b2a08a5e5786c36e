import Foundation
@testable import IntersessionSync

/// A transport that answers from a function of the request and remembers every request, for
/// tests that need an exact answer or a failure no real server gives on demand.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    private let answer: @Sendable (HTTPRequest, Int) throws(RemoteError) -> HTTPResponse

    /// `answer` is given each request and how many came before it.
    init(_ answer: @escaping @Sendable (HTTPRequest, Int) throws(RemoteError) -> HTTPResponse) {
        self.answer = answer
    }

    /// Answers with `responses` in turn, the last one again once they are used up.
    convenience init(_ responses: [HTTPResponse]) {
        self.init { _, index in responses[min(index, responses.count - 1)] }
    }

    var requests: [HTTPRequest] { lock.lock(); defer { lock.unlock() }; return sent }

    func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse {
        lock.lock()
        let index = sent.count
        sent.append(request)
        lock.unlock()
        return try answer(request, index)
    }
}

extension HTTPRequest {
    func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }
}

extension HTTPResponse {
    static func xml(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["content-type": "application/xml"], body: Array(text.utf8))
    }

    static func s3Error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(message)</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>")
    }
}
