import Foundation
import IntersessionCore
import IntersessionStore

/// Meetings: convene one, set its agenda, open and close its phases. Each act checks here
/// what the rules will check (who runs the meeting, what a phase allows) so that nothing is
/// signed in vain, and says why in the person's language.
extension Actions {
    /// What a new meeting is.
    public struct MeetingRequest: Sendable {
        public var title: String
        public var body = "WGEC"
        public var number: String
        public var mode: MeetingMode = .document
        public var starts: String
        public var ends: String
        /// Co-chairs presiding, by name or feed id prefix; none: every co-chair.
        public var presiding: [String] = []
        /// The topic the items' threads go in (key or id prefix); the group's first when nil.
        public var topic: String?

        public init(title: String, number: String, starts: String, ends: String) {
            self.title = title
            self.number = number
            self.starts = starts
            self.ends = ends
        }
    }

    /// What an agenda item is; nil fields of an edit keep what stands.
    public struct ItemRequest: Sendable {
        public var number: String?
        public var title: String?
        public var text = ""
        public var parent: String?
        public var purpose: ItemPurpose?
        public var category: ItemCategory?
        /// The item's own comment deadline, in days from now.
        public var deadlineDays: Int?
        /// Drafts by id prefix, each optionally `@version`.
        public var documents: [String]?

        public init() {}

        var hasChanges: Bool {
            number != nil || title != nil || parent != nil || purpose != nil || category != nil || deadlineDays != nil || documents != nil
        }
    }

    @discardableResult
    public func convene(_ request: MeetingRequest) throws -> EntityID {
        try adoptOwnChanges()
        guard try store.currentRoles(of: me).contains(where: \.moderates) else { throw ActionError.notModerator }
        for date in [request.starts, request.ends] where !MeetingContent.isDate(date) { throw MeetingError.badDate(date) }
        guard request.starts <= request.ends else { throw MeetingError.datesOutOfOrder(starts: request.starts, ends: request.ends) }
        let topic: EntityID
        if let typed = request.topic {
            topic = try entity(typed, as: .topic)
        } else {
            guard let first = try store.topics().first.flatMap({ EntityID(hex: $0.id) }) else { throw MeetingError.noTopic }
            topic = first
        }
        let meeting = MeetingNew(
            title: try Input.title(request.title), body: try Input.title(request.body), number: try Input.title(request.number),
            mode: request.mode, starts: request.starts, ends: request.ends,
            presiding: try request.presiding.map(person), topic: topic)
        return try sign([.meeting(.new(meeting))]).entity(0)
    }

    /// A member by feed id prefix, else by name (case-insensitive, else a unique prefix of it).
    func person(_ typed: String) throws -> FeedID {
        if Hex.isHexPrefix(typed.lowercased()), let feed = try? member(typed).feed { return feed }
        let members = try store.members().filter { $0.frozenFrom == nil }
        let needle = typed.lowercased()
        var matches = members.filter { $0.name?.lowercased() == needle }
        if matches.isEmpty { matches = members.filter { $0.name?.lowercased().hasPrefix(needle) == true } }
        guard matches.count == 1, let feed = FeedID(hex: matches[0].feed) else {
            if matches.isEmpty { throw StoreError.notFound(kind: "member", prefix: typed) }
            throw StoreError.ambiguous(kind: "member", prefix: typed, count: matches.count)
        }
        return feed
    }

    public func resolveMeeting(_ typed: String) throws -> EntityID { try meetingEntry(typed, .meeting) }
    public func resolveAgendaItem(_ typed: String) throws -> EntityID { try meetingEntry(typed, .item) }

    func meetingEntry(_ typed: String, _ table: MeetingTable) throws -> EntityID {
        let hex = try store.resolveMeetingEntry(typed, in: table)
        guard let id = EntityID(hex: hex) else { throw StoreError.notFound(kind: "meeting", prefix: typed) }
        return id
    }

    /// The meeting as this replica holds it, when this profile runs it.
    func meetingIRun(_ id: EntityID) throws -> MeetingDetail {
        let detail = try store.meeting(id.hex)
        let facts = MeetingFacts(presiding: detail.presiding.compactMap { FeedID(hex: $0.feed) }, topic: EntityID(hex: detail.topic) ?? id)
        guard MeetingRules.runs(me, roles: try store.currentRoles(of: me), facts) else { throw MeetingError.notPresiding(meeting: id.short) }
        return detail
    }

    /// Adds an item to the agenda of `meeting`; returns its id (also its thread's).
    @discardableResult
    public func addItem(to meeting: String, _ request: ItemRequest) throws -> EntityID {
        try adoptOwnChanges()
        let id = try resolveMeeting(meeting)
        let detail = try meetingIRun(id)
        guard let number = request.number, let title = request.title else { throw ActionError.titleRequired }
        let now = clock()
        let item = MeetingItem(
            meeting: id, number: try Input.title(number), parent: try parent(request.parent, in: detail),
            title: try Input.title(title), text: request.text, language: writingLanguage, purpose: request.purpose ?? .discussion,
            category: request.category ?? .forDiscussion, deadline: try request.deadlineDays.map { Terms.after(days: try Input.days($0, option: "--days", in: 1...365), from: now) },
            documents: try documents(request.documents ?? []))
        if !item.text.isEmpty { _ = try Input.body(item.text) }
        return try sign([.meeting(.item(item))], at: now).entity(0)
    }

    /// Restates an agenda item: what the request gives replaces what stands.
    @discardableResult
    public func editItem(_ typed: String, _ request: ItemRequest) throws -> EntityID {
        try adoptOwnChanges()
        let id = try resolveAgendaItem(typed)
        guard request.hasChanges else { throw MeetingError.nothingToChange }
        let (meeting, item) = try store.agendaItem(id.hex)
        guard let meetingID = EntityID(hex: meeting.summary.id) else { throw StoreError.notFound(kind: "meeting", prefix: typed) }
        _ = try meetingIRun(meetingID)
        let now = clock()
        let edited = MeetingItem(
            meeting: meetingID, item: id, number: try Input.title(request.number ?? item.number),
            parent: try request.parent.map { try parent($0, in: meeting) } ?? item.parent.flatMap(EntityID.init(hex:)),
            title: try Input.title(request.title ?? item.title), text: "", language: writingLanguage,
            purpose: request.purpose ?? ItemPurpose(rawValue: item.purpose) ?? .discussion,
            category: request.category ?? ItemCategory(rawValue: item.category) ?? .forDiscussion,
            deadline: try request.deadlineDays.map { Terms.after(days: try Input.days($0, option: "--days", in: 1...365), from: now) } ?? item.deadline,
            documents: try request.documents.map(documents) ?? item.documents.compactMap { document in
                EntityID(hex: document.draft).map { MeetingDocument(draft: $0, version: document.version) }
            })
        if request.parent.map({ _ in edited.parent == id }) == true { throw MeetingError.parentInOtherMeeting(item: id.short) }
        return try sign([.meeting(.item(edited))], at: now).entity(0)
    }

    private func parent(_ typed: String?, in meeting: MeetingDetail) throws -> EntityID? {
        guard let typed else { return nil }
        let id = try resolveAgendaItem(typed)
        guard meeting.agenda.contains(where: { $0.id == id.hex }) else { throw MeetingError.parentInOtherMeeting(item: id.short) }
        return id
    }

    /// `draft` or `draft@version`: a draft and, when named, one of its named versions.
    private func documents(_ typed: [String]) throws -> [MeetingDocument] {
        try typed.map { text in
            let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
            let draft = try entity(parts[0], as: .draft)
            guard parts.count == 2 else { return MeetingDocument(draft: draft) }
            let versions = try store.draft(draft.hex).versions.map(\.name)
            guard versions.contains(parts[1]) else {
                throw MeetingError.unknownVersion(draft: draft.short, version: parts[1], known: versions.isEmpty ? "-" : versions.joined(separator: ", "))
            }
            return MeetingDocument(draft: draft, version: parts[1])
        }
    }

    /// Opens a phase of `meeting` with a deadline `days` from now (it only prompts).
    public func openPhase(_ phase: MeetingPhaseKind, of meeting: String, days: Int) throws {
        try adoptOwnChanges()
        let id = try resolveMeeting(meeting)
        let detail = try meetingIRun(id)
        if detail.phases.first(where: { $0.phase == phase.rawValue })?.closed == true { throw MeetingError.phaseClosed(phase: phase.rawValue) }
        let now = clock()
        let deadline = Terms.after(days: try Input.days(days, option: "--days", in: 1...365), from: now)
        try sign([.meeting(.phase(MeetingPhase(meeting: id, phase: phase, deadline: deadline)))], at: now)
    }

    /// Closes a phase of `meeting` (or, for comments, of one item) at this replica's frontier:
    /// exactly the entries seen here are on time, everywhere.
    public func closePhase(_ phase: MeetingPhaseKind, of meeting: String, item: String? = nil) throws {
        try adoptOwnChanges()
        let id = try resolveMeeting(meeting)
        let detail = try meetingIRun(id)
        guard let state = detail.phases.first(where: { $0.phase == phase.rawValue }), state.opened else {
            throw MeetingError.phaseNotOpen(phase: phase.rawValue)
        }
        if state.closed { throw MeetingError.phaseClosed(phase: phase.rawValue) }
        let itemID = try item.map(resolveAgendaItem)
        if let itemID {
            guard let found = detail.agenda.first(where: { $0.id == itemID.hex }) else { throw MeetingError.parentInOtherMeeting(item: itemID.short) }
            if found.commentsClosed { throw MeetingError.itemCommentsClosed(item: itemID.short) }
        }
        let heads = try store.feedHeads()
        try sign([.meeting(.phase(MeetingPhase(meeting: id, phase: phase, frontier: heads, item: itemID)))])
    }
}
