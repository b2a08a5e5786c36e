import Foundation
import Testing
@testable import IntersessionStore

/// The key and settings files are trimmed without Foundation's `CharacterSet` (issue 14's
/// start-up), by the same set of whitespace: every scalar Foundation trims, and no other.
@Suite struct WhitespaceTrimTests {
    @Test func itTrimsWhatFoundationTrims() {
        // Every scalar, around a word.
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar) + "ab" + String(scalar) + String(scalar)
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
        }
        #expect("  ed25519:00ff \n".trimmingWhitespace() == "ed25519:00ff")
        #expect("\u{200B}x\u{200B}".trimmingWhitespace() == "x")
        #expect(" \t\n ".trimmingWhitespace() == "")
        #expect("a = b"[...].trimmingWhitespace() == "a = b")
    }
}
