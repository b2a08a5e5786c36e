import IntersessionCore

/// An attachment as the interface lists it: its name (from a change: every view prints it
/// through `setString`, which never lets a control character through), its size, and how many
/// of its parts this profile holds.
public struct AttachmentEntry: Sendable, Equatable {
    public var id: String
    public var name: String
    public var size: Int64
    public var held: Int
    public var parts: Int

    public init(id: String, name: String, size: Int64, held: Int, parts: Int) {
        self.id = id
        self.name = name
        self.size = size
        self.held = held
        self.parts = parts
    }

    public var isFetched: Bool { held == parts }
}

/// The attachments of a post, a draft, an agenda item or (in the library screens) a practice,
/// as lines any view appends: a heading, then one line per file with its size and whether it
/// is fetched here, or how many parts have arrived.
public enum AttachmentLines {
    static func lines(_ entries: [AttachmentEntry], _ model: Model, _ theme: Theme) -> [(String, Style)] {
        guard !entries.isEmpty else { return [] }
        let catalog = model.catalog
        var lines: [(String, Style)] = [("", theme.normal), (catalog[.attachmentsHeading, model.formats.number(entries.count)], theme.accent)]
        for entry in entries {
            let state = entry.isFetched ? catalog[.attachmentFetched]
                : catalog[.attachmentParts, model.formats.number(entry.held), model.formats.number(entry.parts)]
            lines.append(("  " + entry.name.terminalSafe + "  " + size(entry.size, catalog) + " · " + state, entry.isFetched ? theme.normal : theme.meta))
        }
        return lines
    }

    /// Bytes, KiB, or MiB with one decimal, in the catalog's units (Kio, Mio in French).
    static func size(_ bytes: Int64, _ catalog: Catalog) -> String {
        if bytes < 1 << 10 { return catalog[.sizeBytes, String(bytes)] }
        if bytes < 1 << 20 { return catalog[.sizeKiB, String((bytes + 512) >> 10)] }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return catalog[.sizeMiB, String(tenths / 10), String(tenths % 10)]
    }
}
