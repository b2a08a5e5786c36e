import Testing
@testable import IntersessionCore

@Suite struct CanonicalJSONTests {
    @Test func sortsKeysByBytesAndWritesCompactly() {
        let value: JSONValue = ["b": 1, "a": ["z": true, "é": nil, "Z": "x"], "c": [1, -2, "three"]]
        let text = String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
        #expect(text == #"{"a":{"Z":"x","z":true,"é":null},"b":1,"c":[1,-2,"three"]}"#)
    }

    @Test func escapesOnlyQuotesBackslashesAndControls() {
        let text = String(decoding: CanonicalJSON.encode(.string("a\"b\\c\nd\u{01}é/漢")), as: UTF8.self)
        #expect(text == #""a\"b\\c\nd\u0001é/漢""#)
    }

    @Test(arguments: [
        JSONValue.null, true, 0, .int(Int64.min), .int(Int64.max), "",
        "Réponse \u{1F44D}\u{1F3FD} \t\r\n\u{0}", [], [:], ["nested": [["deep": [1, 2, [3]]]]],
    ])
    func roundTrips(_ value: JSONValue) throws {
        let bytes = CanonicalJSON.encode(value)
        #expect(try JSONParser.parse(bytes) == value)
        #expect(CanonicalJSON.encode(try JSONParser.parse(bytes)) == bytes)
    }

    @Test func parsesEscapesAndSurrogatePairs() throws {
        let parsed = try JSONParser.parse(Array(#" { "k" : "\u00e9\ud83d\ude00\/\b" } "#.utf8))
        #expect(parsed == ["k": "é😀/\u{8}"])
    }

    @Test(arguments: [
        "1.5", "1e3", "01", "{\"a\":1,\"a\":2}", "[1,]", "{\"a\" 1}", "\"\u{1}\"", "[1] x", "tru", "\"\\ud800\"",
        "99999999999999999999", "", "{", "\"abc",
    ])
    func refusesWhatTheFormatDoesNotAllow(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]) }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }
}
