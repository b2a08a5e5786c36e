import Testing
@testable import IntersessionCore

/// Hex is decoded for every id of every change read: from the string's own bytes when it has
/// them, and the same answer whatever the string's storage.
@Suite struct HexTests {
    @Test func decodesWhatItEncodedAndRefusesTheRest() {
        let bytes: [UInt8] = (0...255).map { UInt8($0) }
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("0aFf") == [0x0A, 0xFF])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("0g") == nil)
        #expect(Hex.decode("é0") == nil)
        #expect(Hex.decode("0 ") == nil)
    }

    @Test func aSubstringsCopyDecodesAlike() {
        let text = "xx" + Hex.encode([1, 2, 3, 250]) + "yy"
        let inner = String(text.dropFirst(2).dropLast(2))
        #expect(Hex.decode(inner) == [1, 2, 3, 250])
        // A lazily built string, whose bytes may not be contiguous.
        let built = String(String.UnicodeScalarView(Hex.encode([9, 8]).unicodeScalars))
        #expect(Hex.decode(built) == [9, 8])
    }
}
