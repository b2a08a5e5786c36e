import Testing
@testable import IntersessionCore

/// The core's part of delegation categories (issue 18): how a delegation's name is matched, the
/// category its capacities give it until the secretariat sets one, and the op's format.
@Suite struct DelegationCategoryRuleTests {
    @Test func namesMatchWhateverTheirCaseOuterSpacesAndAccentsTyped() {
        let same: [[String]] = [
            ["WCO", " wco ", "Wco\t"],
            ["Straße Zoll", "STRASSE ZOLL", "strasse zoll"],
            ["Côte d’Ivoire", "Co\u{0302}te d’Ivoire", "CÔTE D’IVOIRE", "co\u{0302}te d’ivoire "],
            ["ΟΔΟΣ", "οδος", "οδοσ"],
        ]
        for spellings in same {
            let keys = Set(spellings.map { DelegationCategory.key($0).utf8.map { $0 } })
            #expect(keys.count == 1, "\(spellings) give \(keys.count) keys")
        }
        // Spaces inside and distinct letters still tell delegations apart.
        #expect(DelegationCategory.key("Japan Customs") != DelegationCategory.key("JapanCustoms"))
        #expect(DelegationCategory.key("Cote d’Ivoire") != DelegationCategory.key("Côte d’Ivoire"))
        #expect(DelegationCategory.key("Straße") != DelegationCategory.key("Strase"))
    }

    @Test func withoutASettingTheCapacitiesDecideInTheCommitteesPrecedence() {
        #expect(DelegationKind.derived(from: [.expert, .observer, .head]) == .member)
        #expect(DelegationKind.derived(from: [.delegate]) == .member)
        #expect(DelegationKind.derived(from: [.expert, .observer]) == .observer)
        #expect(DelegationKind.derived(from: [.expert]) == .expert)
        #expect(DelegationKind.derived(from: [.secretariat]) == nil)
        #expect(DelegationKind.derived(from: []) == nil)
    }

    @Test func theOpCarriesTheNameAsWrittenAndRefusesAnUnknownCategory() throws {
        let op = DelegationCategory(delegation: " Co\u{0302}te d’Ivoire", category: .privateSector)
        #expect(op.json == ["t": "delegation.category", "delegation": .string(" Co\u{0302}te d’Ivoire"), "category": "private-sector"])
        let read = try DelegationCategory(OpFields(op.json))
        #expect(read.delegation.unicodeScalars.elementsEqual(op.delegation.unicodeScalars))
        #expect(read.category == .privateSector)
        var fields = op.json.objectValue!
        fields["category"] = "partner"
        #expect(throws: ChangeFormatError.badField("category", "is not a delegation category")) {
            try DelegationCategory(OpFields(.object(fields)))
        }
    }
}
