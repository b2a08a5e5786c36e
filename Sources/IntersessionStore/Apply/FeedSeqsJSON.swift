import IntersessionCore

/// Each feed's seq, as stored: a JSON object from feed hex to seq.
enum FeedSeqsJSON {
    static func encode(_ seqs: [FeedID: Int64]) -> String {
        String(decoding: CanonicalJSON.encode(.object(Dictionary(uniqueKeysWithValues: seqs.map { ($0.key.hex, JSONValue.int($0.value)) }))),
               as: UTF8.self)
    }

    static func decode(_ text: String) -> [FeedID: Int64] {
        guard let entries = (try? JSONParser.parse(Array(text.utf8)))?.objectValue else { return [:] }
        var seqs: [FeedID: Int64] = [:]
        for (key, value) in entries { if let feed = FeedID(hex: key), let seq = value.intValue { seqs[feed] = seq } }
        return seqs
    }
}
