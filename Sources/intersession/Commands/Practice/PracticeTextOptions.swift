import ArgumentParser
import IntersessionActions
import IntersessionCore

/// What a practice says, in each language: for an update, only what is given changes.
struct PracticeTextOptions: ParsableArguments {
    @Option(help: "The title in English.") var titleEn: String?
    @Option(help: "The title in French.") var titleFr: String?
    @Option(help: "The summary in English.") var summaryEn: String?
    @Option(help: "The summary in French.") var summaryFr: String?
    @Option(help: "Context, in English.") var contextEn: String?
    @Option(help: "Context, in French.") var contextFr: String?
    @Option(help: "The approach, in English.") var approachEn: String?
    @Option(help: "The approach, in French.") var approachFr: String?
    @Option(help: "Results, in English.") var resultsEn: String?
    @Option(help: "Results, in French.") var resultsFr: String?
    @Option(help: "Lessons learned, in English.") var lessonsEn: String?
    @Option(help: "Lessons learned, in French.") var lessonsFr: String?
    @Option(help: "The language it was written in, en or fr (the other is a translation).") var original: Language?
    @Option(name: .customLong("topic"), help: "A topic of the group's scope, by key (repeat; one to seven).") var topics: [String] = []
    @Option(help: "The business it is submitted for (its delegation is yours).") var business: String?

    var request: Actions.PracticeRequest {
        var request = Actions.PracticeRequest()
        func pair(_ english: String?, _ french: String?) -> [Language: String] {
            var texts: [Language: String] = [:]
            texts[.en] = english
            texts[.fr] = french
            return texts
        }
        request.title = pair(titleEn, titleFr)
        request.summary = pair(summaryEn, summaryFr)
        let sections: [(PracticeSection, String?, String?)] = [
            (.context, contextEn, contextFr), (.approach, approachEn, approachFr), (.results, resultsEn, resultsFr),
            (.lessons, lessonsEn, lessonsFr),
        ]
        for (section, english, french) in sections where english != nil || french != nil {
            request.sections[section] = pair(english, french)
        }
        request.original = original
        request.topics = topics
        request.business = business
        return request
    }
}

struct PracticeSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit a new practice (or keep it as a --draft), or submit a draft of yours by its id; prints its short id.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A draft practice of yours to submit (omit to submit a new one).") var practice: String?
    @OptionGroup var text: PracticeTextOptions
    @Flag(help: "Keep the new practice as a draft.") var draft = false
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let id: EntityID
            if let practice {
                id = try profile.act { try $0.takeStep(.submit, of: practice) }
            } else {
                var request = text.request
                request.draft = draft
                id = try profile.act { try $0.submitPractice(request) }
            }
            try IDOutput.print(id, json: json)
        }
    }
}

struct PracticeUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "A new version of your practice (past a draft, it re-enters review); prints the version's id.")
    @OptionGroup var profile: ProfileOptions
    @Argument(help: "A practice id prefix.") var practice: String
    @OptionGroup var text: PracticeTextOptions
    @Flag(help: "Print {\"id\": <the full id>} instead.") var json = false

    func run() throws {
        try profile.reportingErrors {
            let request = text.request
            let id = try profile.act { try $0.updatePractice(practice, request) }
            try IDOutput.print(id, json: json)
        }
    }
}
