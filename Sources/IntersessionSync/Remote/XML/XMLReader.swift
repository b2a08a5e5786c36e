/// Reads the few XML answers the stores need (S3's listings and errors, WebDAV's multistatus)
/// into `XMLElement`s. Foundation's XMLParser is not used: it needs libxml2, which the fully
/// static release binary cannot link.
///
/// Tolerant where servers differ and nothing is lost: namespace prefixes are dropped, the XML
/// declaration, comments, processing instructions and a DOCTYPE are skipped, CDATA is text, an
/// unknown entity stays as it was written, an end tag that closes nothing is ignored, and one that
/// closes an outer element closes the inner ones left open. Strict where a lenient reading could
/// lose something: a document that ends inside an element (a truncated listing) is refused.
/// Bounded: at most `depthLimit` open elements and `elementLimit` elements, on top of the
/// transport's limit on the answer's size.
enum XMLReader {
    static let depthLimit = 256
    static let elementLimit = 4_000_000

    static func parse(_ bytes: [UInt8], depthLimit: Int = depthLimit, elementLimit: Int = elementLimit)
        throws(RemoteError) -> XMLElement {
        var scanner = Scanner(bytes: bytes)
        return try scanner.document(depthLimit: depthLimit, elementLimit: elementLimit)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func document(depthLimit: Int, elementLimit: Int) throws(RemoteError) -> XMLElement {
            var open: [(element: XMLElement, text: [UInt8])] = []
            var root: XMLElement?
            var elements = 0

            func close(_ stack: inout [(element: XMLElement, text: [UInt8])], into root: inout XMLElement?) {
                var (element, text) = stack.removeLast()
                element.text = String(decoding: text, as: UTF8.self)
                if stack.isEmpty {
                    if root == nil { root = element }
                } else {
                    stack[stack.count - 1].element.children.append(element)
                }
            }

            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                    if !open.isEmpty { Self.decodeText(bytes[index..<end], into: &open[open.count - 1].text) }
                    index = end
                    continue
                }
                if starts(with: "<?") {
                    try skip(past: "?>", what: "a processing instruction")
                } else if starts(with: "<!--") {
                    try skip(past: "-->", what: "a comment")
                } else if starts(with: "<![CDATA[") {
                    let start = index + 9
                    try skip(past: "]]>", what: "a CDATA section")
                    if !open.isEmpty { open[open.count - 1].text += bytes[start..<(index - 3)] }
                } else if starts(with: "<!") {
                    try skipDeclaration()
                } else if starts(with: "</") {
                    index += 2
                    let name = Self.localName(try tagName())
                    try skip(past: ">", what: "an end tag")
                    if let depth = open.lastIndex(where: { $0.element.name == name }) {
                        while open.count > depth { close(&open, into: &root) }
                    }
                } else {
                    index += 1
                    let name = Self.localName(try tagName())
                    guard !name.isEmpty else { throw .badResponse("an XML tag without a name at byte \(index)") }
                    let selfClosing = try skipAttributes()
                    elements += 1
                    guard elements <= elementLimit else { throw .badResponse("more than \(elementLimit) XML elements") }
                    // Anything after the root element is not part of the document.
                    if root != nil && open.isEmpty { break }
                    open.append((XMLElement(name: name), []))
                    guard open.count <= depthLimit else { throw .badResponse("XML nested deeper than \(depthLimit) elements") }
                    if selfClosing { close(&open, into: &root) }
                }
            }
            if let unclosed = open.last { throw .badResponse("the XML ends inside <\(unclosed.element.name)>") }
            guard let root else { throw .badResponse("no XML element in the answer") }
            return root
        }

        func starts(with literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            let pointer = literal.utf8Start
            for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
            return true
        }

        /// Moves past the next `literal`.
        mutating func skip(past literal: StaticString, what: String) throws(RemoteError) {
            while index < bytes.count {
                if starts(with: literal) {
                    index += literal.utf8CodeUnitCount
                    return
                }
                index += 1
            }
            throw .badResponse("the XML ends inside \(what)")
        }

        /// A `<!DOCTYPE …>` with its internal subset in brackets, or any other `<!…>`.
        mutating func skipDeclaration() throws(RemoteError) {
            var brackets = 0
            var quote: UInt8?
            index += 2
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "[") {
                    brackets += 1
                } else if byte == UInt8(ascii: "]") {
                    brackets -= 1
                } else if byte == UInt8(ascii: ">") && brackets <= 0 {
                    return
                }
            }
            throw .badResponse("the XML ends inside a declaration")
        }

        /// The qualified name that starts here, leaving `index` after it.
        mutating func tagName() throws(RemoteError) -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
            guard index < bytes.count else { throw .badResponse("the XML ends inside a tag") }
            return bytes[start..<index]
        }

        /// Moves past the attributes and the `>` of a start tag; true when it was `/>`.
        mutating func skipAttributes() throws(RemoteError) -> Bool {
            var quote: UInt8?
            var previous: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return previous == UInt8(ascii: "/")
                }
                previous = byte
            }
            throw .badResponse("the XML ends inside a tag")
        }

        static func endsName(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20 || byte == 0x09 || byte == 0x0A
                || byte == 0x0D
        }

        static func localName(_ qualified: ArraySlice<UInt8>) -> String {
            let local = qualified.lastIndex(of: UInt8(ascii: ":")).map { qualified[($0 + 1)...] } ?? qualified
            return String(decoding: local, as: UTF8.self)
        }

        /// Appends text with the five entities and numeric character references replaced.
        static func decodeText(_ text: ArraySlice<UInt8>, into out: inout [UInt8]) {
            var index = text.startIndex
            while index < text.endIndex {
                guard let amp = text[index...].firstIndex(of: UInt8(ascii: "&")) else {
                    out += text[index...]
                    return
                }
                out += text[index..<amp]
                // An entity's name is short; a longer run without `;` is text.
                let window = text[amp..<min(amp + 12, text.endIndex)]
                if let semicolon = window.firstIndex(of: UInt8(ascii: ";")),
                   let replacement = entity(text[(amp + 1)..<semicolon]) {
                    out += replacement
                    index = semicolon + 1
                } else {
                    out.append(UInt8(ascii: "&"))
                    index = amp + 1
                }
            }
        }

        static func entity(_ name: ArraySlice<UInt8>) -> [UInt8]? {
            switch String(decoding: name, as: UTF8.self) {
            case "lt": return [UInt8(ascii: "<")]
            case "gt": return [UInt8(ascii: ">")]
            case "amp": return [UInt8(ascii: "&")]
            case "quot": return [UInt8(ascii: "\"")]
            case "apos": return [UInt8(ascii: "'")]
            case let reference where reference.hasPrefix("#"):
                let digits = reference.dropFirst()
                let value: UInt32?
                if digits.first == "x" || digits.first == "X" {
                    value = UInt32(digits.dropFirst(), radix: 16)
                } else {
                    value = UInt32(digits, radix: 10)
                }
                guard let value else { return nil }
                // A reference to no character (a surrogate, past U+10FFFF, NUL) reads as U+FFFD.
                let scalar = value == 0 ? nil : Unicode.Scalar(value)
                return Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
            default:
                return nil
            }
        }
    }
}
