import Crypto
import FuzzSupport
@testable import IntersessionCore
@testable import IntersessionSync

// Key files and the epoch envelopes they hold: a key file that reads writes back to the same
// file; no envelope opens for a device it was not wrapped for; and a key wrapped for a device
// opens, for that epoch and group only, as itself.

@_cdecl("FuzzKeyFile_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzKeyFile)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in files.keys }
    return 0
}

private let group = GroupID(bytes: [UInt8](repeating: 0x11, count: 32))!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    if let file = try? KeyFile(bytes: input) {
        guard let again = try? KeyFile(bytes: file.bytes), again == file else { Fuzz.violated("a key file does not write back as itself") }
        for envelope in file.envelopes.prefix(4) {
            if (try? envelope.open(epoch: file.number, group: group, with: Fuzz.strangerDevice)) != nil {
                Fuzz.violated("an envelope opens for a device it was not wrapped for")
            }
        }
    }
    if let envelope = EpochEnvelope(bytes: input) {
        guard EpochEnvelope(bytes: envelope.bytes) == envelope else { Fuzz.violated("an envelope does not write back as itself") }
    }
    if input.count >= 40 {
        let key = SymmetricKey(data: input.prefix(32))
        let epoch = Int64(bitPattern: input[32..<40].reduce(0) { $0 << 8 | UInt64($1) })
        let device = Fuzz.strangerDevice
        guard let envelope = try? EpochEnvelope.wrap(key, epoch: epoch, group: group, for: device.publicKey),
            let opened = try? envelope.open(epoch: epoch, group: group, with: device), opened == key
        else { Fuzz.violated("a wrapped epoch key does not open as itself") }
        if (try? envelope.open(epoch: epoch &+ 1, group: group, with: device)) != nil {
            Fuzz.violated("an envelope opens for another epoch")
        }
    }
    return 0
}
