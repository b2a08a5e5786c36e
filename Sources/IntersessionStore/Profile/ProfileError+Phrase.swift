import IntersessionCore

/// A profile's errors as catalog phrases (`error.profile.*`); `description` stays for logs.
extension ProfileError: Explained {
    public var phrase: Phrase {
        switch self {
        case .missing(let path): Phrase("error.profile.missing", [path])
        case .missingStore(let path): Phrase("error.profile.missingStore", [path])
        case .alreadyExists(let path): Phrase("error.profile.alreadyExists", [path])
        case .cannotWrite(let path, let why):
            FileFault.Kind(reason: why).map { FileFault(path: path, kind: $0).phrase } ?? Phrase("error.profile.cannotWrite", [path, why])
        case .badKey(let path): Phrase("error.profile.badKey", [path])
        case .strayStore(let path): Phrase("error.profile.strayStore", [path])
        }
    }
}
