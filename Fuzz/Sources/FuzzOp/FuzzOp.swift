import FuzzSupport
@testable import IntersessionCore

// Ops, one at a time (inside a change they sit behind the body's own fields): whatever
// `Op(json:)` accepts, its JSON reads back as the same op, and encodes to the same bytes.

@_cdecl("FuzzOp_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzOp)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in files.changes.flatMap { $0.body.ops.map { CanonicalJSON.encode($0.json) } } }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOp(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let json = try? JSONParser.parse(input), let op = try? Op(json: json) else { return 0 }
    guard let again = try? Op(json: op.json) else { Fuzz.violated("an op's own JSON does not read") }
    guard again == op else { Fuzz.violated("an op's own JSON reads as another op") }
    guard CanonicalJSON.encode(again.json) == CanonicalJSON.encode(op.json) else { Fuzz.violated("an op's JSON is not stable") }
    return 0
}
