import Testing
@testable import IntersessionSync

@Suite struct XMLReaderTests {
    func parse(_ text: String) throws -> XMLElement { try XMLReader.parse(Array(text.utf8)) }

    @Test func namesLoseTheirPrefixesAndTextKeepsItsSpaces() throws {
        let root = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a listing -->
            <s3:Result xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/" a='x>y' b="1">
              <s3:Key> two words </s3:Key><Empty/><Empty attr="/>"/>
            </s3:Result>
            """)
        #expect(root.name == "Result")
        #expect(root.child("Key")?.text == " two words ")
        #expect(root.value("Key") == "two words")
        #expect(root.children("Empty").count == 2)
        #expect(root.children.map(\.name) == ["Key", "Empty", "Empty"])
    }

    @Test func theFiveEntitiesAndCharacterReferencesAreDecoded() throws {
        let root = try parse("<a>&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#X1F600; &unknown; AT&T &#0; &#xD800;</a>")
        #expect(root.text == "<>&\"' éé😀 &unknown; AT&T \u{FFFD} \u{FFFD}")
    }

    @Test func cdataIsTextAndADoctypeIsSkipped() throws {
        let root = try parse("<!DOCTYPE a [<!ENTITY x \"]>\">]><a>1<![CDATA[<b>&amp;</b>]]>2</a>")
        #expect(root.text == "1<b>&amp;</b>2")
        #expect(root.children.isEmpty)
    }

    @Test func strayOrMissingEndTagsAreForgiven() throws {
        let root = try parse("<a><b>1</x><c>2</a>")
        #expect(root.value("b") == "1")
        #expect(root.child("b")?.value("c") == "2")
        // After the root element nothing counts.
        #expect(try parse("<a>1</a><b>2</b>").text == "1")
    }

    @Test(arguments: ["", "just text", "<a><b>", "<a", "<a><!-- unfinished", "<a><![CDATA[x", "</>"])
    func aTruncatedOrEmptyDocumentIsRefused(_ text: String) {
        #expect(throws: RemoteError.self) { try parse(text) }
    }

    @Test func depthAndElementCountAreBounded() throws {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(throws: RemoteError.badResponse("XML nested deeper than 256 elements")) { try parse(deep) }
        let many = "<a>" + String(repeating: "<b/>", count: 20) + "</a>"
        #expect(throws: RemoteError.badResponse("more than 10 XML elements")) {
            try XMLReader.parse(Array(many.utf8), elementLimit: 10)
        }
        #expect(try parse(String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)).name == "a")
    }

    @Test func printableTextHidesSecretsAndControlCharacters() {
        #expect(RemoteText.printable("key AKIA123 bad\u{1B}[2J\nline", hiding: ["AKIA123"]) == "key [hidden] bad [2J line")
        #expect(RemoteText.printable(String(repeating: "x", count: 400), limit: 10) == "xxxxxxxxxx…")
    }

    @Test func percentEncodingKeepsOnlyUnreservedBytes() {
        #expect(PercentEncoding.encode("a b/$ü~._-", keepSlash: true) == "a%20b/%24%C3%BC~._-")
        #expect(PercentEncoding.encode("a/b") == "a%2Fb")
        #expect(PercentEncoding.decode("a%20b%2fc%zz%4") == "a b/c%zz%4")
        #expect(PercentEncoding.decode("a+b", plusIsSpace: true) == "a b")
    }
}
