import Foundation
import Testing
@testable import IntersessionSync

/// An invite names a folder under the inviter's home as `~/…`, and the invitee's `~` is their
/// own home: both as the shell means it, `$HOME` first.
@Suite struct FolderHintTests {
    @Test func theHomeIsHomeFirst() {
        #expect(FolderHint.userHome(environment: ["HOME": "/srv/users/ana"]) == "/srv/users/ana")
        #expect(FolderHint.userHome(environment: ["HOME": ""]) == NSHomeDirectory())
        #expect(FolderHint.userHome(environment: [:]) == NSHomeDirectory())
    }

    @Test func aFolderUnderTheHomeIsNamedFromIt() {
        let home = "/srv/users/ana"
        #expect(FolderHint.hint(for: home + "/Sync/wgec", home: home) == "~/Sync/wgec")
        #expect(FolderHint.candidates("~/Sync/wgec", home: "/home/kenji") == ["/home/kenji/Sync/wgec"])
        #expect(FolderHint.hint(for: "/media/usb/wgec", home: home) == "wgec")
        #expect(FolderHint.candidates("wgec", home: "/home/kenji", current: "/work") == ["/work/wgec", "/home/kenji/wgec"])
        #expect(FolderHint.candidates("../etc", home: "/home/kenji").isEmpty)
    }
}
