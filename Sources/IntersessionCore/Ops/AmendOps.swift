/// How an amendment changes its span, as intergovernmental drafting writes it.
public enum AmendmentKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Replace the span with the text.
    case replace
    /// Insert the text after the anchor (at the start when there is none).
    case insert
    /// Delete the span.
    case delete
}

/// Where an amendment stands.
public enum AmendmentStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case open, accepted, rejected
}

/// `amend.propose`: any member proposes a change to a span of a draft, with a rationale. The
/// span is named by its first and last characters, so it stays put while the text moves.
public struct AmendPropose: Sendable, Hashable {
    static let type = "amend.propose"
    public var draft: EntityID
    public var kind: AmendmentKind
    /// First character of the span (for an insertion, the one it follows; none at the start).
    public var from: TextAnchor?
    /// Last character of the span (none for an insertion).
    public var to: TextAnchor?
    public var text: String
    public var rationale: String

    public init(draft: EntityID, kind: AmendmentKind, from: TextAnchor?, to: TextAnchor?, text: String, rationale: String) {
        self.draft = draft
        self.kind = kind
        self.from = from
        self.to = to
        self.text = text
        self.rationale = rationale
    }

    init(_ fields: OpFields) throws(ChangeFormatError) {
        draft = try fields.entity("draft")
        guard let kind = AmendmentKind(rawValue: try fields.string("kind")) else { throw .badField("kind", "must be replace, insert or delete") }
        self.kind = kind
        from = try TextAnchor(fields.fields["from"] ?? .null)
        to = try TextAnchor(fields.fields["to"] ?? .null)
        text = try fields.optionalString("text") ?? ""
        rationale = try fields.string("rationale")
    }

    var json: JSONValue {
        ["t": .string(Self.type), "draft": .string(draft.hex), "kind": .string(kind.rawValue), "from": from.json, "to": to.json,
         "text": .string(text), "rationale": .string(rationale)]
    }
}

/// `amend.support` / `amend.oppose`: a member's position on an amendment; their latest counts.
public struct AmendPosition: Sendable, Hashable {
    static let supportType = "amend.support"
    static let opposeType = "amend.oppose"
    public var amendment: EntityID
    public var supports: Bool
    public var reason: String?

    public init(amendment: EntityID, supports: Bool, reason: String? = nil) {
        self.amendment = amendment
        self.supports = supports
        self.reason = reason
    }

    init(_ fields: OpFields, supports: Bool) throws(ChangeFormatError) {
        amendment = try fields.entity("amendment")
        self.supports = supports
        reason = try fields.optionalString("reason")
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(supports ? Self.supportType : Self.opposeType), "amendment": .string(amendment.hex)]
        if let reason { fields["reason"] = .string(reason) }
        return .object(fields)
    }
}

/// `amend.accept` / `amend.reject`: a penholder's decision. An acceptance travels with the
/// `draft.edit` that applies the amendment; the latest decision stands.
public struct AmendDecide: Sendable, Hashable {
    static let acceptType = "amend.accept"
    static let rejectType = "amend.reject"
    public var amendment: EntityID
    public var accepted: Bool
    public var reason: String?

    public init(amendment: EntityID, accepted: Bool, reason: String? = nil) {
        self.amendment = amendment
        self.accepted = accepted
        self.reason = reason
    }

    init(_ fields: OpFields, accepted: Bool) throws(ChangeFormatError) {
        amendment = try fields.entity("amendment")
        self.accepted = accepted
        reason = try fields.optionalString("reason")
    }

    var json: JSONValue {
        var fields: [String: JSONValue] = ["t": .string(accepted ? Self.acceptType : Self.rejectType), "amendment": .string(amendment.hex)]
        if let reason { fields["reason"] = .string(reason) }
        return .object(fields)
    }
}
