/// How many terminal columns text occupies. Columns, not characters: `String.count` counts
/// grapheme clusters, and a CJK ideograph or an emoji takes two columns while a combining
/// accent takes none.
enum CellWidth {
    /// The width of one grapheme cluster: 0, 1 or 2.
    static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            // `asciiValue` of "\r\n" is 10, so the pair counts as the control it is.
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first, first.properties.generalCategory != .control else { return 0 }

        var base: Unicode.Scalar?
        var emojiSelector = false
        var emojiModifier = false
        var regionalIndicators = 0
        for scalar in scalars {
            if scalar.value == 0xFE0F { emojiSelector = true }
            if scalar.properties.isEmojiModifier { emojiModifier = true }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
            if base == nil, of(scalar) > 0 { base = scalar }
        }
        guard let base else { return 0 }
        // A flag is a pair of regional indicators; U+FE0F or a skin tone turns a text-style
        // symbol (☝, ❤, ©, a keycap digit) into a two-column emoji. ZWJ sequences draw as
        // one glyph as wide as their first emoji, so the base decides.
        if regionalIndicators >= 2 { return 2 }
        if (emojiSelector || emojiModifier) && base.properties.isEmoji { return 2 }
        return of(base)
    }

    /// The width of one scalar on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if value < 0x1100 { return 1 }
        return isWide(scalar) ? 2 : 1
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul medial vowels and final consonants join the preceding initial consonant.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator, .surrogate:
            return true
        default:
            return scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        let value = scalar.value
        return wideRanges.contains { $0.contains(value) }
    }

    /// East Asian Wide and Fullwidth blocks (UAX #11) that are not emoji; emoji with
    /// default emoji presentation are found through the scalar properties instead.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic punctuation and space
        0x3041...0x3247,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun
        0x3250...0x4DBF,   // enclosed CJK, CJK compatibility, extension A
        0x4E00...0xA4CF,   // CJK unified ideographs, Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FFF, // ideographic symbols
        0x17000...0x18DFF, // Tangut, Khitan
        0x1AFF0...0x1B2FF, // Kana supplements, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x3FFFD, // CJK extensions B onwards
    ]
}

extension Character {
    /// Terminal columns this grapheme cluster occupies: 0, 1 or 2.
    public var cellWidth: Int { CellWidth.of(self) }
}

extension Unicode.Scalar {
    /// Terminal columns this scalar occupies on its own: 0, 1 or 2.
    public var cellWidth: Int { CellWidth.of(self) }
}

extension StringProtocol {
    /// Terminal columns the text occupies on one line; control characters count for nothing.
    public var cellWidth: Int { reduce(0) { $0 + CellWidth.of($1) } }
}
