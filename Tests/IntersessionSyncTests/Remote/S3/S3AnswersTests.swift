import Testing
@testable import IntersessionSync

@Suite struct S3AnswersTests {
    @Test func aListObjectsV2PageGivesItsKeysSizesAndToken() throws {
        let page = try S3Answers.listPage(Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>bucket</Name><Prefix>g/feeds/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
              <IsTruncated>true</IsTruncated>
              <Contents><Key>g/feeds/a/1-2.seg</Key><LastModified>2026-12-02T10:00:00.000Z</LastModified>
                <ETag>&quot;6805f2cfc46c0f04559748bb039d69ae&quot;</ETag><Size>1234</Size><StorageClass>STANDARD</StorageClass></Contents>
              <Contents><Key>g/feeds/a/R&amp;D &#233;.seg</Key><Size>0</Size></Contents>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
              <StartAfter>g/feeds/</StartAfter>
            </ListBucketResult>
            """.utf8))
        #expect(page.objects == [RemoteObject(key: "g/feeds/a/1-2.seg", size: 1234, tag: "6805f2cfc46c0f04559748bb039d69ae"), RemoteObject(key: "g/feeds/a/R&D é.seg", size: 0)])
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func theLastPageAndAnEmptyOne() throws {
        let last = try S3Answers.listPage(Array("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>k</Key><Size>5</Size></Contents></ListBucketResult>".utf8))
        #expect(last == S3ListPage(objects: [RemoteObject(key: "k", size: 5)], isTruncated: false, nextContinuationToken: nil))
        let empty = try S3Answers.listPage(Array("<ListBucketResult><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>".utf8))
        #expect(empty.objects.isEmpty && !empty.isTruncated)
    }

    @Test(arguments: [
        "<Error><Code>AccessDenied</Code></Error>",
        "<ListBucketResult><Contents><Size>5</Size></Contents></ListBucketResult>",
        "<ListBucketResult><Contents><Key>k</Key><Size>-1</Size></Contents></ListBucketResult>",
        "<ListBucketResult><Contents><Key>k</Key><Size>5</Size></Contents>",
    ])
    func aPageThatCannotBeReadIsABadResponse(_ text: String) {
        #expect(throws: RemoteError.self) { try S3Answers.listPage(Array(text.utf8)) }
    }

    @Test func anErrorBodyGivesItsCodeAndMessage() {
        let body = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>
            <AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256…</StringToSign></Error>
            """.utf8)
        let error = S3Answers.error(body)
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(error?.message == "The request signature we calculated does not match the signature you provided.")
        // Some servers wrap it (the old <ErrorResponse>); a body that is not XML has no details.
        #expect(S3Answers.error(Array("<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>".utf8))?.code == "Throttling")
        #expect(S3Answers.error(Array("<html><body>Bad Gateway</body></html>".utf8)) == nil)
        #expect(S3Answers.error([]) == nil)
    }
}
