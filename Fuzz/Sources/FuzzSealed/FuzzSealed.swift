import Crypto
import FuzzSupport
@testable import IntersessionCore
@testable import IntersessionSync

// Sealed files: one opened under the key it was sealed with reads as the segment it holds; no
// file opens under a key nobody sealed it with (it fails cleanly, as not sealed, for no key
// held, or cut short); and any contents sealed then opened come back as they were.

@_cdecl("FuzzSealed_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzSealed)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in
        let contents = files.segments + files.firstVersionSegments
        return contents.compactMap { try? SealedFile.seal($0, under: Fuzz.epochKey) } + files.sealed
    }
    return 0
}

private let keyring = SealedFile.Keyring([(id: "fuzz", key: Fuzz.epochKey)])
private let strangers = SealedFile.Keyring([(id: "stranger", key: Fuzz.strangerKey)])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSealed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    if let opened = try? SealedFile.open(input, with: keyring) {
        _ = try? SegmentFormat.decode(opened.contents, group: nil, feed: nil, name: nil)
    }
    do {
        _ = try SealedFile.open(input, with: strangers)
        Fuzz.violated("a file opens under a key it was not sealed with")
    } catch {
        guard error != .damaged else { Fuzz.violated("a stranger's key is taken for the file's own") }
    }
    if let last = input.last, last != 0 {
        guard let sealed = try? SealedFile.seal(input, under: Fuzz.epochKey) else { Fuzz.violated("sealing fails") }
        guard SealedFile.isWholeLength(sealed.count) else { Fuzz.violated("a sealed file's length is not whole") }
        guard let opened = try? SealedFile.open(sealed, with: keyring), opened.contents == input else {
            Fuzz.violated("sealed contents do not open as they were")
        }
    }
    return 0
}
