import Foundation
import GRDB
import IntersessionCore

/// Carries out the mutations the rules decided, as prepared statements (this is the hot path of
/// every import and rebuild).
extension ChangeApplier {
    func execute(_ mutation: Mutation, of change: SignedChange) throws {
        let author = try feedState(change.author).row
        switch mutation {
        case .createGroup(let id, let title, _, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO group_info (id, title_en, title_fr, founder, created_ms) VALUES (?, ?, ?, ?, ?)",
                arguments: [id.bytes.blob, title.english, title.french, author, stamp.hlc.millis])

        case .grantRole(let feed, let role, let fromSeq, let until, let stamp):
            let holder = try feedState(feed)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO role_grant (feed, role, from_seq, granted_by, granted_seq, granted_ms, until_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [holder.row, role.rawValue, fromSeq, author, stamp.seq, stamp.hlc.millis, until])
            try refreshRoleIntervals(of: feed)
            // Changes of the holder already judged without this role must be judged again.
            if holder.headSeq >= fromSeq { needsRebuild = true }

        case .createInvite(let id, let invite, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO invite (id, key, role, name, org, expires, author, seq, created_ms, also, replaces)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, invite.key.bytes.blob, invite.role.rawValue, invite.name, invite.organisation,
                            invite.expires, author, stamp.seq, stamp.hlc.millis,
                            invite.also.isEmpty ? nil : invite.also.map(\.rawValue).joined(separator: ","), invite.replaces?.hex])

        case .redeemInvite(let invite, let roles, let fromSeq, let stamp):
            try redeem(invite, roles: roles, fromSeq: fromSeq, stamp: stamp, author: author)

        case .admitInvite(let invite, let feed, let stamp):
            try setRegister(invite, .admission, feed.hex, stamp)

        case .cancelInvite(let invite, let seen, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO invite_cancel (invite, by_feed, by_seq, hlc_ms, seen) VALUES (?, ?, ?, ?, ?)",
                arguments: [invite.hex, author, stamp.seq, stamp.hlc.millis, FeedSeqsJSON.encode(seen)])
            try reseat(invite)

        case .revokeRole(let feed, let role, let lastSeq, let stamp):
            let holder = try feedState(feed)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO role_revocation (feed, role, last_seq, revoked_by, revoked_seq, revoked_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [holder.row, role?.rawValue, lastSeq, author, stamp.seq, stamp.hlc.millis])
            try refreshRoleIntervals(of: feed)
            // The holder's changes after `lastSeq` were judged with the role: judge them again.
            if holder.headSeq > lastSeq { needsRebuild = true }

        case .setRegister(let entity, let register, let value, let stamp):
            try setRegister(entity, register, value, stamp)

        case .audit(let index, let action, let target, let detail):
            try db.execute(
                sql: "INSERT OR IGNORE INTO audit (feed, seq, op_index, hlc_ms, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [author, change.seq, index, change.body.hlc.millis, action, target, detail])

        case .createPoll(let id, let poll, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO poll (id, kind, title, text, options, electorate, unit, deadline, hidden, majority, author, seq,
                                                created_ms, seat)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, poll.kind.rawValue, poll.title, poll.text, PollJSON.strings(poll.options),
                            PollJSON.strings(poll.electorate.map(\.rawValue)), poll.unit.rawValue, poll.deadline,
                            poll.hiddenUntilClose, poll.majority.rawValue, author, stamp.seq, stamp.hlc.millis, poll.seat?.rawValue])

        case .nominate(let id, let poll, let nominee, let accepted, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO nomination (id, poll, nominee, feed, seq, hlc_ms, hlc_c, accepted_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, poll.hex, try feedState(nominee).row, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter,
                            accepted ? stamp.seq : nil])

        case .anchorThread(let thread, let draft, let anchor):
            try db.execute(sql: "INSERT OR IGNORE INTO draft_comment (thread, draft, anchor) VALUES (?, ?, ?)",
                           arguments: [thread.hex, draft.hex, anchor?.text])

        case .createDraft, .editDraft, .changePenholders, .addVersion, .proposeAmendment, .amendmentPosition:
            try executeDraft(mutation, of: change, author: author)

        case .acceptNomination(let id, let stamp):
            try db.execute(
                sql: "UPDATE nomination SET accepted_seq = min(coalesce(accepted_seq, ?), ?) WHERE id = ?",
                arguments: [stamp.seq, stamp.seq, id.hex])

        case .castBallot(let poll, let choice, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO ballot (poll, feed, seq, hlc_ms, hlc_c, choice) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [poll.hex, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter, choice])

        case .closePoll(let poll, let frontier, let stamp):
            try db.execute(
                sql: "INSERT OR IGNORE INTO poll_close (poll, feed, seq, hlc_ms, hlc_c, frontier) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [poll.hex, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter, PollJSON.closeFrontier(frontier)])

        case .setProfile(_, let profile, let stamp):
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO member (feed, name, org, lang, stamp_ms, stamp_c, stamp_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [author, profile.name, profile.organisation, profile.language.rawValue,
                            stamp.hlc.millis, stamp.hlc.counter, stamp.seq])

        case .createTopic(let id, let key, let title, let order, let stamp):
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO topic (id, key, title_en, title_fr, ord, author, seq, created_ms, created_c)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.hex, key, title.english, title.french, order, author, stamp.seq,
                            stamp.hlc.millis, stamp.hlc.counter])

        case .createThread(let id, let topic, let title, let stamp):
            let statement = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO thread (id, topic, title, author, seq, created_ms, created_c, last_ms, last_c)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)
                """)
            try statement.execute(arguments: [id.hex, topic.hex, title, author, stamp.seq, stamp.hlc.millis, stamp.hlc.counter])

        case .createPost(let post):
            try createPost(post, author: author)

        case .addPostVersion(let post, let body, let stamp, let isCurrent):
            try addVersion(post: post, body: body, stamp: stamp, isCurrent: isCurrent)

        case .retractPost(let post, _):
            try retract(post: post)

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

        case .rejectOp(let index, let reason):
            try db.execute(
                sql: "INSERT OR IGNORE INTO rejected_op (feed, seq, op_index, reason) VALUES (?, ?, ?, ?)",
                arguments: [author, change.seq, index, reason.rawValue])
            report.rejectedOps.append(RejectedOp(feed: change.author, seq: change.seq, index: index, reason: reason))
        }
    }

    private func redeem(_ invite: EntityID, roles: [Role], fromSeq: Int64, stamp: ChangeStamp, author: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO invite_redemption (invite, feed, feed_hex, seq, stamp_ms, stamp_c)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [invite.hex, author, stamp.author.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter])
        for role in roles {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO role_grant (feed, role, from_seq, granted_by, granted_seq, granted_ms, via_invite)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [author, role.rawValue, fromSeq, author, stamp.seq, stamp.hlc.millis, invite.hex])
        }
        try reseat(invite)
        // A feed's second join adds a grant even when the seat stays where it was.
        try refreshRoleIntervals(of: stamp.author)
    }

    private func createPost(_ post: NewPost, author: Int64) throws {
        try insertPostRow(post, author: author)
        guard db.changesCount > 0 else { return }
        remember(PostFacts(thread: post.thread, author: post.stamp.author, bodyStamp: post.stamp), for: post.id)
        if !searchIsBehind {
            let index = try statements(.indexPost)
            index.bind(db.lastInsertedRowID, at: 1)
            index.bind(post.body, at: 2)
            try index.execute()
        }
        postsAdded[post.thread, default: AddedPosts()].add(at: post.stamp.hlc)
    }

    private func insertPostRow(_ post: NewPost, author: Int64) throws {
        let insert = try statements(.insertPost)
        insert.bind(post.id.hex, at: 1)
        insert.bind(post.thread.hex, at: 2)
        insert.bind(post.parent?.hex, at: 3)
        insert.bind(author, at: 4)
        insert.bind(post.stamp.seq, at: 5)
        insert.bind(post.opIndex, at: 6)
        insert.bind(post.stamp.hlc.millis, at: 7)
        insert.bind(post.stamp.hlc.counter, at: 8)
        insert.bind(post.language.rawValue, at: 9)
        insert.bind(post.quote, at: 10)
        insert.bind(post.body, at: 11)
        try insert.execute()
    }

    private func addVersion(post: EntityID, body: String, stamp: ChangeStamp, isCurrent: Bool) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO post_version (post, seq, hlc_ms, hlc_c, body) VALUES (?, ?, ?, ?, ?)",
            arguments: [post.hex, stamp.seq, stamp.hlc.millis, stamp.hlc.counter, body])
        try db.execute(sql: "UPDATE post SET edit_count = edit_count + 1 WHERE id = ?", arguments: [post.hex])
        if isCurrent, var facts = postCache[post] {
            facts.bodyStamp = stamp
            postCache[post] = facts
        }
        guard isCurrent,
            let row = try Row.fetchOne(db, sql: "SELECT rowid, body, retracted FROM post WHERE id = ?", arguments: [post.hex])
        else { return }
        let rowid: Int64 = row[0]
        let retracted: Bool = row[2]
        if !retracted, !searchIsBehind {
            try db.execute(
                sql: "INSERT INTO post_fts (post_fts, rowid, body) VALUES ('delete', ?, ?)", arguments: [rowid, row[1]])
            try db.execute(sql: "INSERT INTO post_fts (rowid, body) VALUES (?, ?)", arguments: [rowid, body])
        }
        try db.execute(
            sql: "UPDATE post SET body = ?, body_ms = ?, body_c = ?, body_seq = ? WHERE rowid = ?",
            arguments: [body, stamp.hlc.millis, stamp.hlc.counter, stamp.seq, rowid])
    }

    private func retract(post: EntityID) throws {
        postCache[post]?.retracted = true
        guard let row = try Row.fetchOne(
            db, sql: "SELECT rowid, body, retracted FROM post WHERE id = ?", arguments: [post.hex]),
            !(row[2] as Bool)
        else { return }
        if !searchIsBehind {
            try db.execute(
                sql: "INSERT INTO post_fts (post_fts, rowid, body) VALUES ('delete', ?, ?)", arguments: [row[0], row[1]])
        }
        try db.execute(sql: "UPDATE post SET retracted = 1 WHERE rowid = ?", arguments: [row[0]])
        try db.execute(sql: "UPDATE thread SET retracted_count = retracted_count + 1 WHERE id = (SELECT thread FROM post WHERE rowid = ?)",
                       arguments: [row[0]])
        try db.execute(sql: "DELETE FROM read_post WHERE post = ?", arguments: [post.hex])
    }
}
