import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// Every screen at 60×15, 80×24 and 160×48, in English, French and plain mode: what must be
/// on it is on it, whole (the selected item, the keys' hint, a dialog's question and answer).
@Suite struct EveryScreenAtEverySizeTests {
    static let sizes = [(60, 15), (80, 24), (160, 48)]
    static let modes: [(Language, Bool)] = [(.en, false), (.fr, false), (.en, true)]

    static let screens: [(name: String, peer: String, keys: [Key])] = [
        ("topics", "delegate-jp", []),
        ("threads", "delegate-jp", [.enter]),
        ("thread", "delegate-jp", [.enter, .enter]),
        ("reader", "delegate-jp", [.enter, .enter, .tab]),
        ("search", "delegate-jp", [.character("/")] + "platforms".map { .character($0) } + [.enter]),
        ("members", "secretariat", [.character("@")]),
        ("audit", "delegate-jp", [.character("A")]),
        ("polls", "delegate-jp", [.character("V")]),
        ("poll", "delegate-jp", [.character("V"), .enter]),
        ("vote", "delegate-jp", [.character("V"), .enter, .enter]),
        ("close", "cochair-fr", [.character("V"), .enter, .character("C")]),
        ("drafts", "delegate-jp", [.character("D")]),
        ("draft", "delegate-jp", [.character("D"), .enter, .down]),
        ("amendments", "delegate-jp", [.character("D"), .enter, .character("t")]),
        ("compose", "delegate-jp", [.enter, .character("c")]),
        ("help", "delegate-jp", [.enter, .enter, .character("?")]),
        ("remove", "secretariat", [.character("@"), .down, .character("X"), .enter]),
        ("meetings", "delegate-jp", MeetingScreenTests.list), ("meeting", "delegate-jp", MeetingScreenTests.meeting),
        ("agenda item", "delegate-jp", MeetingScreenTests.item), ("close phase", "cochair-fr", MeetingScreenTests.meeting + [.character("C")]),
        ("answer concern", "cochair-fr", MeetingScreenTests.item + [.character("a")]),
        ("register whom", "cochair-fr", MeetingScreenTests.meeting + [.character("P")]),
        ("register as", "cochair-fr", MeetingScreenTests.meeting + [.character("P"), .enter]),
        ("register delegation", "cochair-fr", MeetingScreenTests.meeting + [.character("P"), .enter, .enter]),
        ("item comment", "delegate-jp", MeetingScreenTests.item + [.character("c")]),
        ("library", "delegate-jp", LibraryScreenTests.list), ("practice", "delegate-jp", LibraryScreenTests.practice),
        ("versions", "delegate-jp", LibraryScreenTests.versions), ("endorse", "cochair-fr", LibraryScreenTests.open + [.character("E")]),
        ("report", "delegate-jp", ReportScreenTests.open), ("report into draft", "cochair-fr", ReportScreenTests.open + [.character("d")]),
        ("report day", "cochair-fr", ReportScreenTests.open + [.character("t")]),
    ]

    /// What must be on the screen, whole, for this model.
    static func mustShow(_ model: Model) -> [String] {
        let catalog = model.catalog
        var texts: [String] = []
        if let confirmation = model.confirmation {
            return WordWrap.lines(confirmation.question, width: 30).flatMap { $0.split(separator: " ").map(String.init) }
                + [catalog[.confirmTitle]]
        }
        if model.showHelp { return [catalog[.helpTitle], "ctrl+c", catalog[.helpQuit]] }
        switch model.screen {
        case .topics(let list): texts.append(String(list.current?.title(in: model.language).prefix(12) ?? "?"))
        case .threads(_, let list): texts.append(String(list.current?.title.prefix(12) ?? "?"))
        case .thread(let thread): texts.append(thread.list.current?.authorName ?? "?")
        case .search(let search): texts.append(String(search.results.current?.threadTitle.prefix(10) ?? "?"))
        case .members(let list): texts.append(list.current?.name ?? "?")
        // The view keeps the act whole and cuts the name first (at 80 columns in French it shows
        // five letters of it); the name's prefix passed only while another row named the person.
        case .audit(let list): texts.append(list.current.map { model.catalog.act($0.action) } ?? "?")
        case .polls(let list): texts.append(String(list.current?.title.prefix(12) ?? "?"))
        case .poll(let poll):
            if let option = poll.detail?.options.first { texts.append("1. " + String(option.prefix(10))) }
            if poll.voting != nil {
                let proposal = poll.detail?.summary.kind == PollKind.proposal.rawValue
                texts += [catalog[.pollVotePrompt]] + (proposal ? [catalog[.positionAgree], catalog[.positionBlock]] : [catalog[.pollOrderPrompt].trimmingCharacters(in: .whitespaces)])
            }
        case .drafts(let list): texts.append(list.current?.symbol ?? "?")
        case .draft(let draft): texts.append(String(draft.list.current?.text.split(separator: " ").first ?? "?"))
        case .amendments(let state): texts.append(state.list.current.map { String($0.sponsor.prefix(8)) } ?? catalog[.amendmentsTitle])
        case .compose(let compose):
            if case .itemComment(_, let number) = compose.kind { texts.append(catalog[.composeItemCommentTitle, number]) } else {
                texts.append(catalog[.fieldTitle].trimmingCharacters(in: .whitespaces))
            }
        case .meetings(let screen): texts += MeetingScreenTests.mustShow(screen, model)
        case .library(let screen): texts += LibraryScreenTests.mustShow(screen, model)
        case .report(let state): texts += ReportScreenTests.mustShow(state, model)
        default: break
        }
        return texts
    }

    @Test(arguments: Self.screens.indices)
    func theScreenHoldsWhatItMust(screen index: Int) throws {
        let screen = Self.screens[index]
        for (width, height) in Self.sizes {
            for (language, plain) in Self.modes {
                let fixture = try DemoFixture(peer: screen.peer, language: language, width: width, height: height, plain: plain)
                fixture.press(screen.keys)
                let lines = fixture.screen()
                let model = fixture.runtime.model
                let label = "\(screen.name) \(language.rawValue)\(plain ? " plain" : "") \(width)x\(height)"
                #expect(lines.count == height, "\(label)")
                #expect(lines[0].hasSuffix(language.rawValue.uppercased() + " ") || lines[0].hasSuffix(language.rawValue.uppercased()), "\(label): header")
                let text = lines.joined(separator: "\n")
                for must in Self.mustShow(model) where !must.isEmpty {
                    #expect(text.contains(must), "\(label): “\(must)” missing:\n\(text)")
                }
                if model.flash == nil, model.confirmation == nil, case .compose = model.screen {} else if model.flash == nil {
                    #expect(lines[height - 1].contains(model.catalog[.helpHint]), "\(label): the status line's hint is cut")
                }
                if plain, model.confirmation == nil, !model.showHelp, let cursor = fixture.terminal.cursor {
                    #expect(cursor.y > 0 && cursor.y < height - 1, "\(label): the cursor is on the header or the status line")
                }
            }
        }
    }
}
