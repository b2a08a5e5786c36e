import Testing
import IntersessionCore
@testable import IntersessionTUI

/// Help opens while composing, where `?` is text: with F1 or ctrl+g (as in nano), named in the
/// editor's hint line; it lists the editor's keys, and closing it leaves the text as it was.
@Suite struct ComposeHelpTests {
    @Test(arguments: [(Language.en, 80, 24), (.fr, 60, 15), (.en, 160, 48)])
    func helpOpensWhileComposing(language: Language, width: Int, height: Int) throws {
        let fixture = try DemoFixture(peer: "delegate-jp", language: language, width: width, height: height)
        fixture.press(.enter, .character("c"))
        guard case .compose = fixture.runtime.model.screen else { Issue.record("not composing"); return }
        let catalog = fixture.runtime.model.catalog
        #expect(fixture.screen().contains { $0.contains("ctrl+g") }, "the hint names the help key")
        fixture.type("Why? ")
        guard case .compose(let typed) = fixture.runtime.model.screen else { return }
        #expect(typed.title.text == "Why? ")  // `?` is text here
        #expect(!fixture.runtime.model.showHelp)
        for key in [Key.ctrl("g"), .named("f1")] {
            fixture.press(key)
            #expect(fixture.runtime.model.showHelp)
            let screen = fixture.screen().joined(separator: "\n")
            #expect(screen.contains(catalog[.helpTitle]))
            #expect(screen.contains(catalog[.helpSend]))
            #expect(Bindings.of(fixture.runtime.model).contains { $0.help == .helpEditorMove && $0.keys.contains("left") })
            fixture.press(.escape)  // closes the help, not the editor
            #expect(!fixture.runtime.model.showHelp)
            guard case .compose(let after) = fixture.runtime.model.screen else { Issue.record("the editor closed"); return }
            #expect(after.title.text == "Why? ")
        }
    }

    @Test func theHelpListsTheEditorsKeys() throws {
        let fixture = try DemoFixture(peer: "delegate-jp", width: 120, height: 40)
        fixture.press(.enter, .character("c"), .ctrl("g"))
        let screen = fixture.screen().joined(separator: "\n")
        let catalog = fixture.runtime.model.catalog
        for key: TextKey in [.helpSend, .helpExternalEditor, .helpField, .helpEditorMove, .helpEditorLineEnds, .helpEditorDelete,
                             .helpEditorNewLine, .helpCancel, .helpQuit] {
            #expect(screen.contains(catalog[key]), "help lacks \(key.rawValue)")
        }
    }
}
