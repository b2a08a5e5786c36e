import Testing
@testable import IntersessionStore

/// The config file's reading, which the fuzz target FuzzConfig drives without a file.
@Suite struct ProfileConfigTests {
    @Test func readsKeyValueLinesAndSkipsTheRest() {
        let config = ProfileConfig.parse("# a comment\n\tlang = fr \r\nno equals sign\n= no key\nnote = a = b # c\nlang=en\n")
        #expect(config.values == ["lang": "en", "note": "a = b # c"])
    }

    @Test func itsTextReadsBackAsTheSameSettings() {
        let config = ProfileConfig(values: ["lang": "fr", "editor": "vi -n", "note": "a = b # c", "empty": ""])
        #expect(config.text.hasPrefix("# Intersession profile settings\n"))
        #expect(ProfileConfig.parse(config.text) == config)
    }
}
