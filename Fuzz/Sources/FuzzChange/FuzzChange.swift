import FuzzSupport
@testable import IntersessionCore

// Change bodies as an import reads them: the direct reader and the JSON tree reader accept the
// same bodies with the same result, and a body's own encoding reads back as that body.

@_cdecl("FuzzChange_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzChange)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in files.changes.map(\.bytes) }
    return 0
}

private let signature = [UInt8](repeating: 0, count: 64)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChange(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    let direct = ChangeBody.reading(input)
    let tree: ChangeBody?
    if let json = try? JSONParser.parse(input) { tree = try? ChangeBody(json: json) } else { tree = nil }
    if let direct, direct != tree { Fuzz.violated("the direct reader and the tree reader disagree") }
    guard let change = try? SignedChange(bytes: input, signature: signature) else { return 0 }
    guard change.body == tree else { Fuzz.violated("SignedChange reads another body than ChangeBody(json:)") }
    let encoded = CanonicalJSON.encode(change.body.json)
    guard let again = try? SignedChange.body(of: encoded) else { Fuzz.violated("a body's own encoding does not read") }
    guard again == change.body else { Fuzz.violated("a body's own encoding reads as another body") }
    return 0
}
