import Foundation
import GRDB
import IntersessionCore

/// Carries out the mutations the rules decided, as prepared statements (this is the hot path of
/// every import and rebuild).
extension ChangeApplier {
    func execute(_ mutation: Mutation, of change: SignedChange) throws {
        let author = try feedState(change.author).row
        switch mutation {
        case .createGroup, .setProfile, .createInvite, .redeemInvite, .admitInvite, .cancelInvite:
            try executeMembership(mutation, author: author)
        case .grantRole, .revokeRole:
            try executeRole(mutation, author: author)
        case .createPoll, .nominate, .acceptNomination, .castBallot, .closePoll:
            try executePoll(mutation, author: author)
        case .createTopic, .createThread, .createPost, .addPostVersion, .retractPost, .anchorThread:
            try executeForum(mutation, author: author)
        case .createDraft, .editDraft, .changePenholders, .addVersion, .proposeAmendment, .amendmentPosition:
            try executeDraft(mutation, of: change, author: author)
        case .sealGroup, .publishAgreementKey, .startEpoch:
            try executeSealing(mutation, author: author)
        case .meeting(let meeting):
            try executeMeeting(meeting)
        case .recommendation(let recommendation):
            try executeRecommendation(recommendation)
        case .attachment(let attachment):
            try executeAttachment(attachment)
        case .practice(let practice):
            try executePractice(practice)
        case .setRegister(let entity, let register, let value, let stamp):
            try setRegister(entity, register, value, stamp)
        case .audit(let index, let action, let target, let detail):
            try db.execute(
                sql: "INSERT OR IGNORE INTO audit (feed, seq, op_index, hlc_ms, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [author, change.seq, index, change.body.hlc.millis, action, target, detail])
        case .rejectOp(let index, let reason):
            try db.execute(
                sql: "INSERT OR IGNORE INTO rejected_op (feed, seq, op_index, reason) VALUES (?, ?, ?, ?)",
                arguments: [author, change.seq, index, reason.rawValue])
            report.rejectedOps.append(RejectedOp(feed: change.author, seq: change.seq, index: index, reason: reason))
        }
    }
}
