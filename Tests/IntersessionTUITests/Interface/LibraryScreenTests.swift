import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionTUI

/// The library screens on the demo's library: what each shows at every size and in both
/// languages, that help lists exactly their keys, that a step's key shows only to whom the
/// rules allow it, and that endorsing, publishing and withdrawing ask first.
@Suite struct LibraryScreenTests {
    static let list: [Key] = [.character("B")]
    /// Japan's practice: published in the 2026 edition, then updated (version 2, back in review).
    static let practice: [Key] = [.character("B"), .down, .enter]
    static let versions: [Key] = practice + [.character("v")]
    /// The French practice, open for the group's comments.
    static let open: [Key] = [.character("B"), .down, .down, .enter]

    /// What must be on a library screen, whole.
    static func mustShow(_ screen: LibraryScreen, _ model: Model) -> [String] {
        let catalog = model.catalog
        switch screen {
        case .list(let state): return [String(state.list.current?.title.text(in: model.language).prefix(12) ?? "?")]
        case .practice(let state):
            guard let summary = state.detail?.summary else { return ["?"] }
            return [String(summary.title.text(in: model.language).prefix(12)), catalog[Update.practiceStateText(summary.state)]]
        case .versions(let state):
            return [catalog[.practiceVersion, model.formats.number(state.list.current?.number ?? 0)]]
        }
    }

    @Test func theDemoLibraryHoldsAPublishedPracticeUpdatedSince() throws {
        let fixture = try DemoFixture()
        fixture.press(Self.practice)
        guard case .library(.practice(let state)) = fixture.runtime.model.screen, let detail = state.detail else {
            Issue.record("not on the practice")
            return
        }
        #expect(detail.summary.title.en == "Pre-arrival data from e-commerce platforms")
        #expect(detail.summary.state == "submitted")
        #expect(detail.summary.version == 2)
        #expect(detail.summary.editions == ["2026 edition"])
        let text = fixture.screen().joined(separator: "\n")
        #expect(text.contains("Données préalables"), "the other language's title too")
        fixture.press(.character("v"))
        let versions = fixture.screen().joined(separator: "\n")
        #expect(versions.contains("+ Nine parcels in ten are cleared before they land."))
        #expect(versions.contains("− Most parcels are cleared before they land."))
    }

    @Test(arguments: [("list", Self.list), ("practice", Self.practice), ("versions", Self.versions), ("open", Self.open)])
    func everyLibraryScreenHoldsWhatItMust(name: String, keys: [Key]) throws {
        for (width, height) in [(60, 15), (80, 24), (160, 48)] {
            for (language, plain) in [(Language.en, false), (.fr, false), (.en, true)] {
                let fixture = try DemoFixture(peer: "delegate-jp", language: language, width: width, height: height, plain: plain)
                fixture.press(keys)
                let lines = fixture.screen()
                let label = "\(name) \(language.rawValue)\(plain ? " plain" : "") \(width)x\(height)"
                #expect(lines.count == height, "\(label)")
                guard case .library(let screen) = fixture.runtime.model.screen else { Issue.record("\(label): not a library screen"); continue }
                let text = lines.joined(separator: "\n")
                for must in Self.mustShow(screen, fixture.runtime.model) {
                    #expect(text.contains(must), "\(label): “\(must)” missing:\n\(text)")
                }
                #expect(lines[height - 1].contains(fixture.runtime.model.catalog[.helpHint]), "\(label): the hint is cut")
            }
        }
    }

    @Test func helpListsExactlyTheKeysOfEachLibraryScreen() throws {
        for peer in ["delegate-jp", "cochair-fr", "secretariat"] {
            BindingsTests.check(BindingsTests.states(try DemoFixture(peer: peer), Self.list), "library as \(peer)")
            // A practice at its top and scrolled down; the versions at the latest and at the first.
            for (name, keys, then) in [("practice", Self.practice, Key.down), ("open", Self.open, .down), ("versions", Self.versions, .character("g"))] {
                let fixture = try DemoFixture(peer: peer)
                fixture.press(keys)
                let top = fixture.runtime.model
                fixture.press(then)
                BindingsTests.check([top, fixture.runtime.model], "\(name) as \(peer)")
            }
        }
    }

    @Test func aStepsKeyShowsOnlyToWhomTheRulesAllowIt() throws {
        func keys(_ peer: String, _ path: [Key]) throws -> Set<String> {
            let fixture = try DemoFixture(peer: peer)
            fixture.press(path)
            return Set(Bindings.of(fixture.runtime.model).flatMap(\.keys))
        }
        #expect(try keys("secretariat", Self.practice).contains("R"), "the secretariat reviews a submission")
        #expect(try !keys("cochair-fr", Self.practice).contains("R"))
        #expect(try keys("delegate-jp", Self.practice).contains("X"), "the submitter withdraws")
        #expect(try !keys("secretariat", Self.practice).contains("X"))
        #expect(try keys("cochair-fr", Self.open).contains("E"), "a co-chair endorses what is open for comments")
        #expect(try !keys("secretariat", Self.open).contains("E"))
    }

    @Test func endorsingAsksFirstAndThenEndorses() throws {
        let fixture = try DemoFixture(peer: "cochair-fr", language: .fr)
        fixture.press(Self.open + [.character("E")])
        let question = try #require(fixture.runtime.model.confirmation?.question)
        #expect(question.contains("Guichet unique"))
        fixture.press(.character("n"))
        #expect(fixture.runtime.model.confirmation == nil)
        fixture.press(.character("E"), .character("o"))
        guard case .library(.practice(let state)) = fixture.runtime.model.screen else { Issue.record("left the practice"); return }
        #expect(state.detail?.summary.state == "endorsed")
        #expect(fixture.runtime.model.flash == Catalog(language: .fr)[.practiceStepTaken])
    }

    @Test func publishingChoosesTheEditionAndAsksFirst() throws {
        let fixture = try DemoFixture(peer: "secretariat")
        var now = DemoFixture.now
        let acts = try fixture.session.actions(clock: { now += 60_000; return now })
        _ = try acts.grant(.cochair, toFeed: acts.me)
        fixture.press(Self.practice)
        guard case .library(.practice(let shown)) = fixture.runtime.model.screen else { Issue.record("not on the practice"); return }
        for kind in [PracticeStepKind.review, .open, .endorse] { try acts.takeStep(kind, of: shown.id) }
        fixture.press(.character("q"), .enter)
        #expect(Set(Bindings.of(fixture.runtime.model).flatMap(\.keys)).contains("P"))
        fixture.press(.character("P"))
        guard case .library(.practice(let choosing)) = fixture.runtime.model.screen else { Issue.record("left the practice"); return }
        #expect(choosing.choosingEdition == 0)
        #expect(fixture.screen().joined(separator: "\n").contains(Catalog(language: .en)[.practiceEditionPrompt]))
        fixture.press(.enter)
        let question = try #require(fixture.runtime.model.confirmation?.question)
        #expect(question.contains("2026 edition"))
        fixture.press(.character("y"))
        guard case .library(.practice(let state)) = fixture.runtime.model.screen else { Issue.record("left the practice"); return }
        #expect(state.detail?.summary.state == "published")
        #expect(state.detail?.history.filter { $0.kind == "publish" && $0.stands }.map(\.version) == [1, 2])
    }
}
