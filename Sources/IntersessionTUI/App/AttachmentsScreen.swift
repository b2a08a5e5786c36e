import IntersessionCore

/// The attachments of one post, draft, agenda item or practice (`F` where they are listed):
/// select one to save it to a path (`w`, Enter) or open it (`o`), or attach a file (`a`).
public struct AttachmentsState: Sendable, Equatable {
    public enum Prompt: Sendable, Equatable {
        /// Where to save the selected attachment (its id), prefilled with a default path.
        case save(attachment: String, path: TextEditor)
        /// The path of a file to attach.
        case attach(path: TextEditor)
    }
    /// What the attachments are on: a post, a draft, an agenda item or a practice (its id).
    public var target: String
    public var list = ListState<AttachmentEntry>()
    public var prompt: Prompt?
    /// The folder a saved file goes to by default: ~/Downloads when there is one, else the
    /// working directory (given by the runner, which can look).
    public var saveFolder = ""

    public init(target: String) { self.target = target }

    /// The default path of the selected attachment: its name made safe, in `saveFolder`.
    func defaultSavePath(_ entry: AttachmentEntry) -> String {
        let folder = saveFolder.isEmpty || saveFolder.hasSuffix("/") ? saveFolder : saveFolder + "/"
        return folder + AttachmentName.safeFileName(entry.name)
    }
}

/// The work of the attachments screen (see `Effect`).
public enum AttachmentEffect: Sendable, Equatable {
    case load(target: String)
    /// Fetches the parts not here yet and saves the file; over an existing file only with `overwrite`.
    case save(attachment: String, path: String, overwrite: Bool)
    case open(attachment: String)
    case attach(file: String, target: String)
}

/// What the attachments effects answer with (see `Message`).
public enum AttachmentMessage: Sendable {
    case loaded(target: String, [AttachmentEntry], saveFolder: String)
    /// Bytes of a large file held so far, of its size, while its parts are fetched.
    case progress(name: String, held: Int64, total: Int64)
    case saved(path: String)
    /// A file is at the path already: the save waits for a yes.
    case exists(attachment: String, path: String)
    case opened(path: String)
    /// Saved for opening, with no opener installed.
    case savedOnly(path: String)
    case attached
}
