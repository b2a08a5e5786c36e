import Testing
@testable import IntersessionCore

/// A re-admission's `also` and `replaces` travel in the signed op; an ordinary invite's bytes
/// are what they always were.
@Suite struct MemberInviteTests {
    let key = DeviceKey().feed, old = DeviceKey().feed

    @Test func anOrdinaryInviteKeepsItsFormerBytes() {
        let invite = Op.memberInvite(MemberInvite(key: key, role: .member, name: "Ana", organisation: "Chile", expires: 5))
        #expect(String(decoding: CanonicalJSON.encode(invite.json), as: UTF8.self)
            == "{\"expires\":5,\"key\":\"\(key.hex)\",\"name\":\"Ana\",\"org\":\"Chile\",\"role\":\"member\",\"t\":\"member.invite\"}")
    }

    @Test func aReadmissionRoundTripsWithEveryRole() throws {
        let invite = MemberInvite(key: key, role: .member, name: "Ana", organisation: "Chile", expires: 5,
                                  also: [.cochair, .member], replaces: old)
        guard case .memberInvite(let read) = try Op(json: Op.memberInvite(invite).json) else {
            Issue.record("not an invite")
            return
        }
        #expect(read == invite && read.replaces == old)
        #expect(read.roles == [.member, .cochair])
    }

    @Test func aMalformedReadmissionIsRefusedByName() {
        var json = Op.memberInvite(MemberInvite(key: key, role: .member, name: "A", organisation: "B", expires: 5)).json.objectValue!
        json["also"] = .array([.string("emperor")])
        #expect(throws: ChangeFormatError.badField("also", "must be a list of roles")) { try Op(json: .object(json)) }
        json["also"] = nil
        json["replaces"] = .string("zz")
        #expect(throws: ChangeFormatError.badField("replaces", "must be a feed id")) { try Op(json: .object(json)) }
    }
}
