/// One element of an XML answer as `XMLReader` keeps it: its local name (any namespace prefix
/// dropped, so that `<D:href>`, `<d:href>` and `<href xmlns="DAV:">` read alike), the text
/// directly inside it, and its child elements in order. Attributes are not kept: nothing the
/// stores read is in one.
struct XMLElement: Sendable, Equatable {
    var name: String
    var text: String
    var children: [XMLElement]

    init(name: String, text: String = "", children: [XMLElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child named `name`.
    func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in order.
    func children(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The text of the first child named `name`, without the white space around it.
    func value(_ name: String) -> String? {
        child(name).map { $0.text.trimmedXMLSpace }
    }
}

extension String {
    /// Without XML's white space (space, tab, CR, LF) at either end.
    var trimmedXMLSpace: String {
        let bytes = Array(utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        if first == 0 && last == bytes.count - 1 { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
