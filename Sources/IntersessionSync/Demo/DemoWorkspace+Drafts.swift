import Foundation
import IntersessionCore
import IntersessionStore

extension DemoWorkspace {
    /// Starts a demo draft, names its first version, then lets the penholders edit, a delegate
    /// amend and comment, each delivered to every peer.
    static func make(_ draft: DemoContent.Draft, peers: [(key: DeviceKey, store: AppDatabase)],
                     publish: (SignedChange, Int) throws -> Void, tick: () -> Int64) throws {
        let author = peers[draft.author]
        let topic = EntityID(hex: try author.store.resolve(draft.topic, as: .topic))!
        let create = try author.store.author(
            ops: [.draftCreate(DraftCreate(title: draft.title, topic: topic, language: draft.language, symbol: draft.symbol,
                                           penholders: draft.penholders.map { peers[$0].key.feed }))],
            references: [topic], key: author.key, now: tick())
        try publish(create, draft.author)
        let id = create.entity(0).hex
        if let first = try author.store.saveDraft(id, text: draft.text, key: author.key, now: tick()) { try publish(first, draft.author) }
        if let version = draft.version {
            let heads = try author.store.draftHeads(id)
            try publish(try author.store.author(ops: [.draftVersion(DraftVersion(draft: create.entity(0), name: version, heads: heads))],
                                                references: [create.entity(0)], key: author.key, now: tick(), dependsOn: heads), draft.author)
        }
        for edit in draft.edits {
            let editor = peers[edit.by]
            let text = try editor.store.draftText(id).text.replacingOccurrences(of: edit.find, with: edit.replace)
            if let change = try editor.store.saveDraft(id, text: text, key: editor.key, now: tick()) { try publish(change, edit.by) }
        }
        for amendment in draft.amendments {
            let sponsor = peers[amendment.by]
            let text = try sponsor.store.draftText(id)
            guard let block = Paragraphs.split(text.text).first(where: { $0.number == amendment.paragraph }),
                let found = block.text.range(of: amendment.span)
            else { continue }
            let start = block.range.lowerBound + block.text.unicodeScalars.distance(from: block.text.startIndex, to: found.lowerBound)
            let end = start + amendment.span.unicodeScalars.count
            let proposal = AmendPropose(draft: create.entity(0), kind: .replace, from: text.anchor(at: start), to: text.anchor(at: end - 1),
                                        text: amendment.text, rationale: amendment.rationale)
            try publish(try sponsor.store.author(ops: [.amendPropose(proposal)], references: [create.entity(0)], key: sponsor.key, now: tick(),
                                                 dependsOn: try sponsor.store.draftHeads(id)), amendment.by)
        }
        for comment in draft.comments {
            let commenter = peers[comment.by]
            let text = try commenter.store.draftText(id)
            guard let block = Paragraphs.split(text.text).first(where: { $0.number == comment.paragraph }) else { continue }
            let thread = ThreadCreate(topic: topic, title: "¶\(comment.paragraph) \(draft.symbol): \(draft.title)".count > Limits.titleCharacters
                                        ? "¶\(comment.paragraph) \(draft.symbol)" : "¶\(comment.paragraph) \(draft.symbol): \(draft.title)",
                                      body: comment.body, language: draft.language, draft: create.entity(0), anchor: text.anchor(at: block.range.lowerBound))
            let change = try commenter.store.author(ops: [.threadCreate(thread)], references: [topic, create.entity(0)], key: commenter.key,
                                                    now: tick(), dependsOn: try commenter.store.draftHeads(id))
            try publish(change, comment.by)
            try commenter.store.markRead(posts: [change.entity(0).hex])
        }
    }
}
