import FuzzSupport
@testable import IntersessionCore
@testable import IntersessionSync

// Invite files: one that reads writes back as a file that reads as the same invite, and its
// texts print safely.

@_cdecl("FuzzInvite_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzInvite)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in files.invites }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInvite(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let invite = try? InviteFile(bytes: input) else { return 0 }
    guard let again = try? InviteFile(bytes: invite.bytes) else { Fuzz.violated("an invite's own bytes do not read") }
    guard again == invite else { Fuzz.violated("an invite's own bytes read as another invite") }
    for text in [invite.name, invite.organisation] + invite.folders {
        guard !text.terminalSafe.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            Fuzz.violated("a text of an invite is not terminal-safe once escaped")
        }
    }
    return 0
}
