/// Reads the fields of one op object, turning every absence or wrong type into a
/// `ChangeFormatError` that names the field.
struct OpFields {
    let fields: [String: JSONValue]

    init(_ value: JSONValue) throws(ChangeFormatError) {
        guard let fields = value.objectValue else { throw .badField("ops", "must hold objects") }
        self.fields = fields
    }

    func string(_ name: String) throws(ChangeFormatError) -> String {
        guard let value = fields[name] else { throw .missingField(name) }
        guard let text = value.stringValue else { throw .badField(name, "must be a string") }
        return text
    }

    func optionalString(_ name: String) throws(ChangeFormatError) -> String? {
        guard let value = fields[name], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .badField(name, "must be a string") }
        return text
    }

    func int(_ name: String) throws(ChangeFormatError) -> Int64 {
        guard let value = fields[name] else { throw .missingField(name) }
        guard let number = value.intValue else { throw .badField(name, "must be an integer") }
        return number
    }

    func entity(_ name: String) throws(ChangeFormatError) -> EntityID {
        guard let id = EntityID(hex: try string(name)) else { throw .badField(name, "must be an entity id") }
        return id
    }

    func optionalEntity(_ name: String) throws(ChangeFormatError) -> EntityID? {
        guard let text = try optionalString(name) else { return nil }
        guard let id = EntityID(hex: text) else { throw .badField(name, "must be an entity id") }
        return id
    }

    func feed(_ name: String) throws(ChangeFormatError) -> FeedID {
        guard let id = FeedID(hex: try string(name)) else { throw .badField(name, "must be a feed id") }
        return id
    }

    func language(_ name: String) throws(ChangeFormatError) -> Language {
        guard let language = Language(rawValue: try string(name)) else { throw .badField(name, "must be en or fr") }
        return language
    }

    func localized(_ name: String) throws(ChangeFormatError) -> LocalizedText {
        guard let value = fields[name] else { throw .missingField(name) }
        guard let text = LocalizedText(json: value) else { throw .badField(name, "must map en/fr to strings") }
        return text
    }

    /// An optional `kx`: an X25519 public key in hex.
    func agreementKey() throws(ChangeFormatError) -> [UInt8]? {
        guard let text = try optionalString("kx") else { return nil }
        guard let bytes = Hex.decode(text), bytes.count == 32 else { throw .badField("kx", "must be an X25519 key in hex") }
        return bytes
    }
}
