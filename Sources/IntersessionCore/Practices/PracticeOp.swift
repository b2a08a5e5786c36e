/// The ops of the best-practice library, kept together so that `Op` names them in one case.
public enum PracticeOp: Sendable, Hashable {
    case create(PracticeCreate)
    case step(PracticeStep)
    case editionNew(EditionNew)
    case editionAdd(EditionAdd)

    public static let types = [PracticeCreate.type] + PracticeStep.types + [EditionNew.type, EditionAdd.type]

    public var type: String {
        switch self {
        case .create: PracticeCreate.type
        case .step(let op): op.type
        case .editionNew: EditionNew.type
        case .editionAdd: EditionAdd.type
        }
    }

    var json: JSONValue {
        switch self {
        case .create(let op): op.json
        case .step(let op): op.json
        case .editionNew(let op): op.json
        case .editionAdd(let op): op.json
        }
    }

    /// The entities the op names (see `Op.references`).
    var references: [EntityID] {
        switch self {
        case .create(let op): op.content.topics
        case .step(let op): [op.practice, op.after] + [op.edition, op.poll, op.newer].compactMap { $0 } + (op.content?.topics ?? [])
        case .editionNew: []
        case .editionAdd(let op): [op.edition, op.practice, op.version]
        }
    }
}
