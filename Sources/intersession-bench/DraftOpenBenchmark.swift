import Foundation
import IntersessionCore
import IntersessionResources
import IntersessionStore

/// What opening a draft costs after a long history: the automerge-paper text as a draft, then
/// `edits` saves that each change a word somewhere, then the reads the interface makes.
struct DraftOpenBenchmark {
    let edits: Int

    func run(text: String) throws {
        let store = try AppDatabase.inMemory()
        let key = DeviceKey()
        let template = try GroupTemplate(json: Array(EmbeddedResources.template(named: "wgec")!))
        var now: Int64 = 1_790_000_000_000
        _ = try store.createGroup(ops: template.genesisOps(title: nil, founder: MemberProfile(name: "Secretariat", organisation: "WCO",
                                                                                              language: .en)), key: key, now: now)
        let topic = EntityID(hex: try store.topics()[0].id)!
        let draft = try store.author(ops: [.draftCreate(DraftCreate(title: "Paper", topic: topic, language: .en, symbol: "X/1",
                                                                    penholders: [key.feed]))],
                                     references: [topic], key: key, now: now).entity(0).hex
        try store.saveDraft(draft, text: text, key: key, now: now)
        var rng = SplitMix64(seed: 1)
        var current = text
        let save = TextBenchmark.time {
            for index in 0..<edits {
                now += 60_000
                var scalars = Array(current.unicodeScalars)
                let at = Int.random(in: 0..<scalars.count, using: &rng)
                scalars.replaceSubrange(at..<min(scalars.count, at + 3), with: Array("edit \(index) ".unicodeScalars))
                current = String(String.UnicodeScalarView(scalars))
                try! store.saveDraft(draft, text: current, key: key, now: now)
            }
        }
        print(String(format: "a %d-character draft saved %d times: %.1f ms a save (diff, sign, merge, store)",
                     text.unicodeScalars.count, edits, save * 1000 / Double(edits)))
        let detail = TextBenchmark.best(3) { _ = try! store.draft(draft) }
        let history = try store.draftHistory(draft)
        let parse = TextBenchmark.best(3) { _ = try! store.draftHistory(draft) }
        let blame = TextBenchmark.best(3) { _ = history.blocks() }
        print(String(format: "  of which reading the history %.1f ms, replaying it for blame and flags %.1f ms", parse * 1000, blame * 1000))
        let start = TextBenchmark.best(3) { _ = try! store.draftStart(draft) }
        let list = TextBenchmark.best(3) { _ = try! store.drafts() }
        print(String(format: "  open it (paragraphs, blame, flags, amendments): %.1f ms; start an edit: %.1f ms; list drafts: %.2f ms",
                     detail * 1000, start * 1000, list * 1000))
    }
}
