import Testing
import IntersessionCore
@testable import IntersessionTUI

/// Help cannot drift from the keys: on every screen, each key help lists does something, and
/// no key help leaves out does anything.
@Suite struct BindingsTests {
    static let named = ["space", "enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "home", "end", "pgup", "pgdown",
                        "backspace", "delete", "f1", "f2", "f3", "ctrl+b", "ctrl+f", "ctrl+s", "ctrl+e", "ctrl+d"]
    /// Every key a person could press, but ctrl+c (which quits everywhere).
    static let everyKey: [Key] = (0x21...0x7E).map { Key.character(Character(UnicodeScalar($0)!)) } + named.map(Key.named)

    static func key(named name: String) -> Key {
        if name == "space" { return .character(" ") }
        return name.count == 1 ? .character(Character(name)) : .named(name)
    }

    /// Whether a key changes anything in this state.
    static func acts(_ key: Key, on model: Model) -> Bool {
        var copy = model
        copy.flash = nil
        let before = copy
        let effects = Update.update(&copy, .key(key))
        return !effects.isEmpty || copy != before
    }

    /// Checks one screen, seen in one or more states (a list at its top and at its end).
    static func check(_ states: [Model], _ screen: String) {
        guard let first = states.first else { Issue.record("no state for \(screen)"); return }
        let bindings = Bindings.of(first)
        let bound = Set(bindings.flatMap(\.keys))
        for binding in bindings {
            for name in binding.keys where !states.contains(where: { acts(key(named: name), on: $0) }) {
                Issue.record("\(screen): help lists \(name) (\(binding.help.rawValue)) but the key does nothing")
            }
        }
        for key in everyKey where !bound.contains(key.name) {
            for state in states where acts(key, on: state) {
                Issue.record("\(screen): \(key.name) does something but help does not list it")
            }
        }
    }

    static func states(_ fixture: DemoFixture, _ keys: [Key], thenEnd: Bool = true) -> [Model] {
        fixture.press(keys)
        let top = fixture.runtime.model
        guard thenEnd else { return [top] }
        fixture.press(.end)
        return [top, fixture.runtime.model]
    }

    @Test func readingScreensOfADelegate() throws {
        let screens: [(String, [Key])] = [
            ("topics", []), ("threads", [.enter]), ("thread", [.enter, .enter]), ("audit", [.character("A")]),
            ("polls", [.character("V")]), ("drafts", [.character("D")]), ("draft", [.character("D"), .enter]),
            ("members", [.character("@")]),
        ]
        for (name, keys) in screens {
            Self.check(Self.states(try DemoFixture(peer: "delegate-jp"), keys), name)
        }
    }

    @Test func screensWithActsOfModerators() throws {
        let screens: [(String, String, [Key])] = [
            ("members (secretariat)", "secretariat", [.character("@")]),
            ("thread (co-chair)", "cochair-fr", [.enter, .enter]),
            ("draft (co-chair)", "cochair-fr", [.character("D"), .enter]),
            ("amendments", "cochair-fr", [.character("D"), .enter, .character("t")]),
        ]
        for (name, peer, keys) in screens {
            Self.check(Self.states(try DemoFixture(peer: peer), keys), name)
        }
        let poll = try DemoFixture(peer: "cochair-fr")
        Self.check(Self.states(poll, [.character("V"), .enter], thenEnd: false), "poll (co-chair)")
    }

    @Test func searchResultsDiffAndTheReadingPane() throws {
        let search = try DemoFixture(peer: "delegate-jp")
        search.press(.character("/"))
        search.type("platforms")
        Self.check(Self.states(search, [.enter]), "search results")
        let diff = try DemoFixture(peer: "cochair-fr")
        diff.press(.character("D"), .enter, .character("d"))
        let top = diff.runtime.model
        diff.press(.down)
        Self.check([top, diff.runtime.model], "draft diff")
        let reader = try ReadingFixture.withLongPost()
        reader.fixture.press(.tab)
        Self.check(Self.states(reader.fixture, []), "reading pane")
    }

    @Test func theWelcomeScreen() throws {
        var model = Model(language: .en, plain: false, width: 80, height: 24, now: 0, me: nil, groupTitle: "", start: .welcome(WelcomeState()))
        let top = model
        model.screen = .welcome({ var state = WelcomeState(); state.selected = WelcomeState.Choice.allCases.count - 1; return state }())
        Self.check([top, model], "welcome")
    }
}
