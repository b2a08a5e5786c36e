/// Why bytes are not a well-formed change. Each case reads as one line for the user.
public enum ChangeFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    case json(JSONParseError)
    case missingField(String)
    case badField(String, String)
    case unsupportedVersion(Int64)
    case tooLarge(Int)

    public var description: String {
        switch self {
        case .json(let error): "\(error)"
        case .missingField(let name): "missing field \"\(name)\""
        case .badField(let name, let why): "field \"\(name)\" \(why)"
        case .unsupportedVersion(let version): "change format version \(version) is not supported"
        case .tooLarge(let size): "change body of \(size) bytes exceeds the limit of \(Limits.changeBodyBytes)"
        }
    }
}
