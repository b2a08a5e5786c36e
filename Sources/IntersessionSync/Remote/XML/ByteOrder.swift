/// Keys compared as the stores and the sync compare them: by their UTF-8 bytes, not by Swift's
/// `String` ordering (which looks through canonical equivalence and would call `é` written in
/// two ways the same key).
extension String {
    func hasBytePrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    func bytesPrecede(_ other: String) -> Bool { utf8.lexicographicallyPrecedes(other.utf8) }

    /// What follows `prefix`, which the string starts with.
    func droppingBytePrefix(_ prefix: String) -> String {
        String(decoding: utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }
}

extension Array where Element == RemoteObject {
    /// In byte order of the keys, sorting only when the server did not already.
    func inByteOrder() -> [RemoteObject] {
        let ordered = zip(self, dropFirst()).allSatisfy { $0.key.bytesPrecede($1.key) }
        return ordered ? self : sorted { $0.key.bytesPrecede($1.key) }
    }
}
