import FuzzSupport
@testable import IntersessionCore

// The canonical JSON parser: whatever it accepts, its canonical encoding parses back to the
// same value, and encoding that again gives the same bytes.

@_cdecl("FuzzJSON_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzJSON)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in
        files.changes.map(\.bytes) + files.invites + files.changes.flatMap { $0.body.ops.map { CanonicalJSON.encode($0.json) } }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let value = try? JSONParser.parse(input) else { return 0 }
    let encoded = CanonicalJSON.encode(value)
    guard let again = try? JSONParser.parse(encoded) else { Fuzz.violated("canonical JSON does not parse back") }
    guard again == value else { Fuzz.violated("canonical JSON parses back to another value") }
    guard CanonicalJSON.encode(again) == encoded else { Fuzz.violated("canonical JSON is not stable") }
    return 0
}
