/// A write or read that the disk refused: full, read-only, or failing (issue 19's fault
/// injection). Each is one line in the reader's language (`error.fault.*`) that names the file
/// and what to do; whoever throws it has lost nothing (the store's transaction rolled back, a
/// temporary file was removed), so trying again once the disk is fixed works.
public struct FileFault: Error, Sendable, Equatable, Explained, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case noSpace, readOnly, ioError
    }

    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    public var phrase: Phrase { Phrase("error.fault." + kind.rawValue, [path]) }
    public var description: String { phrase.description }
}
