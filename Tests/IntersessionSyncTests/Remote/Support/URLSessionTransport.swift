import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import IntersessionSync

/// A TEST-ONLY transport on URLSession, to run the stores against real servers on loopback.
/// The product cannot use it: FoundationNetworking needs libcurl, which the static release binary
/// does not link. Tests are linked dynamically, so here it is fine.
struct URLSessionTransport: HTTPTransport {
    let session: URLSession

    init(timeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = timeout
        session = URLSession(configuration: configuration)
    }

    private final class Outcome: @unchecked Sendable {
        var data: Data?
        var response: URLResponse?
        var error: (any Error)?
    }

    func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse {
        guard let url = URL(string: request.endpoint.origin + request.target) else {
            throw .badResponse("not a URL: \(request.endpoint.origin)\(request.target)")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.addValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: urlRequest) { data, response, error in
            outcome.data = data
            outcome.response = response
            outcome.error = error
            done.signal()
        }.resume()
        done.wait()
        if let error = outcome.error { throw .unreachable(error.localizedDescription) }
        guard let response = outcome.response as? HTTPURLResponse else { throw .badResponse("no HTTP answer") }
        let body = [UInt8](outcome.data ?? Data())
        guard body.count <= request.responseLimit else { throw .tooLarge("the answer to \(request.method)", limit: request.responseLimit) }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return HTTPResponse(status: response.statusCode, headers: headers, body: body)
    }
}
