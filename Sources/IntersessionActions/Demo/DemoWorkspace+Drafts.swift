import Foundation
import IntersessionCore
import IntersessionStore

extension DemoWorkspace {
    /// Starts a demo draft, names its first version, then lets the penholders edit, a delegate
    /// amend and comment, each delivered to every peer.
    static func make(_ draft: DemoContent.Draft, peers: [Actions], network: DemoNetwork) throws {
        let author = peers[draft.author]
        let id = try author.newDraft(title: draft.title, topic: draft.topic, symbol: draft.symbol, language: draft.language,
                                     penholders: draft.penholders.map { peers[$0].me.hex }, text: draft.text).hex
        if let version = draft.version { try author.nameVersion(of: id, version) }
        try network.deliver(from: draft.author)
        for edit in draft.edits {
            let editor = peers[edit.by]
            try editor.saveDraft(id, text: try editor.store.draftText(id).text.replacingOccurrences(of: edit.find, with: edit.replace))
            try network.deliver(from: edit.by)
        }
        for amendment in draft.amendments {
            try peers[amendment.by].proposeAmendment(to: id, paragraph: amendment.paragraph, span: amendment.span, kind: .replace,
                                                     text: amendment.text, rationale: amendment.rationale)
            try network.deliver(from: amendment.by)
        }
        for comment in draft.comments {
            try peers[comment.by].comment(on: id, paragraph: comment.paragraph, body: comment.body, language: draft.language)
            try network.deliver(from: comment.by)
        }
    }
}
