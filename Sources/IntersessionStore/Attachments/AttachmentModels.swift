import IntersessionCore

/// An attachment as the store holds it: its manifest, what it is attached to, and whether a
/// counted removal took it off.
public struct StoredAttachment: Sendable, Hashable, Identifiable {
    public var id: EntityID
    public var target: EntityID
    public var kind: String
    public var author: FeedID
    public var authorName: String?
    public var createdMillis: Int64
    public var manifest: AttachmentManifest
    public var removed: Bool

    public var name: String { manifest.name }
    public var size: Int64 { manifest.size }
}
