import Foundation
import IntersessionCore
import IntersessionStore

extension DemoWorkspace {
    /// A document-based meeting in progress, convened by the French co-chair (peer 1): its
    /// agenda on the demo's first draft, the comment phase open, registrations, comments, a
    /// final concern waiting for an answer, and the first item's outcome.
    static func makeMeeting(peers: [Actions], network: DemoNetwork) throws {
        let chair = peers[1], delegate = peers[3]
        var request = Actions.MeetingRequest(title: "First document-based meeting of the WGEC", number: "2026/1",
                                             starts: "2026-05-18", ends: "2026-07-03")
        request.topic = "meetings"
        let meeting = try chair.convene(request).hex
        let document = try chair.store.drafts().last.map { draft in
            [String(draft.id.prefix(8))] + (try chair.store.draft(draft.id).versions.first.map { ["\(draft.id.prefix(8))@\($0.name)"] } ?? [])
        }?.last
        var items: [String] = []
        for (number, title, purpose) in [("1", "Adoption of the agenda", ItemPurpose.decision), ("2", "Guidelines on cross-border e-commerce", .guidance),
                                         ("3", "Other business", .note)] {
            var item = Actions.ItemRequest()
            item.number = number
            item.title = title
            item.purpose = purpose
            item.category = number == "1" ? .withoutDiscussion : .forDiscussion
            if number == "2" { item.documents = document.map { [$0] } }
            items.append(try chair.addItem(to: meeting, item).hex)
        }
        try chair.openPhase(.comment, of: meeting, days: 21)
        try chair.setOutcome(of: items[0], kind: .adopted, summary: "The agenda is adopted as circulated.")
        try network.deliver(from: 1)
        for index in [0, 3] {
            try peers[index].register(for: meeting, capacity: index == 0 ? .secretariat : .head)
            try network.deliver(from: index)
        }
        _ = try delegate.reply(to: items[1], body: "Japan supports the guidelines and suggests examples in an annex.", language: .en)
        try network.deliver(from: 3)
        _ = try chair.reply(to: items[1], body: "Merci : les exemples seront ajoutés en annexe.", language: .fr)
        try network.deliver(from: 1)
        try delegate.raiseConcern(on: items[1], text: "Paragraph 4 should name the thresholds it refers to.")
        try network.deliver(from: 3)
    }
}
