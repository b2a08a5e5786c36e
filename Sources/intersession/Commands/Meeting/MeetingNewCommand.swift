import ArgumentParser
import Foundation
import IntersessionActions
import IntersessionCore
import IntersessionStore

struct MeetingNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Convene a meeting (co-chairs, secretariat); prints its short id.")
    @OptionGroup var profile: ProfileOptions
    @Option(help: "The meeting's title.") var title: String
    @Option(help: "Its number (e.g. 1, or 2026/1).") var number: String
    @Option(help: "The body that meets: the group or a sub-group.") var body = "WGEC"
    @Option(help: "document, virtual, in-person or hybrid.") var mode: MeetingMode = .document
    @Option(help: "The first day, YYYY-MM-DD.") var from: String
    @Option(help: "The last day, YYYY-MM-DD.") var to: String
    @Option(name: .customLong("chair"), help: "A co-chair presiding, by name or feed id (repeat; none: every co-chair).") var chairs: [String] = []
    @Option(help: "The topic the items' threads go in (key or id; the first topic when omitted).") var topic: String?
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            var request = Actions.MeetingRequest(title: title, number: number, starts: from, ends: to)
            request.body = body
            request.mode = mode
            request.presiding = chairs
            request.topic = topic
            let id = try profile.act { try $0.convene(request) }
            try IDOutput.print(id, json: json)
        }
    }
}

/// The fields of an agenda item, for adding one or restating it.
struct ItemOptions: ParsableArguments {
    @Option(help: "The item's number (e.g. 3 or 3.1).") var number: String?
    @Option(help: "The item's title.") var title: String?
    @Option(help: "The opening text of its discussion thread (when adding).") var text: String?
    @Option(help: "The item this one is a sub-item of.") var parent: String?
    @Option(help: "information, note, discussion, guidance or decision.") var purpose: ItemPurpose?
    @Option(help: "without-discussion or for-discussion.") var category: ItemCategory?
    @Option(help: "The item's own comment deadline, in days from now (prompts only).") var days: Int?
    @Option(name: .customLong("document"), help: "A draft (id prefix), or DRAFT@VERSION for a named version (repeat).") var documents: [String] = []

    var request: Actions.ItemRequest {
        var request = Actions.ItemRequest()
        request.number = number
        request.title = title
        request.text = text ?? ""
        request.parent = parent
        request.purpose = purpose
        request.category = category
        request.deadlineDays = days
        request.documents = documents.isEmpty ? nil : documents
        return request
    }
}

struct MeetingItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item", abstract: "Agenda items: add one, restate one, or show one with its documents, thread and outcome.",
        subcommands: [MeetingItemAddCommand.self, MeetingItemEditCommand.self, MeetingItemShowCommand.self])
}

struct MeetingItemAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an item to a meeting's agenda (prints its short id); comment on it with `reply ITEM`.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A meeting id prefix.") var meeting: String
    @OptionGroup var item: ItemOptions
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.addItem(to: meeting, item.request) }
            try IDOutput.print(id, json: json)
        }
    }
}

struct MeetingItemEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Restate an agenda item: what is given replaces what stands.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "An agenda item id prefix.") var item: String
    @OptionGroup var fields: ItemOptions

    func run() throws {
        try profile.reportingErrors {
            let id = try profile.act { try $0.editItem(item, fields.request) }
            Output.line("Restated item \(id.short).")
        }
    }
}

struct MeetingItemShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "An agenda item: documents, comments (late ones marked), concerns, outcomes.")
    @OptionGroup var profile: ProfileOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "An agenda item id prefix.") var item: String

    func run() throws {
        try profile.reportingErrors {
            let store = try profile.openStore()
            let view = try store.agendaItem(try store.resolveMeetingEntry(item, in: .item)).item
            if output.json { return try Output.json(view) }
            Output.line("\(Output.name(view.number)) \(Output.name(view.title))  [\(view.purpose), \(view.category), \(view.standing)]")
            for document in view.documents {
                Output.line("  document \(Output.short(document.draft))  \(Output.name(document.symbol)) \(Output.name(document.title))\(document.version.map { " @ " + Output.name($0) } ?? "")")
            }
            for comment in view.comments {
                Output.line("  \(comment.late ? "LATE " : "")\(Output.short(comment.post)) \(Output.name(comment.author.name)) (\(Output.name(comment.author.organisation))): \(Output.name(comment.body))")
            }
            for concern in view.concerns {
                let state = concern.late ? "late" : concern.answers.isEmpty ? "open" : "answered"
                Output.line("  concern \(Output.short(concern.id)) [\(state)] \(Output.name(concern.author.name)): \(Output.name(concern.text))")
                for answer in concern.answers { Output.line("    answer: \(Output.name(answer))") }
            }
            for outcome in view.outcomes {
                Output.line("  outcome \(Output.short(outcome.id)) \(outcome.stands ? "[stands] " : "")\(outcome.kind): \(Output.name(outcome.summary))")
            }
        }
    }
}

enum PhaseAction: String, ExpressibleByArgument, CaseIterable {
    case open, close
}

struct MeetingPhaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase", abstract: "Open a phase with a deadline, or close it: exactly the comments (or concerns) seen here are on time.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A meeting id prefix.") var meeting: String
    @Argument(help: "open or close.") var action: PhaseAction
    @Argument(help: "comment, consensus or concerns.") var phase: MeetingPhaseKind
    @Option(help: "Days until the deadline of an opening (it only prompts).") var days = 14
    @Option(help: "Close only this item's comments (its category closes earlier).") var item: String?

    func run() throws {
        try profile.reportingErrors {
            try profile.act { actions in
                switch action {
                case .open: try actions.openPhase(phase, of: meeting, days: days)
                case .close: try actions.closePhase(phase, of: meeting, item: item)
                }
            }
            Output.line(action == .open ? "Opened the \(phase.rawValue) phase." : "Closed the \(phase.rawValue) phase\(item == nil ? "" : " for that item").")
        }
    }
}
