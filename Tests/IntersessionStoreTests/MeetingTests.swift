import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore

/// The rules of meetings on a store: who runs one, phases closing at a frontier, late comments,
/// concerns holding an item open, and which outcome stands.
@Suite struct MeetingTests {
    let founder = DeviceKey()
    let chair = DeviceKey()
    let otherChair = DeviceKey()
    let delegate = DeviceKey()
    let observer = DeviceKey()

    struct Group {
        let store: AppDatabase
        var log: [SignedChange]
        let topic: EntityID
    }

    func group() throws -> Group {
        let (store, genesis) = try Fixture.foundedStore(by: founder)
        let grants = try store.author(ops: [
            .memberRole(MemberRole(feed: chair.feed, role: .cochair, fromSeq: 1)),
            .memberRole(MemberRole(feed: otherChair.feed, role: .cochair, fromSeq: 1)),
            .memberRole(MemberRole(feed: delegate.feed, role: .member, fromSeq: 1)),
            .memberRole(MemberRole(feed: observer.feed, role: .observer, fromSeq: 1)),
        ], key: founder, now: 2_000)
        return Group(store: store, log: [genesis, grants], topic: try Fixture.topicIDs(store)[0])
    }

    /// A replica of `key` holding `log`.
    func replica(_ log: [SignedChange]) throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try store.apply(log)
        return store
    }

    func convene(_ group: inout Group, presiding: [FeedID]) throws -> (meeting: EntityID, item: EntityID) {
        let store = try replica(group.log)
        let new = try store.author(ops: [.meeting(.new(MeetingNew(
            title: "PTC 1", body: "WGEC", number: "1", mode: .document, starts: "2020-05-18", ends: "2020-07-03",
            presiding: presiding, topic: group.topic)))], key: chair, now: 3_000)
        let meeting = new.entity(0)
        let item = try store.author(ops: [.meeting(.item(MeetingItem(
            meeting: meeting, number: "3", title: "Data model", text: "Comments on the draft", language: .en, purpose: .decision,
            category: .forDiscussion)))], key: chair, now: 3_100)
        group.log += [new, item]
        try group.store.apply([new, item])
        return (meeting, item.entity(0))
    }

    func comment(_ key: DeviceKey, on item: EntityID, _ log: [SignedChange], now: Int64) throws -> SignedChange {
        try replica(log).author(ops: [.postCreate(PostCreate(thread: item, parent: item, body: "A comment", language: .en))],
                                key: key, now: now)
    }

    @Test func onlyTheSecretariatAndThePresidingCoChairsRunAMeeting() throws {
        var group = try group()
        #expect(throws: StoreError.refused(.notAuthorised)) {
            try replica(group.log).author(ops: [.meeting(.new(MeetingNew(
                title: "T", body: "WGEC", number: "1", mode: .virtual, starts: "2026-01-01", ends: "2026-01-02", presiding: [],
                topic: group.topic)))], key: delegate, now: 3_000)
        }
        let (meeting, item) = try convene(&group, presiding: [chair.feed])
        let addition = Op.meeting(.item(MeetingItem(meeting: meeting, number: "4", title: "AOB", text: "", language: .en,
                                                    purpose: .note, category: .withoutDiscussion)))
        #expect(throws: StoreError.refused(.notPresiding)) { try replica(group.log).author(ops: [addition], key: otherChair, now: 4_000) }
        #expect(throws: StoreError.refused(.notPresiding)) { try replica(group.log).author(ops: [addition], key: delegate, now: 4_000) }
        _ = try replica(group.log).author(ops: [addition], key: founder, now: 4_000)
        #expect(throws: StoreError.refused(.notPresiding)) {
            try replica(group.log).author(ops: [.meeting(.outcome(MeetingOutcome(item: item, kind: .adopted, summary: "Adopted")))],
                                          key: delegate, now: 4_000)
        }
        #expect(throws: StoreError.refused(.notAuthorised)) {
            try replica(group.log).author(ops: [.meeting(.concern(MeetingConcern(item: item, text: "No")))], key: observer, now: 4_000)
        }
        #expect(throws: StoreError.refused(.invalidContent)) {
            try replica(group.log).author(ops: [.meeting(.new(MeetingNew(
                title: "T", body: "WGEC", number: "1", mode: .virtual, starts: "2026-02-01", ends: "2026-01-02", presiding: [],
                topic: group.topic)))], key: chair, now: 3_000)
        }
    }

    @Test func aCommentOutsideTheClosesFrontierIsLateOnEveryReplicaWhateverItsClock() throws {
        var group = try group()
        let (meeting, item) = try convene(&group, presiding: [])
        let onTime = try comment(delegate, on: item, group.log, now: 5_000)
        let closer = try replica(group.log + [onTime])
        let heads = try closer.feedHeads()
        let close = try closer.author(ops: [.meeting(.phase(MeetingPhase(meeting: meeting, phase: .comment, frontier: heads)))],
                                      key: chair, now: 6_000, dependsOn: CloseFrontier.dependencies(heads))
        // Signed after the close was made, without having seen it, with an earlier clock.
        let late = try comment(otherChair, on: item, group.log, now: 4_000)
        let orders = [[onTime, close, late], [late, onTime, close], [close, late, onTime]]
        let details = try orders.map { order in
            let store = try replica(group.log)
            try store.apply(order)
            return try store.agendaItem(item.hex).item
        }
        for detail in details {
            #expect(detail == details[0])
            #expect(detail.comments.count == 2)
            #expect(detail.comments.first { $0.post == late.entity(0).hex }?.late == true)
            #expect(detail.comments.first { $0.post == onTime.entity(0).hex }?.late == false)
            #expect(detail.commentsClosed)
        }
    }

    @Test func anItemsOwnCloseEndsItsCommentsAloneAndConcurrentClosesIntersect() throws {
        var group = try group()
        let (meeting, item) = try convene(&group, presiding: [])
        let other = try replica(group.log).author(ops: [.meeting(.item(MeetingItem(
            meeting: meeting, number: "4", title: "Other", text: "", language: .en, purpose: .discussion, category: .forDiscussion)))],
            key: chair, now: 3_200)
        group.log.append(other)
        let first = try comment(delegate, on: item, group.log, now: 5_000)
        let base = try replica(group.log)
        let early = try base.author(ops: [.meeting(.phase(MeetingPhase(meeting: meeting, phase: .comment, frontier: try base.feedHeads(),
                                                                       item: item)))],
                                    key: chair, now: 5_100, dependsOn: CloseFrontier.dependencies(try base.feedHeads()))
        let seen = try replica(group.log + [first])
        let wide = try seen.author(ops: [.meeting(.phase(MeetingPhase(meeting: meeting, phase: .comment, frontier: try seen.feedHeads())))],
                                   key: otherChair, now: 5_200, dependsOn: CloseFrontier.dependencies(try seen.feedHeads()))
        let onOther = try comment(delegate, on: other.entity(0), group.log + [first], now: 5_050)
        let store = try replica(group.log + [wide, onOther, early, first])
        // The item's own close did not see the comment: late, though the meeting's close saw it.
        #expect(try store.agendaItem(item.hex).item.comments.map(\.late) == [true])
        // The other item closed with the meeting's close only, which did not see its comment.
        #expect(try store.agendaItem(other.entity(0).hex).item.comments.map(\.late) == [true])
        let meetingDetail = try store.meeting(meeting.hex)
        #expect(meetingDetail.phases.first { $0.phase == "comment" }?.closed == true)
    }

    @Test func aConcernKeepsItsItemOpenUntilAnsweredUnlessItCameLate() throws {
        var group = try group()
        let (meeting, item) = try convene(&group, presiding: [])
        let concern = try replica(group.log).author(ops: [.meeting(.concern(MeetingConcern(item: item, text: "Para 2 is unclear")))],
                                                    key: delegate, now: 5_000)
        let outcome = try replica(group.log).author(ops: [.meeting(.outcome(MeetingOutcome(item: item, kind: .adopted, summary: "Adopted")))],
                                                    key: chair, now: 5_100)
        let store = try replica(group.log + [outcome, concern])
        var detail = try store.agendaItem(item.hex).item
        #expect(detail.standing == "held")
        #expect(detail.openConcerns == 1)
        #expect(detail.deferred)
        let answer = try store.author(ops: [.meeting(.answer(MeetingAnswer(concern: concern.entity(0), text: "Clarified")))],
                                      key: otherChair, now: 5_200)
        detail = try store.agendaItem(item.hex).item
        #expect(detail.standing == "adopted")
        #expect(!detail.deferred)
        #expect(detail.concerns.first?.answers == ["Clarified"])
        // A delegate cannot answer.
        #expect(throws: StoreError.refused(.notPresiding)) {
            try replica(group.log + [concern]).author(ops: [.meeting(.answer(MeetingAnswer(concern: concern.entity(0), text: "x")))],
                                                      key: delegate, now: 5_300)
        }
        // A concern signed after the concerns phase closed is kept, late, and holds nothing.
        let closer = try replica(group.log + [outcome, concern, answer])
        let heads = try closer.feedHeads()
        let close = try closer.author(ops: [.meeting(.phase(MeetingPhase(meeting: meeting, phase: .concerns, frontier: heads)))],
                                      key: chair, now: 6_000, dependsOn: CloseFrontier.dependencies(heads))
        let lateConcern = try replica(group.log + [concern]).author(ops: [.meeting(.concern(MeetingConcern(item: item, text: "Too late")))],
                                                        key: delegate, now: 1_000)
        try store.apply([lateConcern, close])
        detail = try store.agendaItem(item.hex).item
        #expect(detail.concerns.map(\.late) == [false, true])
        #expect(detail.standing == "adopted")
    }

    @Test func ofConcurrentOutcomesTheLeastIdStandsAndAReplacementWins() throws {
        var group = try group()
        let (_, item) = try convene(&group, presiding: [])
        let one = try replica(group.log).author(ops: [.meeting(.outcome(MeetingOutcome(item: item, kind: .adopted, summary: "A")))],
                                                key: chair, now: 5_000)
        let two = try replica(group.log).author(ops: [.meeting(.outcome(MeetingOutcome(item: item, kind: .deferred, summary: "B")))],
                                                key: otherChair, now: 5_000)
        let least = min(one.entity(0).hex, two.entity(0).hex)
        for order in [[one, two], [two, one]] {
            let store = try replica(group.log)
            try store.apply(order)
            #expect(try store.agendaItem(item.hex).item.standingOutcome?.id == least)
        }
        // A later outcome that saw both replaces both, whatever its id.
        let seen = try replica(group.log + [one, two])
        let third = try seen.author(ops: [.meeting(.outcome(MeetingOutcome(
            item: item, kind: .noted, summary: "C", replaces: [one.entity(0), two.entity(0)])))], key: founder, now: 4_000)
        let store = try replica(group.log + [third, two, one])
        let detail = try store.agendaItem(item.hex).item
        #expect(detail.standingOutcome?.id == third.entity(0).hex)
        #expect(detail.standing == "noted")
        #expect(detail.outcomes.count == 3)
    }

    @Test func delegatesRegisterThemselvesAndThePresidentsRegisterExperts() throws {
        var group = try group()
        let (meeting, _) = try convene(&group, presiding: [chair.feed])
        let expert = DeviceKey()
        let mine = try replica(group.log).author(ops: [.meeting(.register(MeetingRegister(
            meeting: meeting, participant: delegate.feed, capacity: .head, delegation: "Japan")))], key: delegate, now: 4_000)
        #expect(throws: StoreError.refused(.notPresiding)) {
            try replica(group.log).author(ops: [.meeting(.register(MeetingRegister(
                meeting: meeting, participant: expert.feed, capacity: .expert, delegation: "University")))], key: delegate, now: 4_000)
        }
        let invited = try replica(group.log).author(ops: [.meeting(.register(MeetingRegister(
            meeting: meeting, participant: expert.feed, capacity: .expert, delegation: "University")))], key: chair, now: 4_100)
        let store = try replica(group.log + [mine, invited])
        #expect(try store.meeting(meeting.hex).participants.map(\.delegation) == ["Japan", "University"])
        let withdrawn = try store.author(ops: [.meeting(.register(MeetingRegister(
            meeting: meeting, participant: delegate.feed, capacity: .withdrawn, delegation: "Japan")))], key: delegate, now: 4_200)
        _ = withdrawn
        #expect(try store.meeting(meeting.hex).participants.map(\.capacity) == ["expert"])
    }
}
