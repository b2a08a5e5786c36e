import Testing
import IntersessionCore
@testable import IntersessionTUI

@Suite struct HelpOverlayTests {
    /// Every line the help box shows while it is scrolled from top to bottom.
    static func everyHelpLine(_ fixture: DemoFixture) -> [String] {
        var seen: [String] = []
        for _ in 0..<40 {
            seen += fixture.screen()
            fixture.press(.down)
        }
        return seen
    }

    @Test(arguments: Language.allCases)
    func atSixtyByFifteenEveryKeyIsReachable(language: Language) throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language, width: 60, height: 15)
        fixture.press(.enter, .enter, .character("?"))
        #expect(fixture.runtime.model.showHelp)
        let first = fixture.screen()
        #expect(first.contains { $0.contains("┌") && $0.contains(fixture.runtime.model.catalog[.helpTitle]) })
        #expect(first.contains { $0.contains("└") })
        let seen = Self.everyHelpLine(fixture)
        #expect(fixture.runtime.model.showHelp)  // scrolling kept it open
        for binding in Bindings.of(fixture.runtime.model) {
            let words = fixture.runtime.model.catalog[binding.help].split(separator: " ").map(String.init)
            #expect(seen.contains { $0.contains(binding.label) && $0.contains(words[0]) }, "\(binding.label) never shown")
            for word in words { #expect(seen.contains { $0.contains(word) }, "\(word) of \(binding.label) cut") }
        }
        fixture.press(.character("x"))
        #expect(!fixture.runtime.model.showHelp)
    }

    @Test(arguments: Language.allCases)
    func atEightyByTwentyFourQuitIsInView(language: Language) throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language)
        fixture.press(.enter, .enter, .character("?"))
        let screen = fixture.screen()
        let catalog = fixture.runtime.model.catalog
        #expect(screen.contains { $0.contains("q esc") && $0.contains(catalog[.helpBack]) })
        #expect(screen.contains { $0.contains("ctrl+c") && $0.contains(catalog[.helpQuit]) })
    }

    @Test func questionMarkWorksOnTheWelcomeScreen() {
        var model = Model(language: .fr, plain: false, width: 60, height: 15, now: 0, me: nil, groupTitle: "", start: .welcome(WelcomeState()))
        _ = Update.update(&model, .key(.character("?")))
        #expect(model.showHelp)
        var buffer = Buffer(width: 60, height: 15)
        _ = View.render(model, into: &buffer)
        let lines = buffer.lines()
        #expect(lines.contains { $0.contains(model.catalog[.helpTitle]) })
        #expect(lines.contains { $0.contains("enter") && $0.contains(model.catalog[.helpOpen]) })
    }
}
