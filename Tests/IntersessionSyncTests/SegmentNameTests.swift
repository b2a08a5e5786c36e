import Testing
@testable import IntersessionSync

@Suite struct SegmentNameTests {
    @Test func namesRoundTrip() {
        let name = SegmentName(firstSeq: 1, lastSeq: 250)!
        #expect(name.fileName == "000000000001-000000000250.seg")
        #expect(SegmentName(fileName: name.fileName) == name)
    }

    @Test(arguments: [
        "000000000001-000000000250.seg.tmp", ".000000000001-000000000250.seg", "000000000002-000000000001.seg",
        "000000000001-000000000250 (conflicted copy).seg", "1-250.seg", "000000000000-000000000001.seg",
        "00000000000a-000000000250.seg", "000000000001_000000000250.seg",
    ])
    func strayNamesAreIgnored(_ fileName: String) {
        #expect(SegmentName(fileName: fileName) == nil)
    }
}
