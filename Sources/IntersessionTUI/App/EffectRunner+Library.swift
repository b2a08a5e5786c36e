import IntersessionActions
import IntersessionCore
import IntersessionStore

extension EffectRunner {
    /// Reads and acts of the library screens.
    func runLibraryEffect(_ effect: LibraryEffect, _ session: Session) throws -> [Message] {
        let store = session.store
        switch effect {
        case .loadList: return [.library(.listLoaded(try store.practices()))]
        case .loadPractice(let id):
            return [.library(.practiceLoaded(try store.practice(id), editions: try store.editions())), .library(.listLoaded(try store.practices()))]
                + (try attachmentsMessage(on: [id], session))
        case .step(let practice, let kind, let edition):
            try session.actions(clock: clock).takeStep(kind, of: practice, edition: edition)
            return [.recorded(.practiceStepTaken)]
        case .supersede(let practice, let newer):
            try session.actions(clock: clock).takeStep(.supersede, of: practice, newer: newer)
            return [.recorded(.practiceStepTaken)]
        }
    }

    /// A new version's request: the one text typed, in its language.
    static func request(_ field: PracticeTextField, _ text: String) -> Actions.PracticeRequest {
        var request = Actions.PracticeRequest()
        switch field.part {
        case .title: request.title[field.language] = text
        case .summary: request.summary[field.language] = text
        case .section(let section): request.sections[section] = [field.language: text]
        }
        return request
    }
}
