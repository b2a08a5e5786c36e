import GRDB

/// The migration of per-topic counters (v14): `topics` read every thread of the group to sum
/// its counters (58 ms at a million changes); it now reads one row per topic.
///
/// The counters are kept by triggers, so that every path that changes a thread's counts or a
/// read mark keeps them: apply, retraction, moderation moving a thread, a rebuild (which
/// deletes every thread and applies the log again), repair, and the local read marks.
extension Schema {
    static func createV14(_ db: Database) throws {
        try db.execute(sql: """
            -- Derived, per topic: its threads, their live posts (post_count - retracted_count),
            -- and this profile's read marks in them (read_post rows whose thread is in the topic).
            -- Unread is posts - reads, as each thread's is. A row may outlive its topic (a rebuild
            -- empties topics and threads apart); only rows joined to a topic are read.
            CREATE TABLE topic_count (
                topic TEXT PRIMARY KEY NOT NULL,
                threads INTEGER NOT NULL DEFAULT 0,
                posts INTEGER NOT NULL DEFAULT 0,
                reads INTEGER NOT NULL DEFAULT 0
            ) STRICT, WITHOUT ROWID;

            INSERT INTO topic_count (topic, threads, posts, reads)
                SELECT h.topic, count(*), sum(h.post_count - h.retracted_count),
                       sum((SELECT count(*) FROM read_post r WHERE r.thread = h.id))
                FROM thread h GROUP BY h.topic;

            CREATE TRIGGER topic_count_thread_insert AFTER INSERT ON thread BEGIN
                INSERT INTO topic_count (topic, threads, posts, reads)
                    VALUES (NEW.topic, 1, NEW.post_count - NEW.retracted_count,
                            (SELECT count(*) FROM read_post r WHERE r.thread = NEW.id))
                    ON CONFLICT (topic) DO UPDATE SET threads = threads + 1, posts = posts + excluded.posts,
                                                      reads = reads + excluded.reads;
            END;

            CREATE TRIGGER topic_count_thread_delete AFTER DELETE ON thread BEGIN
                UPDATE topic_count SET threads = threads - 1, posts = posts - (OLD.post_count - OLD.retracted_count),
                                       reads = reads - (SELECT count(*) FROM read_post r WHERE r.thread = OLD.id)
                    WHERE topic = OLD.topic;
            END;

            -- A post retracted: the thread's live posts move within its topic. A post applied is
            -- counted by the applier, once per transaction for each thread it touched
            -- (ChangeApplier.flushPostCounts): a trigger on every post cost an import a third.
            CREATE TRIGGER topic_count_thread_retracted AFTER UPDATE OF retracted_count ON thread
                WHEN OLD.topic IS NEW.topic BEGIN
                UPDATE topic_count SET posts = posts - (NEW.retracted_count - OLD.retracted_count)
                    WHERE topic = NEW.topic;
            END;

            -- A thread moved to another topic (moderation): it takes its counts and read marks along.
            CREATE TRIGGER topic_count_thread_moved AFTER UPDATE OF topic ON thread
                WHEN OLD.topic IS NOT NEW.topic BEGIN
                UPDATE topic_count SET threads = threads - 1, posts = posts - (OLD.post_count - OLD.retracted_count),
                                       reads = reads - (SELECT count(*) FROM read_post r WHERE r.thread = OLD.id)
                    WHERE topic = OLD.topic;
                INSERT INTO topic_count (topic, threads, posts, reads)
                    VALUES (NEW.topic, 1, NEW.post_count - NEW.retracted_count,
                            (SELECT count(*) FROM read_post r WHERE r.thread = NEW.id))
                    ON CONFLICT (topic) DO UPDATE SET threads = threads + 1, posts = posts + excluded.posts,
                                                      reads = reads + excluded.reads;
            END;

            CREATE TRIGGER topic_count_read_insert AFTER INSERT ON read_post BEGIN
                UPDATE topic_count SET reads = reads + 1 WHERE topic = (SELECT topic FROM thread WHERE id = NEW.thread);
            END;

            CREATE TRIGGER topic_count_read_delete AFTER DELETE ON read_post BEGIN
                UPDATE topic_count SET reads = reads - 1 WHERE topic = (SELECT topic FROM thread WHERE id = OLD.thread);
            END;

            CREATE TRIGGER topic_count_read_moved AFTER UPDATE OF thread ON read_post
                WHEN OLD.thread IS NOT NEW.thread BEGIN
                UPDATE topic_count SET reads = reads - 1 WHERE topic = (SELECT topic FROM thread WHERE id = OLD.thread);
                UPDATE topic_count SET reads = reads + 1 WHERE topic = (SELECT topic FROM thread WHERE id = NEW.thread);
            END;
            """)
    }
}
