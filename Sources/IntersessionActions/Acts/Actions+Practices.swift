import Foundation
import IntersessionCore
import IntersessionStore

/// The best-practice library: submit a practice, update it (a new version), and take it through
/// its workflow. Each act checks here, with the core's own functions, what the rules will check
/// (who takes the step, from which state) against the practice as this replica holds it, so
/// that nothing is signed in vain; a step taken concurrently elsewhere is settled by
/// ``PracticeHistory`` on every replica alike.
extension Actions {
    /// What a practice says; for an update, what is given replaces what stands, language by
    /// language, and the rest is kept.
    public struct PracticeRequest: Sendable {
        public var title: [Language: String] = [:]
        public var summary: [Language: String] = [:]
        public var sections: [PracticeSection: [Language: String]] = [:]
        /// The language it was written in; when nil, the writing language if it has a title, else the other.
        public var original: Language?
        /// Topics by key or id prefix.
        public var topics: [String] = []
        public var business: String?
        /// Keep a new practice as a draft (submit it later).
        public var draft = false

        public init() {}

        var isEmpty: Bool {
            title.isEmpty && summary.isEmpty && sections.values.allSatisfy(\.isEmpty) && original == nil && topics.isEmpty && business == nil
        }
    }

    @discardableResult
    public func submitPractice(_ request: PracticeRequest) throws -> EntityID {
        try adoptOwnChanges()
        guard PracticeRules.mayContribute(try store.currentRoles(of: me)) else { throw PracticeError.observerCannotSubmit }
        let empty = PracticeContent(title: LocalizedText(english: nil, french: nil), summary: LocalizedText(english: nil, french: nil),
                                    original: writingLanguage, topics: [])
        let content = try merged(request, into: empty, isNew: true)
        let practice = try sign([.practice(.create(PracticeCreate(content: content, draft: request.draft)))]).entity(0)
        // The opening post of its comment thread is the submitter's own: read, as a post of theirs is.
        try store.markRead(posts: [practice.hex])
        return practice
    }

    /// A new version of the practice, by its submitter: a draft stays a draft; anything further
    /// along re-enters review (a published version stays in its edition).
    @discardableResult
    public func updatePractice(_ typed: String, _ request: PracticeRequest) throws -> EntityID {
        try adoptOwnChanges()
        guard !request.isEmpty else { throw PracticeError.nothingToChange }
        let detail = try store.practice(try resolvePractice(typed).hex)
        guard let current = detail.current else { throw StoreError.notFound(kind: "practice", prefix: typed) }
        let content = try store.practiceVersion(current.id)
        let updated = try merged(request, into: content, isNew: false)
        guard updated != content else { throw PracticeError.nothingToChange }
        return try step(.update, detail, content: updated)
    }

    public func resolvePractice(_ typed: String) throws -> EntityID {
        let hex = try store.resolveLibraryEntry(typed, in: .practice)
        guard let id = EntityID(hex: hex) else { throw StoreError.notFound(kind: "practice", prefix: typed) }
        return id
    }

    /// A workflow step that carries no text: submit, review, return, open, endorse, publish,
    /// withdraw or supersede. `edition` for a publication (id prefix or title), `poll` for an
    /// endorsement reached by a poll, `newer` for a supersession, `note` for a return.
    @discardableResult
    public func takeStep(_ kind: PracticeStepKind, of typed: String, edition: String? = nil, poll: String? = nil,
                         newer: String? = nil, note: String? = nil) throws -> EntityID {
        try adoptOwnChanges()
        let detail = try store.practice(try resolvePractice(typed).hex)
        let newerID = try newer.map(resolvePractice)
        if newerID?.hex == detail.summary.id { throw PracticeError.supersededBySelf }
        return try step(kind, detail, edition: try edition.map { EntityID(hex: try store.resolveEdition($0)) } ?? nil,
                        poll: try poll.map(resolvePoll), newer: newerID, note: try note.map(Input.body))
    }

    private func step(_ kind: PracticeStepKind, _ detail: PracticeDetail, content: PracticeContent? = nil, edition: EntityID? = nil,
                      poll: EntityID? = nil, newer: EntityID? = nil, note: String? = nil) throws -> EntityID {
        let summary = detail.summary
        guard let practice = EntityID(hex: summary.id), let after = EntityID(hex: summary.latest),
            let state = PracticeState(rawValue: summary.state)
        else { throw StoreError.notFound(kind: "practice", prefix: summary.id) }
        let roles = try store.currentRoles(of: me)
        guard kind.actor.allows(roles: roles, isSubmitter: summary.submitter.feed == me.hex) else {
            switch kind.actor {
            case .submitter: throw PracticeError.notSubmitter(practice: practice.short)
            case .secretariat: throw PracticeError.needsRole(step: kind.rawValue, who: "secretariat")
            case .cochair: throw PracticeError.needsRole(step: kind.rawValue, who: "cochair")
            case .officer: throw PracticeError.needsRole(step: kind.rawValue, who: "officer")
            }
        }
        guard kind.next(from: state) != nil else { throw PracticeError.notAllowed(step: kind.rawValue, state: state.rawValue) }
        let step = PracticeStep(practice: practice, after: after, kind: kind, content: content, edition: edition, poll: poll,
                                newer: newer, note: note)
        return try sign([.practice(.step(step))]).entity(0)
    }

    /// `request` laid over `content`, checked as the rules will check it.
    private func merged(_ request: PracticeRequest, into content: PracticeContent, isNew: Bool) throws -> PracticeContent {
        func lay(_ texts: [Language: String], over text: LocalizedText, title: Bool) throws -> LocalizedText {
            var text = text
            for (language, typed) in texts {
                let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
                let value: String? = trimmed.isEmpty ? nil : try (title ? Input.title(typed) : Input.body(typed))
                if language == .en { text.english = value } else { text.french = value }
            }
            return text
        }
        var result = content
        result.title = try lay(request.title, over: content.title, title: true)
        result.summary = try lay(request.summary, over: content.summary, title: false)
        for (section, texts) in request.sections {
            let text = try lay(texts, over: content.sections[section] ?? LocalizedText(english: nil, french: nil), title: false)
            result.sections[section] = text.english == nil && text.french == nil ? nil : text
        }
        if !request.topics.isEmpty || isNew {
            guard (1...PracticeContent.maximumTopics).contains(Set(request.topics).count) else {
                throw PracticeError.badTopics(count: request.topics.count, limit: PracticeContent.maximumTopics)
            }
            var topics: [EntityID] = []
            for typed in request.topics where !topics.contains(try resolveTopic(typed)) { topics.append(try resolveTopic(typed)) }
            result.topics = topics
        }
        if let business = request.business { result.business = business.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try Input.organisation(business) }
        if let original = request.original {
            result.original = original
        } else if isNew {
            result.original = result.title.text(writingLanguage) != nil ? writingLanguage : (writingLanguage == .en ? .fr : .en)
        }
        guard result.title.text(result.original) != nil, result.summary.text(result.original) != nil else {
            throw PracticeError.originalMissing(language: result.original.rawValue)
        }
        return result
    }
}

extension LocalizedText {
    /// The text in exactly `language`, nil when it has none.
    func text(_ language: Language) -> String? { language == .en ? english : french }
}

/// Editions: named collections of practices at given versions.
extension Actions {
    /// Opens an edition ("2027 edition"), titled in one or both languages.
    @discardableResult
    public func newEdition(title: [Language: String]) throws -> EntityID {
        try adoptOwnChanges()
        guard try store.currentRoles(of: me).contains(where: \.moderates) else { throw ActionError.notModerator }
        let english = try title[.en].map(Input.title), french = try title[.fr].map(Input.title)
        guard english != nil || french != nil else { throw ActionError.titleRequired }
        return try sign([.practice(.editionNew(EditionNew(title: LocalizedText(english: english, french: french))))]).entity(0)
    }

    /// Puts a published version of a practice in an edition (its latest published version when
    /// `version` is nil).
    @discardableResult
    public func addToEdition(_ edition: String, practice typed: String, version: Int? = nil) throws -> EntityID {
        try adoptOwnChanges()
        guard try store.currentRoles(of: me).contains(.secretariat) else {
            throw PracticeError.needsRole(step: "edition add", who: "secretariat")
        }
        guard let editionID = EntityID(hex: try store.resolveEdition(edition)) else { throw StoreError.notFound(kind: "edition", prefix: edition) }
        let practice = try resolvePractice(typed)
        let detail = try store.practice(practice.hex)
        let published = Set(detail.history.filter { $0.stands && $0.kind == PracticeStepKind.publish.rawValue }.compactMap(\.version))
        let number = version ?? published.max() ?? detail.summary.version
        guard let chosen = detail.versions.first(where: { $0.number == number }), let versionID = EntityID(hex: chosen.id) else {
            throw PracticeError.unknownVersion(practice: practice.short, version: number, count: detail.versions.count)
        }
        guard published.contains(number) else { throw PracticeError.versionNotPublished(practice: practice.short, version: String(number)) }
        return try sign([.practice(.editionAdd(EditionAdd(edition: editionID, practice: practice, version: versionID)))]).entity(0)
    }
}
