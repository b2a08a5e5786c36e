import IntersessionCore

/// A recommendation as it stands: its text, the body and level, the decision that adopted it,
/// whether that decision carried (a closed poll adopted, or an adopting outcome), and its
/// follow-up, oldest first.
public struct RecommendationView: Sendable, Equatable, Codable {
    public var id: String
    public var text: String
    public var language: String
    public var body: String
    public var level: String
    /// poll or outcome.
    public var decisionKind: String
    public var decision: String
    /// The poll's title, or the agenda item's number and title.
    public var decisionTitle: String
    public var carried: Bool
    public var by: MeetingPerson
    /// The hybrid clock of the change that recorded it (milliseconds since 1970), signed.
    public var recordedAt: Int64
    public var followUps: [RecommendationFollowUpView]
}

public struct RecommendationFollowUpView: Sendable, Equatable, Codable {
    public var id: String
    public var text: String
    public var by: MeetingPerson
    public var recordedAt: Int64
}
