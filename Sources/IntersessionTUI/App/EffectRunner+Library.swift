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
            return [.library(.practiceLoaded(try store.practice(id), editions: try store.editions()))] + (try attachmentsMessage(on: [id], session))
        case .step(let practice, let kind, let edition):
            try session.actions(clock: clock).takeStep(kind, of: practice, edition: edition)
            return [.recorded(.practiceStepTaken)]
        }
    }
}
