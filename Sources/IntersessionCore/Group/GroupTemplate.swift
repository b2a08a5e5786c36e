/// A starting shape for a new group: its title and standing topics (`Resources/templates`).
public struct GroupTemplate: Sendable, Hashable {
    public struct Topic: Sendable, Hashable {
        public var key: String
        public var title: LocalizedText
    }

    public var title: LocalizedText
    public var topics: [Topic]

    public init(json bytes: [UInt8]) throws(ChangeFormatError) {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw .json(error) }
        guard let titleValue = json["title"], let title = LocalizedText(json: titleValue) else {
            throw .badField("title", "must map en/fr to strings")
        }
        guard let topicValues = json["topics"]?.arrayValue else { throw .missingField("topics") }
        var topics: [Topic] = []
        for value in topicValues {
            guard let key = value["key"]?.stringValue, TopicKey.isValid(key) else {
                throw .badField("topics", "need a key of lower-case letters, digits and dashes")
            }
            topics.append(Topic(key: key, title: LocalizedText(english: value["en"]?.stringValue,
                                                               french: value["fr"]?.stringValue)))
        }
        self.title = title
        self.topics = topics
    }

    /// The ops of the genesis change: the group, its founder's profile, and the topics.
    /// A sealed group's carries the founder's agreement key.
    public func genesisOps(title override: String?, founder: MemberProfile, sealedFor agreementKey: [UInt8]? = nil) -> [Op] {
        var groupTitle = title
        if let override { groupTitle = LocalizedText(english: override, french: override) }
        let create = GroupCreate(title: groupTitle, sealed: agreementKey != nil, agreementKey: agreementKey)
        var ops: [Op] = [.groupCreate(create), .memberProfile(founder)]
        for (order, topic) in topics.enumerated() {
            ops.append(.topicCreate(TopicCreate(key: topic.key, title: topic.title, order: Int64(order + 1))))
        }
        return ops
    }
}
