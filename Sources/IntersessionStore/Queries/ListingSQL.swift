/// The SQL the listings run, in one place: the queries read it, and the command benchmark runs
/// the very same text in the `sqlite3` CLI as its anchor. Parameters are named (`:topic`,
/// `:thread`).
public enum ListingSQL {
    /// Topics with thread, post and unread counts, from the topics' counters (`topic_count`,
    /// kept by triggers): one row read per topic, whatever the number of threads.
    public static let topics = """
        SELECT t.id, t.key, t.title_en, t.title_fr, t.ord, coalesce(c.threads, 0), coalesce(c.posts, 0),
               coalesce(c.posts - c.reads, 0)
        FROM topic t LEFT JOIN topic_count c ON c.topic = t.id
        ORDER BY t.ord, t.id
        """

    /// The same columns as `topics`, summed from every thread's counters: what the topics'
    /// counters must always equal (the tests and `e2e/counts.sh` compare them).
    public static let topicsAggregated = """
        SELECT t.id, t.key, t.title_en, t.title_fr, t.ord, count(h.id),
               coalesce(sum(h.post_count - h.retracted_count), 0),
               coalesce(sum(h.post_count - h.retracted_count
                            - (SELECT count(*) FROM read_post r WHERE r.thread = h.id)), 0)
        FROM topic t LEFT JOIN thread h ON h.topic = t.id
        GROUP BY t.id ORDER BY t.ord, t.id
        """

    /// Threads by latest activity, pinned first; in the topic `:topic`, or in all.
    public static func threads(inTopic: Bool) -> String {
        AppDatabase.threadSelect + (inTopic ? "WHERE h.topic = :topic" : "")
            + " ORDER BY h.pinned DESC, h.last_ms DESC, h.last_c DESC, h.id"
    }

    /// The posts of the thread `:thread`, oldest first (the reply tree is made from them).
    public static let threadPosts = AppDatabase.postSelect + "WHERE p.thread = :thread ORDER BY p.created_ms, p.created_c, p.id"

    /// Everyone who holds or held a role that counts, every forked feed, every redeemer of a
    /// contested invite, by delegation then name; `:feed` names one feed (by key) or none.
    public static func members(oneFeed: Bool = false) -> String {
        """
        SELECT f.hex, m.name, m.org, m.lang,
               (SELECT group_concat(DISTINCT i.role) FROM role_interval i WHERE i.feed = f.id AND i.through_seq IS NULL),
               (SELECT c.hlc_ms FROM change c WHERE c.feed = f.id ORDER BY c.seq DESC LIMIT 1), f.head_seq, f.frozen_from,
               (SELECT group_concat(i.role || ':' || i.until_ms) FROM role_interval i
                  WHERE i.feed = f.id AND i.through_seq IS NULL AND i.until_ms IS NOT NULL),
               (SELECT min(r.invite) FROM invite_redemption r JOIN invite_seat s ON s.invite = r.invite
                  WHERE r.feed = f.id AND s.seated IS NULL AND s.redeemers > 1)
        FROM feed f LEFT JOIN member m ON m.feed = f.id
        WHERE (f.frozen_from IS NOT NULL OR f.id IN (SELECT g.feed FROM role_grant g WHERE \(ChangeApplier.grantCounts))
           OR f.id IN (SELECT r.feed FROM invite_redemption r JOIN invite_seat s ON s.invite = r.invite
                       WHERE s.seated IS NULL AND s.redeemers > 1))\(oneFeed ? " AND f.key = :feed" : "")
        ORDER BY m.org, m.name, f.hex
        """
    }

    /// The group, its founder, and its counts: members, changes logged, changes pending. The
    /// log's count is each feed's head (every seq up to it is logged: the head only moves to
    /// the next seq applied, and only a change above it is ever taken out) plus the changes
    /// logged above it, one index range per feed: flat in the size of the log.
    public static let groupSummary = """
        SELECT g.id, g.title_en, g.title_fr, f.hex,
               (SELECT count(DISTINCT feed) FROM role_interval WHERE through_seq IS NULL),
               (SELECT coalesce(sum(e.head_seq + (SELECT count(*) FROM change c WHERE c.feed = e.id AND c.seq > e.head_seq)), 0)
                FROM feed e),
               (SELECT coalesce(sum((SELECT count(*) FROM change c WHERE c.feed = e.id AND c.seq > e.head_seq
                                     AND (e.frozen_from IS NULL OR c.seq < e.frozen_from)
                                     AND NOT EXISTS (SELECT 1 FROM set_aside_change s WHERE s.feed = c.feed AND s.seq = c.seq))),
                         0) FROM feed e)
        FROM group_info g JOIN feed f ON f.id = g.founder
        """
}
