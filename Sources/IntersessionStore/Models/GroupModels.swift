import Foundation
import IntersessionCore

/// The group as `whoami` shows it.
public struct GroupSummary: Sendable, Equatable, Codable {
    public var id: String
    public var titleEnglish: String?
    public var titleFrench: String?
    public var founder: String
    public var members: Int
    public var changes: Int
    public var pending: Int
}

/// A person of the group: profile, roles and latest activity.
public struct MemberSummary: Sendable, Equatable, Codable {
    public var feed: String
    public var name: String?
    public var organisation: String?
    public var language: String?
    public var roles: [String]
    /// The clock of this feed's latest change (its highest seq logged), in unix milliseconds.
    public var lastSeen: Int64?
    public var changes: Int64
    /// Set when the feed forked: its changes from this seq on do not count.
    public var frozenFrom: Int64?
    /// The end of each term (unix ms) by role, for roles granted for a term (an invited expert, a
    /// co-chair): the secretariat is prompted to revoke after it.
    public var terms: [String: Int64]
    /// Set when this feed redeemed an invite that another feed redeemed too: it seats nobody
    /// until the secretariat admits one of them (`member.admit`).
    public var contestedInvite: String? = nil
}
