/// The bodies the group reports to (its terms of reference), and the Secretary General.
public enum CommitteeBody: String, Sendable, Hashable, CaseIterable {
    case ptc = "PTC", ec = "EC", pc = "PC", sg = "SG"
}

/// The two levels the group works at: policy (to the Policy Commission) and technical (to the
/// PTC and the Enforcement Committee).
public enum RecommendationLevel: String, Sendable, Hashable, CaseIterable {
    case policy, technical
}

/// The decision that adopted a recommendation: a poll (a proposal, or the silence procedure),
/// with the close the recorder had seen, or an agenda item's outcome.
public enum AdoptingDecision: Sendable, Hashable {
    case poll(EntityID, close: FeedPosition)
    case outcome(EntityID)

    public var id: EntityID {
        switch self {
        case .poll(let id, _), .outcome(let id): id
        }
    }

    public var kind: String {
        switch self {
        case .poll: "poll"
        case .outcome: "outcome"
        }
    }
}

/// `recommendation.new`: a co-chair or the secretariat records a recommendation the group
/// adopted, addressed to one body, at one level, naming the decision that adopted it.
public struct RecommendationNew: Sendable, Hashable {
    static let type = "recommendation.new"
    public var text: String
    public var language: Language
    public var body: CommitteeBody
    public var level: RecommendationLevel
    public var decision: AdoptingDecision

    public init(text: String, language: Language, body: CommitteeBody, level: RecommendationLevel, decision: AdoptingDecision) {
        self.text = text
        self.language = language
        self.body = body
        self.level = level
        self.decision = decision
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        text = try fields.string("text")
        guard let language = Language(rawValue: try fields.string("lang")) else { throw .badField("lang", "is not a language") }
        self.language = language
        guard let body = CommitteeBody(rawValue: try fields.string("body")) else { throw .badField("body", "is not a body") }
        self.body = body
        guard let level = RecommendationLevel(rawValue: try fields.string("level")) else { throw .badField("level", "is not a level") }
        self.level = level
        let id = try fields.entity("decision")
        switch try fields.string("decisionKind") {
        case "poll":
            guard let feed = FeedID(hex: try fields.string("closeFeed")), let seq = fields.fields["closeSeq"]?.intValue, seq >= 1 else {
                throw .badField("closeFeed", "must name the poll's close")
            }
            decision = .poll(id, close: FeedPosition(feed: feed, seq: seq))
        case "outcome": decision = .outcome(id)
        default: throw .badField("decisionKind", "is neither poll nor outcome")
        }
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "t": .string(Self.type), "text": .string(text), "lang": .string(language.rawValue), "body": .string(body.rawValue),
            "level": .string(level.rawValue), "decisionKind": .string(decision.kind), "decision": .string(decision.id.hex),
        ]
        if case .poll(_, let close) = decision {
            fields["closeFeed"] = .string(close.feed.hex)
            fields["closeSeq"] = .int(close.seq)
        }
        return .object(fields)
    }
}

/// `recommendation.followup`: what became of a recommendation later (the body's response, its
/// implementation), recorded by a co-chair or the secretariat.
public struct RecommendationFollowUp: Sendable, Hashable {
    static let type = "recommendation.followup"
    public var recommendation: EntityID
    public var text: String

    public init(recommendation: EntityID, text: String) {
        self.recommendation = recommendation
        self.text = text
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        recommendation = try fields.entity("recommendation")
        text = try fields.string("text")
    }

    var json: JSONValue { ["t": .string(Self.type), "recommendation": .string(recommendation.hex), "text": .string(text)] }
}

/// The ops of recommendations, kept together so that `Op` names them in one case.
public enum RecommendationOp: Sendable, Hashable {
    case new(RecommendationNew)
    case followUp(RecommendationFollowUp)

    public static let types = [RecommendationNew.type, RecommendationFollowUp.type]

    public var type: String {
        switch self {
        case .new: RecommendationNew.type
        case .followUp: RecommendationFollowUp.type
        }
    }

    var json: JSONValue {
        switch self {
        case .new(let op): op.json
        case .followUp(let op): op.json
        }
    }

    /// A poll's close: the change depends on it, so it is applied first on every replica.
    var namedPositions: [FeedID: Int64] {
        guard case .new(let op) = self, case .poll(_, let close) = op.decision else { return [:] }
        return [close.feed: close.seq]
    }

    /// The entities the op names (see `Op.references`): its change depends on them.
    var references: [EntityID] {
        switch self {
        case .new(let op): [op.decision.id]
        case .followUp(let op): [op.recommendation]
        }
    }
}

/// One change to the state of recommendations, carried out by the store.
public enum RecommendationMutation: Sendable, Hashable {
    case record(id: EntityID, recommendation: RecommendationNew, stamp: ChangeStamp)
    case followUp(id: EntityID, followUp: RecommendationFollowUp, stamp: ChangeStamp)
}
