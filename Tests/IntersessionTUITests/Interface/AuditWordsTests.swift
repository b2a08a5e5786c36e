import Foundation
import Testing
import IntersessionCore
@testable import IntersessionStore
@testable import IntersessionTUI

/// The audit log names every act in words, whole, at every size, in French above all (its
/// longest words); a refused act says why in words.
@Suite struct AuditWordsTests {
    static let now: Int64 = 1_795_000_000_000

    static func entries(_ language: Language) throws -> [AuditEntry] {
        let acts = try Catalog.keys(language).filter { $0.hasPrefix(Catalog.actPrefix) }.sorted()
        return acts.enumerated().map { index, key in
            AuditEntry(time: now - Int64(index) * 60_000, actor: String(repeating: "a", count: 64), actorName: "Jean-Pierre Moreau",
                       action: String(key.dropFirst(Catalog.actPrefix.count)), target: String(repeating: "b", count: 64),
                       targetName: "Venue of the next meeting of the group", detail: nil, counted: true)
        }
    }

    static func screen(_ list: ListState<AuditEntry>, _ language: Language, width: Int, height: Int) -> [String] {
        var model = Model(language: language, plain: false, width: width, height: height, now: now, me: nil, groupTitle: "WGEC",
                          start: .audit(list))
        model.colors = false
        model.formats = Formats(language: language, timeZone: TimeZone(identifier: "UTC")!, fixedPatterns: true)
        var buffer = Buffer(width: width, height: height)
        _ = View.render(model, into: &buffer)
        return buffer.lines(trimmingTrailingSpaces: true)
    }

    @Test(arguments: [(80, 24), (60, 15)])
    func everyActIsWholeInFrench(width: Int, height: Int) throws {
        let entries = try Self.entries(.fr)
        let catalog = Catalog(language: .fr)
        #expect(entries.count > 30)
        for (index, entry) in entries.enumerated() {
            var list = ListState(items: entries, selected: index)
            list.reveal(rows: height - 2)
            let lines = Self.screen(list, .fr, width: width, height: height)
            let act = catalog.act(entry.action)
            #expect(act != entry.action, "\(entry.action) has no words")
            #expect(lines.contains { $0.contains(act) }, "\(width)x\(height): «\(act)» cut in\n\(lines.joined(separator: "\n"))")
            #expect(lines.allSatisfy { $0.cellWidth <= width })
        }
    }

    @Test(arguments: Language.allCases)
    func aRefusedActSaysWhyInWords(language: Language) {
        let refused = AuditEntry(time: Self.now, actor: String(repeating: "a", count: 64), actorName: "Kenji Watanabe", action: "member.role",
                                 target: RejectionReason.notAuthorised.rawValue, targetName: nil, detail: nil, counted: false)
        let lines = Self.screen(ListState(items: [refused]), language, width: 160, height: 24)
        let catalog = Catalog(language: language)
        #expect(lines.contains { $0.contains(catalog.rejection(RejectionReason.notAuthorised.rawValue)) }, "\(lines)")
        #expect(!lines.contains { $0.contains(RejectionReason.notAuthorised.rawValue) })
    }
}
