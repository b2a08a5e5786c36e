import Foundation
import Testing
import IntersessionCore
import IntersessionStore
@testable import IntersessionSync

/// The GROUP file of a sealed folder, as a newcomer's `join` meets it (issue 13): cut short, it
/// is a copy in progress (the group is not in the folder yet); altered, it is another group's.
@Suite struct SealedGroupFileTests {
    func setting(_ temp: TemporaryFolder) throws -> (invite: InviteFile, folder: GroupFolder) {
        let replicas = try Group.make(in: temp, members: 1, sealed: true)
        let invite = try InviteFile.read(path: temp.path + "/invite-1")
        return (invite, try replicas[0].groupFolder(replicas[0].folders[0]))
    }

    @Test func aWholeGroupFileNamesTheFolder() throws {
        let temp = TemporaryFolder()
        let (invite, folder) = try setting(temp)
        #expect(try Invitation.sharedFolder(for: invite, override: folder.root) == folder.root)
    }

    @Test(arguments: [0, 10, -1])
    func aGroupFileCutShortIsNotThereYet(_ cut: Int) throws {
        let temp = TemporaryFolder()
        let (invite, folder) = try setting(temp)
        let whole = try Files.read(folder.groupFile, limit: 1 << 20)
        try Data(whole.prefix(cut < 0 ? whole.count - 5 : cut)).write(to: URL(fileURLWithPath: folder.groupFile))
        #expect(throws: InviteError.groupNotInFolder(folder.root)) { try Invitation.sharedFolder(for: invite, override: folder.root) }
    }

    @Test func anAlteredGroupFileIsAnotherGroups() throws {
        let temp = TemporaryFolder()
        let (invite, folder) = try setting(temp)
        var bytes = try Files.read(folder.groupFile, limit: 1 << 20)
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: folder.groupFile))
        #expect(throws: InviteError.otherGroup(folder.root)) { try Invitation.sharedFolder(for: invite, override: folder.root) }
    }
}
