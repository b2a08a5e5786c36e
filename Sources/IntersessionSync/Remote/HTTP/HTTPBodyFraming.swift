import Foundation

/// How the body of an answer is delimited (RFC 9112 §6.3).
enum HTTPBodyFraming: Equatable {
    /// HEAD, 1xx, 204 and 304 answers.
    case none
    case length(Int)
    case chunked
    /// Neither Content-Length nor chunked: the body ends when the server closes.
    case untilClose

    static func of(_ head: HTTPResponseHead, method: String) throws(RemoteError) -> HTTPBodyFraming {
        if method == "HEAD" || (100..<200).contains(head.status) || head.status == 204 || head.status == 304 { return .none }
        if let codings = head.headers["transfer-encoding"] {
            // Nothing asked for another coding (no TE is sent): only chunked is read.
            let names = codings.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard names == ["chunked"] else { throw .badResponse("the transfer coding \"\(codings)\" is not supported") }
            return .chunked
        }
        if let length = head.headers["content-length"] {
            // A repeated field with one value is one length (`12, 12`); anything else is not.
            let values = Set(length.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            guard values.count == 1, let value = values.first, !value.isEmpty, value.count <= 18,
                  value.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(value)
            else { throw .badResponse("the Content-Length \"\(length.prefix(40))\" is not a length") }
            return .length(count)
        }
        return .untilClose
    }
}
