import FuzzSupport
@testable import IntersessionCore
@testable import IntersessionSync

// Segment files, as read whole (`SegmentFormat.decode`) and as an import reads them one change
// at a time (`SegmentRun`): both refuse the same files and hand out the same changes. Each
// input is read as it is, then with a trailer computed for it, so that mutations of the
// header and the change lines get past the checksum.

@_cdecl("FuzzSegment_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, fuzzSegment)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedMaker.runIfAsked { files in
        let whole = files.segments + files.firstVersionSegments
        return whole + whole.map(SegmentTrailer.removed(from:))
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegment(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    checkSegment(input)
    checkSegment(SegmentTrailer.appended(to: input))
    return 0
}

func checkSegment(_ bytes: [UInt8]) {
    let whole = try? SegmentFormat.decode(bytes, group: nil, feed: nil, name: nil)
    guard let frame = try? SegmentFrame(bytes) else {
        if whole != nil { Fuzz.violated("decode reads a file whose framing does not check") }
        return
    }
    let run = readRun(bytes, group: frame.headerFields.group)
    switch (whole, run) {
    case (nil, nil):
        return
    case (let whole?, let run?):
        guard whole.changes == run else { Fuzz.violated("decode and a run hand out different changes") }
    case (nil, _?):
        Fuzz.violated("a run reads a file that decode refuses")
    case (_?, nil):
        Fuzz.violated("decode reads a file that a run refuses")
    }
    _ = try? SegmentFormat.signedBodies(bytes)
}

/// Every change of a run, or nil when the run refuses the file at any point.
func readRun(_ bytes: [UInt8], group: GroupID) -> [SignedChange]? {
    guard var run = try? SegmentRun(bytes, group: group, feed: nil, name: nil) else { return nil }
    var changes: [SignedChange] = []
    do {
        while let change = try run.next() { changes.append(change) }
    } catch {
        return nil
    }
    return run.isFinished ? changes : nil
}
