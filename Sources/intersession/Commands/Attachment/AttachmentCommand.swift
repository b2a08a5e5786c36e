import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct AttachmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment",
        abstract: "Files attached to posts, drafts and agenda items (at most 50 MiB each).",
        discussion: """
            A file is cut into chunks that travel through the shared folders at the next sync, sealed \
            like the rest of the group's files; `get` fetches the chunks it lacks, checks each and the \
            whole file, and resumes where it stopped: chunks already fetched are kept.
            """,
        subcommands: [AttachmentAddCommand.self, AttachmentListCommand.self, AttachmentGetCommand.self, AttachmentOpenCommand.self,
                      AttachmentRemoveCommand.self, AttachmentFetchModeCommand.self],
        defaultSubcommand: AttachmentListCommand.self)
}

struct AttachmentAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Attach a file to a post (yours), a draft (as a penholder), an agenda item (presiding) or a practice (its submitter, the secretariat).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "The file to attach (at most 50 MiB).") var file: String
    @Option(help: "The post, draft, agenda item or practice (an id prefix).") var to: String
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.attach(file: file, to: to) }
            if json { return try IDOutput.print(id, json: true) }
            Output.line("attached \(Output.short(id.hex)): \(Output.name(URL(fileURLWithPath: file).lastPathComponent)) (its parts go to the folders at the next sync)")
        }
    }
}

struct AttachmentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Attachments, oldest first, with how much of each is fetched here.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only those on this post, draft or agenda item (an id prefix).") var to: String?

    struct Row: Encodable {
        var id, target, kind, author, name, mediaType, sha256: String
        var size: Int64
        var parts, fetchedParts: Int
    }

    func run() throws {
        try profile.reportingErrors {
            let actions = try profile.actions()
            let target = try to.map { try actions.attachmentTarget($0).0 }
            let rows = try actions.store.attachments(on: target).map { attachment in
                let parts = actions.attachmentParts(attachment)
                return Row(id: attachment.id.hex, target: attachment.target.hex, kind: attachment.kind, author: attachment.authorName ?? attachment.author.hex,
                           name: attachment.name, mediaType: attachment.manifest.mediaType, sha256: attachment.manifest.sha256,
                           size: attachment.size, parts: parts.total, fetchedParts: parts.held)
            }
            if output.json { return try Output.json(rows) }
            Output.lines(rows.map { row in
                let fetched = row.fetchedParts == row.parts ? "fetched" : "\(row.fetchedParts)/\(row.parts) parts here"
                return "\(Output.short(row.id))  \(Output.pad(Output.name(row.name), 32)) \(Output.pad(AttachmentSize.text(row.size), 9)) "
                    + "\(Output.pad(row.kind, 5)) \(Output.short(row.target))  \(Output.pad(Output.name(row.author), 16)) \(fetched)"
            })
        }
    }
}

struct AttachmentGetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Fetch an attachment's parts from the folders and save it, checked.",
        discussion: "Parts already fetched are kept: when only some have arrived, it says how many, and the next run resumes.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An attachment id prefix.") var attachment: String
    @Option(help: "Where to save the file.") var out: String
    @Flag(help: "Replace a file already at --out.") var force = false

    func run() throws {
        try profile.reportingErrors {
            let actions = try profile.actions()
            if !force, FileManager.default.fileExists(atPath: out) { throw ActionError.fileExists(path: out.terminalSafe) }
            let progress = AttachmentProgress()
            defer { progress.finish() }
            let fetched = try actions.fetchAttachmentParts(attachment, progress: progress.report)
            progress.finish()
            for problem in fetched.problems { Output.notice("skipped \(problem.path.terminalSafe): \(problem.reason.terminalSafe)") }
            let (saved, _) = try actions.saveAttachment(attachment, to: out, force: force)
            Output.line("saved \(Output.name(saved.name)) (\(AttachmentSize.text(saved.size)), SHA-256 checked) to \(out.terminalSafe)")
        }
    }
}

struct AttachmentOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Save an attachment to a temporary file and open it with xdg-open (when installed).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An attachment id prefix.") var attachment: String

    func run() throws {
        try profile.reportingErrors {
            let actions = try profile.actions()
            let progress = AttachmentProgress()
            let opened = try actions.openAttachment(attachment, progress: progress.report)
            progress.finish()
            switch opened {
            case .savedOnly(let path): Output.line("saved to \(path.terminalSafe) (no xdg-open here to open it)")
            case .opened(let path): Output.line("opened \(path.terminalSafe)")
            }
        }
    }
}

struct AttachmentRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take an attachment off (its author or a moderator).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An attachment id prefix.") var attachment: String
    @Option(help: "Why (kept in the audit).") var reason: String?

    func run() throws {
        try profile.reportingErrors {
            try profile.act { try $0.removeAttachment(attachment, reason: reason) }
            Output.line("removed \(attachment.terminalSafe)")
        }
    }
}

struct AttachmentFetchModeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch-mode", abstract: "Whether a sync fetches every attachment (always) or `get` does (on-demand, the default).")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "on-demand or always; without it, prints the mode.") var mode: String?

    func run() throws {
        try profile.reportingErrors {
            let actions = try profile.actions()
            let current = try mode.map { try actions.setAttachmentFetchMode($0) } ?? actions.attachmentFetchMode()
            Output.line("attachments are fetched: \(current.rawValue)")
        }
    }
}

enum AttachmentSize {
    static func text(_ bytes: Int64) -> String {
        if bytes < 1 << 10 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\((bytes + 512) >> 10) KiB" }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}

/// Progress of a large fetch on stderr: a line redrawn in place on a terminal, one plain line
/// at the end otherwise; nothing for a file under 4 MiB.
final class AttachmentProgress {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var shown = false
    private var last: (done: Int64, total: Int64)?

    func report(_ done: Int64, _ total: Int64) {
        guard total >= 4 << 20 else { return }
        last = (done, total)
        guard isTerminal else { return }
        let percent = total == 0 ? 100 : done * 100 / total
        FileHandle.standardError.write(Data("\r\u{1B}[Kfetching: \(AttachmentSize.text(done)) of \(AttachmentSize.text(total)) (\(percent)%)".utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)); shown = false; last = nil }
        if let last, !isTerminal {
            Output.notice("fetched \(AttachmentSize.text(last.done)) of \(AttachmentSize.text(last.total))")
            self.last = nil
        }
    }
}
