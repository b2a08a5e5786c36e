import Foundation
import Testing
@testable import IntersessionSync

/// The signer against the examples AWS publishes for S3 ("Examples of signature calculations",
/// Authenticating requests: using the Authorization header): their keys, their requests of
/// 24 May 2013, and the signatures AWS computed for them.
@Suite struct SigV4SignerTests {
    static let example = S3Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let day = Date(timeIntervalSince1970: 1_369_353_600)
    static let bucketHost = HTTPEndpoint(secure: true, host: "examplebucket.s3.amazonaws.com")
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    let signer = SigV4Signer(credentials: example, region: "us-east-1")

    func sign(_ method: String, _ target: String, headers: [(name: String, value: String)] = [], body: String = "") -> HTTPRequest {
        signer.signed(HTTPRequest(method: method, endpoint: Self.bucketHost, target: target, headers: headers, body: Array(body.utf8)),
                      at: Self.day)
    }

    @Test func getObjectWithARange() {
        let request = sign("GET", "/test.txt", headers: [("Range", "bytes=0-9")])
        #expect(signer.canonicalRequest(request).text == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:\(Self.emptyHash)
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            \(Self.emptyHash)
            """)
        #expect(signer.stringToSign(signer.canonicalRequest(request).text, time: AmzDate(Self.day)) == """
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
            """)
        #expect(request.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func putObjectHashesTheBodyAndKeepsTheEncodedKey() {
        let request = sign("PUT", "/test%24file.text", headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                                                               ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
                           body: "Welcome to Amazon S3.")
        #expect(request.header("x-amz-content-sha256") == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let canonical = signer.canonicalRequest(request)
        #expect(canonical.signedHeaders == "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class")
        #expect(canonical.text.split(separator: "\n", omittingEmptySubsequences: false)[1] == "/test%24file.text")
        #expect(signer.stringToSign(canonical.text, time: AmzDate(Self.day)).hasSuffix(
            "\n9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"))
        #expect(request.header("Authorization")?.hasSuffix(
            "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd") == true)
    }

    @Test func getBucketLifecycleSignsAValuelessParameter() {
        let request = sign("GET", "/?lifecycle")
        #expect(signer.canonicalRequest(request).text.split(separator: "\n", omittingEmptySubsequences: false)[2] == "lifecycle=")
        #expect(request.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test func getBucketListsObjectsWithASortedQuery() {
        // Sent in the other order: the canonical query sorts it.
        let request = sign("GET", "/?prefix=J&max-keys=2")
        #expect(signer.canonicalRequest(request).text.split(separator: "\n", omittingEmptySubsequences: false)[2] == "max-keys=2&prefix=J")
        #expect(request.header("Authorization")?.hasSuffix(
            "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7") == true)
    }

    @Test func theQueryIsDecodedEncodedAgainAndSortedByNameThenValue() {
        #expect(SigV4Signer.canonicalQuery("b=2&a=z&a=y&start-after=g%2Ff+x&c&token=a%2Bb%3D~_.") ==
            "a=y&a=z&b=2&c=&start-after=g%2Ff%2Bx&token=a%2Bb%3D~_.")
    }

    @Test func aSessionTokenIsSentAndSigned() {
        let signer = SigV4Signer(credentials: S3Credentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token/+="),
                                 region: "eu-west-3")
        let request = signer.signed(HTTPRequest(method: "GET", endpoint: HTTPEndpoint(secure: false, host: "127.0.0.1", port: 9000),
                                                target: "/bucket?list-type=2"), at: Self.day)
        #expect(request.header("x-amz-security-token") == "token/+=")
        let authorization = request.header("Authorization") ?? ""
        #expect(authorization.contains("Credential=AKID/20130524/eu-west-3/s3/aws4_request,"))
        #expect(authorization.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"))
        #expect(signer.canonicalRequest(request).text.contains("\nhost:127.0.0.1:9000\n"))
        #expect(!authorization.contains("secret"))
    }

    @Test func headerValuesAreTrimmedAndTheirSpacesFolded() {
        #expect(SigV4Signer.canonicalValue("  a   b \t c  ") == "a b c")
    }

    @Test func credentialsNeverPrintThemselves() {
        let credentials = S3Credentials(accessKeyID: "AKIAEXAMPLE", secretAccessKey: "very-secret", sessionToken: "ZZTOKZZ")
        for text in ["\(credentials)", String(reflecting: credentials), { var out = ""; dump(credentials, to: &out); return out }()] {
            #expect(!text.contains("AKIAEXAMPLE") && !text.contains("very-secret") && !text.contains("ZZTOKZZ"))
        }
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"), (1_369_353_600, "20130524T000000Z"), (1_709_251_199.9, "20240229T235959Z"),
        (951_782_400, "20000229T000000Z"), (4_102_444_800, "21000101T000000Z"), (-1, "19691231T235959Z"),
    ])
    func timesAreWrittenInUTC(_ seconds: Double, _ stamp: String) {
        #expect(AmzDate(Date(timeIntervalSince1970: seconds)).stamp == stamp)
        #expect(AmzDate(Date(timeIntervalSince1970: seconds)).day == String(stamp.prefix(8)))
    }
}
