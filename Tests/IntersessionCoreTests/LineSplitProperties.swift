import Foundation
import Testing
import IntersessionCore

/// `linesAsSplit` (the byte scan `show` prints bodies with) gives exactly the lines that
/// splitting by characters gives, on random texts of line feeds, carriage returns, combining
/// marks, emoji and wide characters.
@Suite struct LineSplitProperties {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["INTERSESSION_SEEDS"].flatMap(Int.init).map { max(1, $0) } ?? 3
        let base = environment["INTERSESSION_SEED_BASE"].flatMap(UInt64.init) ?? 0
        return (0..<UInt64(count)).map { base + $0 }
    }

    static let pieces = ["\n", "\r", "\r\n", "\n\r", "a", "é", "e\u{301}", "\u{301}", "👩‍💻", "🇫🇷", "字", " ", "\t", "\u{2028}", "\u{85}", ""]

    @Test(arguments: seeds) func theByteScanSplitsAsCharactersDo(seed: UInt64) {
        var random = SplitMix64(seed: seed &+ 14_300)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(text.linesAsSplit == text.split(separator: "\n", omittingEmptySubsequences: false), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aCarriageReturnAndLineFeedIsOneCharacter() {
        #expect("a\r\nb\nc".linesAsSplit == ["a\r\nb", "c"])
        #expect("\n".linesAsSplit == ["", ""])
        #expect("".linesAsSplit == [""])
    }
}
