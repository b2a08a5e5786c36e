import Testing
@testable import IntersessionSync

@Suite struct MultistatusTests {
    func entries(_ text: String, base: String = "/dav") throws -> [DAVEntry] {
        try Multistatus.entries(Array(text.utf8), basePath: base)
    }

    @Test func rcloneStyle() throws {
        // As rclone 1.60 answers: prefix D:, a collection's href ends in `/`, `$` left unencoded.
        let found = try entries("""
            <?xml version="1.0" encoding="UTF-8"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/a/</D:href><D:propstat><D:prop><D:resourcetype><D:collection xmlns:D="DAV:"/></D:resourcetype><D:displayname>a</D:displayname></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response><D:response><D:href>/dav/a/one.txt</D:href><D:propstat><D:prop><D:displayname>one.txt</D:displayname><D:getcontentlength>6</D:getcontentlength><D:getetag>"18ed7d3aef6f353d6"</D:getetag><D:resourcetype></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response><D:response><D:href>/dav/a/sp%20ace$/</D:href><D:propstat><D:prop><D:resourcetype><D:collection xmlns:D="DAV:"/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>
            """)
        #expect(found == [DAVEntry(path: "a", isCollection: true, size: 0), DAVEntry(path: "a/one.txt", isCollection: false, size: 6, tag: "\"18ed7d3aef6f353d6\""),
                          DAVEntry(path: "a/sp ace$", isCollection: true, size: 0)])
    }

    @Test func apacheStyleWithALivePropertyPrefix() throws {
        let found = try entries("""
            <?xml version="1.0" encoding="utf-8"?>
            <D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
            <D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
            <D:href>/dav/g/feeds</D:href>
            <D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
            </D:response>
            <D:response xmlns:lp1="DAV:"><D:href>/dav/g/feeds/%C3%A9t%C3%A9%2B1.seg</D:href>
            <D:propstat><D:prop><lp1:resourcetype/><lp1:getcontentlength>  42 </lp1:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
            </D:response>
            </D:multistatus>
            """)
        #expect(found == [DAVEntry(path: "g/feeds", isCollection: true, size: 0), DAVEntry(path: "g/feeds/été+1.seg", isCollection: false, size: 42)])
    }

    @Test func nextcloudStyleWithAFailedPropstatAndFullURLs() throws {
        let found = try entries("""
            <?xml version="1.0"?>
            <d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
             <d:response><d:href>https://cloud.example/remote.php/dav/files/u/x%20y.seg</d:href>
              <d:propstat><d:prop><d:getcontentlength>12</d:getcontentlength><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
              <d:propstat><d:prop><d:getcontentlength>99</d:getcontentlength><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
             </d:response>
             <d:response><d:href>/remote.php/dav/files/other/secret.seg</d:href><d:propstat><d:prop/></d:propstat></d:response>
            </d:multistatus>
            """, base: "/remote.php/dav/files/u")
        #expect(found == [DAVEntry(path: "x y.seg", isCollection: false, size: 12)])
    }

    @Test func aDefaultNamespaceAndTheServersRoot() throws {
        let found = try entries("""
            <multistatus xmlns="DAV:"><response><href>/</href><propstat><prop><resourcetype><collection/></resourcetype></prop></propstat></response>
            <response><href>http://h:1/k</href><propstat><prop><getcontentlength>3</getcontentlength></prop></propstat></response></multistatus>
            """, base: "")
        #expect(found == [DAVEntry(path: "", isCollection: true, size: 0), DAVEntry(path: "k", isCollection: false, size: 3)])
    }

    @Test func somethingElseIsABadResponse() {
        #expect(throws: RemoteError.badResponse("expected a multistatus, got <html>")) { try entries("<html><body>Login</body></html>") }
        #expect(throws: RemoteError.self) { try entries("<d:multistatus xmlns:d=\"DAV:\"><d:response>") }
    }
}
