import Foundation
import GRDB
import IntersessionCore

/// The JSON columns of the poll tables.
enum PollJSON {
    static func strings(_ values: [String]) -> String {
        String(decoding: CanonicalJSON.encode(.array(values.map { .string($0) })), as: UTF8.self)
    }

    static func frontier(_ frontier: [FeedID: Int64]) -> String {
        String(decoding: CanonicalJSON.encode(.object(Dictionary(uniqueKeysWithValues: frontier.map { ($0.key.hex, JSONValue.int($0.value)) }))),
               as: UTF8.self)
    }

    static func closeFrontier(_ frontier: [FeedID: FeedHead]) -> String {
        String(decoding: CanonicalJSON.encode(CloseFrontier.json(frontier)), as: UTF8.self)
    }

    static func closeFrontier(_ text: String) -> [FeedID: FeedHead] {
        parse(text).flatMap(CloseFrontier.decode(json:)) ?? [:]
    }

    static func parse(_ text: String) -> JSONValue? { try? JSONParser.parse(Array(text.utf8)) }

    static func stringList(_ text: String) -> [String] { parse(text)?.arrayValue?.compactMap(\.stringValue) ?? [] }

    static func frontier(_ text: String) -> [String: Int64] {
        (parse(text)?.objectValue ?? [:]).compactMapValues(\.intValue)
    }

    static func poll(_ db: Database, id: String) throws -> PollCreate? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT kind, title, text, options, electorate, unit, deadline, hidden, majority, seat FROM poll WHERE id = ?
            """, arguments: [id]),
            let kind = PollKind(rawValue: row[0]), let unit = PollUnit(rawValue: row[5])
        else { return nil }
        return PollCreate(
            kind: kind, title: row[1], text: row[2], options: stringList(row[3]),
            electorate: stringList(row[4]).compactMap(Role.init(rawValue:)), unit: unit, deadline: row[6],
            hiddenUntilClose: row[7], majority: Majority(rawValue: row[8]) ?? .simple,
            seat: (row[9] as String?).flatMap(Seat.init(rawValue:)))
    }
}
