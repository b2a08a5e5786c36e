/// One page of a ListObjectsV2 answer.
struct S3ListPage: Sendable, Equatable {
    var objects: [RemoteObject]
    var isTruncated: Bool
    var nextContinuationToken: String?
}

/// The XML bodies S3 answers with: listings and errors.
enum S3Answers {
    static func listPage(_ body: [UInt8]) throws(RemoteError) -> S3ListPage {
        let root = try XMLReader.parse(body)
        guard root.name == "ListBucketResult" else {
            throw .badResponse("expected a ListBucketResult, got <\(root.name)>")
        }
        var objects: [RemoteObject] = []
        for contents in root.children("Contents") {
            // A key is read exactly: spaces at its ends belong to it.
            guard let key = contents.child("Key")?.text, !key.isEmpty else {
                throw .badResponse("a listed object without a key")
            }
            guard let sizeText = contents.value("Size"), let size = Int64(sizeText), size >= 0 else {
                throw .badResponse("a listed object without a size")
            }
            objects.append(RemoteObject(key: key, size: size, tag: contents.value("ETag")))
        }
        let truncated = root.value("IsTruncated")?.lowercased() == "true"
        let token = root.child("NextContinuationToken")?.text
        return S3ListPage(objects: objects, isTruncated: truncated, nextContinuationToken: token?.isEmpty == false ? token : nil)
    }

    /// The `Code` and `Message` of an `<Error>` body; nil when the body is not one.
    static func error(_ body: [UInt8]) -> (code: String, message: String)? {
        guard !body.isEmpty, let root = try? XMLReader.parse(body, elementLimit: 1000) else { return nil }
        let error = root.name == "Error" ? root : root.child("Error")
        guard let error, let code = error.value("Code") else { return nil }
        return (code, error.value("Message") ?? "")
    }
}
