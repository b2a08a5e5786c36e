import Testing
@testable import IntersessionCore

/// The pure rules of the library: which step follows from which state, who takes it, which of
/// concurrent steps goes on, what an edition holds, and what a version may carry.
@Suite struct PracticeWorkflowTests {
    static func id(_ byte: String) -> EntityID { EntityID(hex: String(repeating: byte, count: 16))! }
    static let topic = id("70")

    static func content(title: String = "Pre-arrival data", original: Language = .en) -> PracticeContent {
        PracticeContent(title: LocalizedText(english: title, french: nil), summary: LocalizedText(english: "Data before arrival", french: nil),
                        original: original, topics: [topic])
    }

    @Test func theWorkflowGoesFromDraftToPublishedAndNoStepSkipsAhead() {
        var state = PracticeState.draft
        for (kind, expected) in [(PracticeStepKind.submit, PracticeState.submitted), (.review, .reviewed), (.open, .open),
                                 (.endorse, .endorsed), (.publish, .published)] {
            #expect(kind.next(from: state) == expected)
            state = expected
        }
        #expect(PracticeStepKind.publish.next(from: .open) == nil, "not endorsed yet")
        #expect(PracticeStepKind.endorse.next(from: .reviewed) == nil, "not open for comments yet")
        #expect(PracticeStepKind.open.next(from: .submitted) == nil, "not reviewed yet")
        #expect(PracticeStepKind.review.next(from: .draft) == nil, "not submitted yet")
        #expect(PracticeStepKind.submit.next(from: .submitted) == nil)
        #expect(PracticeStepKind.create.next(from: .draft) == nil, "a practice is created once")
    }

    @Test func anUpdateKeepsADraftAndSendsAnythingFurtherBackToReview() {
        #expect(PracticeStepKind.update.next(from: .draft) == .draft)
        for state in [PracticeState.submitted, .reviewed, .open, .endorsed, .published] {
            #expect(PracticeStepKind.update.next(from: state) == .submitted, "\(state)")
        }
        #expect(PracticeStepKind.update.next(from: .withdrawn) == nil)
        #expect(PracticeStepKind.update.next(from: .superseded) == nil)
    }

    @Test func aReturnSendsASubmissionBackToItsDraft() {
        #expect(PracticeStepKind.return.next(from: .submitted) == .draft)
        #expect(PracticeStepKind.return.next(from: .reviewed) == .draft)
        #expect(PracticeStepKind.return.next(from: .open) == nil)
    }

    @Test func withdrawnAndSupersededAreFinal() {
        for state in PracticeState.allCases where !state.isFinal {
            #expect(PracticeStepKind.withdraw.next(from: state) == .withdrawn, "\(state)")
        }
        #expect(PracticeStepKind.supersede.next(from: .published) == .superseded)
        #expect(PracticeStepKind.supersede.next(from: .endorsed) == .superseded)
        #expect(PracticeStepKind.supersede.next(from: .open) == nil)
        for state in [PracticeState.withdrawn, .superseded] {
            #expect(PracticeStepKind.allCases.allSatisfy { $0.next(from: state) == nil }, "\(state)")
        }
    }

    @Test func eachStepHasItsActor() {
        let submitterSteps: [PracticeStepKind] = [.create, .update, .submit, .withdraw]
        for kind in submitterSteps {
            #expect(kind.actor.allows(roles: [.member], isSubmitter: true))
            #expect(!kind.actor.allows(roles: [.secretariat, .cochair], isSubmitter: false), "\(kind): not theirs")
        }
        for kind in [PracticeStepKind.review, .return, .publish] {
            #expect(kind.actor.allows(roles: [.secretariat], isSubmitter: false))
            #expect(!kind.actor.allows(roles: [.cochair, .member], isSubmitter: true), "\(kind)")
        }
        #expect(PracticeStepKind.endorse.actor.allows(roles: [.cochair], isSubmitter: false))
        #expect(!PracticeStepKind.endorse.actor.allows(roles: [.secretariat], isSubmitter: false))
        for kind in [PracticeStepKind.open, .supersede] {
            #expect(kind.actor.allows(roles: [.cochair], isSubmitter: false) && kind.actor.allows(roles: [.secretariat], isSubmitter: false))
            #expect(!kind.actor.allows(roles: [.member], isSubmitter: true))
        }
        #expect(!PracticeRules.mayContribute([.observer]))
        #expect(PracticeRules.mayContribute([.private]))
    }

    typealias Step = PracticeHistory.Step

    @Test func ofConcurrentStepsTheHigherRankThenTheLeastIdGoesOn() {
        let root = Self.id("01")
        let create = Step(id: root, after: nil, kind: .create, state: .submitted)
        let review = Step(id: Self.id("05"), after: root, kind: .review, state: .reviewed)
        let update = Step(id: Self.id("02"), after: root, kind: .update, state: .submitted)
        let withdraw = Step(id: Self.id("0f"), after: root, kind: .withdraw, state: .withdrawn)
        let otherReview = Step(id: Self.id("03"), after: root, kind: .review, state: .reviewed)
        #expect(PracticeHistory(root: root, steps: [create, review, update]).state == .reviewed, "an officer's step over an update")
        #expect(PracticeHistory(root: root, steps: [create, review, update]).overtaken == [update.id])
        #expect(PracticeHistory(root: root, steps: [update, create, review, withdraw]).state == .withdrawn, "a withdrawal over all")
        #expect(PracticeHistory(root: root, steps: [create, review, otherReview]).latest == otherReview.id, "least id")
        #expect(PracticeHistory(root: root, steps: [otherReview, review, create]).latest == otherReview.id, "whatever the order")
    }

    @Test func theLosingBranchIsOvertakenWithEverythingAfterIt() {
        let root = Self.id("01")
        let steps = [
            Step(id: root, after: nil, kind: .create, state: .submitted),
            Step(id: Self.id("02"), after: root, kind: .review, state: .reviewed),
            Step(id: Self.id("03"), after: Self.id("02"), kind: .open, state: .open),
            Step(id: Self.id("04"), after: root, kind: .withdraw, state: .withdrawn),
        ]
        let history = PracticeHistory(root: root, steps: steps)
        #expect(history.state == .withdrawn)
        #expect(history.path.map(\.id) == [root, Self.id("04")])
        #expect(history.overtaken == [Self.id("02"), Self.id("03")])
    }

    @Test func versionsArePublishedAtTheVersionTheyFollow() {
        let root = Self.id("01"), edition = Self.id("e0")
        let steps = [
            Step(id: root, after: nil, kind: .create, state: .draft),
            Step(id: Self.id("02"), after: root, kind: .update, state: .draft),
            Step(id: Self.id("03"), after: Self.id("02"), kind: .submit, state: .submitted),
            Step(id: Self.id("04"), after: Self.id("03"), kind: .review, state: .reviewed),
            Step(id: Self.id("05"), after: Self.id("04"), kind: .open, state: .open),
            Step(id: Self.id("06"), after: Self.id("05"), kind: .endorse, state: .endorsed),
            Step(id: Self.id("07"), after: Self.id("06"), kind: .publish, state: .published, edition: edition),
            Step(id: Self.id("08"), after: Self.id("07"), kind: .update, state: .submitted),
        ]
        let history = PracticeHistory(root: root, steps: steps.shuffled())
        #expect(history.state == .submitted)
        #expect(history.versions == [root, Self.id("02"), Self.id("08")])
        #expect(history.publications == [.init(edition: edition, version: Self.id("02"), number: 2)])
        #expect(history.currentVersion == Self.id("08"))
        #expect(history.number(of: Self.id("08")) == 3)

        let added = Self.id("e1")
        let other = Self.id("a1")
        let histories = [root: history]
        #expect(EditionContents.entries(of: edition, added: [], histories: histories).map(\.version) == [Self.id("02")])
        #expect(EditionContents.entries(of: added, added: [(root, Self.id("02"))], histories: histories).map(\.number) == [2])
        #expect(EditionContents.entries(of: added, added: [(root, Self.id("08"))], histories: histories).isEmpty, "not published")
        #expect(EditionContents.entries(of: added, added: [(other, Self.id("02"))], histories: histories).isEmpty, "unknown practice")
    }

    @Test func aHistoryWithoutItsCreationHasNoState() {
        let root = Self.id("01")
        let history = PracticeHistory(root: root, steps: [Step(id: Self.id("02"), after: root, kind: .review, state: .reviewed)])
        #expect(history.state == nil)
        #expect(history.versions.isEmpty)
    }

    @Test func aVersionNeedsItsOriginalLanguageAndOneToSevenTopics() {
        #expect(Self.content().isValid)
        #expect(!Self.content(original: .fr).isValid, "the original is French but only English is given")
        var content = Self.content()
        content.topics = []
        #expect(!content.isValid)
        content.topics = Array(repeating: Self.topic, count: 2)
        #expect(!content.isValid, "a topic twice")
        content.topics = (0..<8).map { Self.id(String(format: "%02x", $0 + 0x40)) }
        #expect(!content.isValid)
        content = Self.content()
        content.sections[.lessons] = LocalizedText(english: "   ", french: nil)
        #expect(!content.isValid, "an empty section")
        content = Self.content(title: "Two\nlines")
        #expect(!content.isValid)
    }

    @Test func opsReadBackAsTheyWereWritten() throws {
        var content = Self.content()
        content.sections[.approach] = LocalizedText(english: "Risk rules", french: "Règles de risque")
        content.business = "ParcelCo"
        let ops: [Op] = [
            .practice(.create(PracticeCreate(content: content, draft: true))),
            .practice(.step(PracticeStep(practice: Self.id("01"), after: Self.id("02"), kind: .update, content: content))),
            .practice(.step(PracticeStep(practice: Self.id("01"), after: Self.id("02"), kind: .publish, edition: Self.id("e0")))),
            .practice(.step(PracticeStep(practice: Self.id("01"), after: Self.id("02"), kind: .return, note: "Add results"))),
            .practice(.editionNew(EditionNew(title: LocalizedText(english: "2027 edition", french: "Édition 2027")))),
            .practice(.editionAdd(EditionAdd(edition: Self.id("e0"), practice: Self.id("01"), version: Self.id("02")))),
        ]
        for op in ops {
            #expect(try Op(json: op.json) == op)
            #expect(Op.knownTypes.contains(op.type))
        }
        #expect(PracticeContent(canonicalJSON: content.canonicalJSON) == content)
        var fields = Op.practice(.step(PracticeStep(practice: Self.id("01"), after: Self.id("02"), kind: .review))).json.objectValue!
        fields["t"] = .string("practice.create")
        #expect(throws: ChangeFormatError.self) { try Op(json: .object(fields)) }
    }

    @Test func aStepCarriesExactlyWhatItsKindNeeds() {
        let practice = Self.id("01"), after = Self.id("02")
        #expect(PracticeStep(practice: practice, after: after, kind: .review).isWellFormed)
        #expect(!PracticeStep(practice: practice, after: after, kind: .update).isWellFormed, "an update without text")
        #expect(!PracticeStep(practice: practice, after: after, kind: .publish).isWellFormed, "a publication without edition")
        #expect(!PracticeStep(practice: practice, after: after, kind: .supersede).isWellFormed, "without the newer practice")
        #expect(!PracticeStep(practice: practice, after: after, kind: .supersede, newer: practice).isWellFormed, "by itself")
        #expect(!PracticeStep(practice: practice, after: after, kind: .review, poll: Self.id("0e")).isWellFormed)
        #expect(PracticeStep(practice: practice, after: after, kind: .endorse, poll: Self.id("0e")).isWellFormed)
    }
}
