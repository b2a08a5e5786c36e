import Foundation
import GRDB

/// The store's schema as a sequence of migrations. Shipped migrations are never edited: a change
/// to the schema is a new migration appended here.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-log-and-threads", migrate: createV1)
        migrator.registerMigration("v2-invites-and-sync", migrate: createV2)
        migrator.registerMigration("v3-unread-counts", migrate: createV3)
        migrator.registerMigration("v4-moderation", migrate: createV4)
        migrator.registerMigration("v5-expert-terms", migrate: { db in
            try db.execute(sql: "ALTER TABLE role_grant ADD COLUMN until_ms INTEGER")
        })
        migrator.registerMigration("v6-polls", migrate: createV6)
        migrator.registerMigration("v7-elections", migrate: createV7)
        migrator.registerMigration("v8-drafts", migrate: createV8)
        migrator.registerMigration("v9-one-authority", migrate: createV9)
        migrator.registerMigration("v10-seen-files", migrate: createV10)
        migrator.registerMigration("v11-readmission", migrate: { db in
            // A re-admission's further roles (comma-separated) and the feed it replaces.
            try db.execute(sql: "ALTER TABLE invite ADD COLUMN also TEXT; ALTER TABLE invite ADD COLUMN replaces TEXT")
        })
        migrator.registerMigration("v12-sealed", migrate: createV12)
        migrator.registerMigration("v13-draft-state", migrate: createV13)
        migrator.registerMigration("v14-topic-counts", migrate: createV14)
        migrator.registerMigration("v15-quiet", migrate: createV15Quiet)
        migrator.registerMigration("v16-meetings", migrate: createV16Meetings)
        migrator.registerMigration("v17-folder-export", migrate: createV17FolderExport)
        migrator.registerMigration("v17-attachments", migrate: createV17Attachments)
        migrator.registerMigration("v17-practices", migrate: createV17Practices)
        migrator.registerMigration("v18-recommendations", migrate: createV18Recommendations)
        migrator.registerMigration("v19-attachment-copies", migrate: createV19AttachmentCopies)
        migrator.registerMigration("v19-delegation-categories", migrate: createV19DelegationCategories)
        return migrator
    }

    /// Every migration's identifier, in order (`StoreVersion` counts them in the store).
    static let identifiers = migrator.migrations

    static func createV1(_ db: Database) throws {
        // Local facts: the group this store belongs to, the highest clock seen.
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL) STRICT;

            -- One row per feed ever seen. head_seq: every change of the feed up to it has been
            -- processed; changes above it wait in `change` as pending.
            CREATE TABLE feed (
                id INTEGER PRIMARY KEY,
                key BLOB NOT NULL UNIQUE CHECK (length(key) = 32),
                hex TEXT NOT NULL UNIQUE,
                head_seq INTEGER NOT NULL DEFAULT 0,
                head_hash BLOB,
                frozen_from INTEGER
            ) STRICT;

            -- The log: every change exactly as signed. The state can always be rebuilt from it.
            CREATE TABLE change (
                id INTEGER PRIMARY KEY,
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL CHECK (seq >= 1),
                hash BLOB NOT NULL CHECK (length(hash) = 32),
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                body BLOB NOT NULL,
                sig BLOB NOT NULL,
                UNIQUE (feed, seq)
            ) STRICT;

            -- Evidence: a second, different change for a (feed, seq) already held, or a change
            -- whose prev does not link to its predecessor. Never applied.
            CREATE TABLE refused_change (
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                hash BLOB NOT NULL,
                body BLOB NOT NULL,
                sig BLOB NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (feed, hash)
            ) STRICT;

            CREATE TABLE rejected_op (
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                op_index INTEGER NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (feed, seq, op_index)
            ) STRICT;

            CREATE TABLE group_info (
                id BLOB PRIMARY KEY NOT NULL,
                title_en TEXT,
                title_fr TEXT,
                founder INTEGER NOT NULL REFERENCES feed(id),
                created_ms INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE member (
                feed INTEGER PRIMARY KEY REFERENCES feed(id),
                name TEXT NOT NULL,
                org TEXT NOT NULL,
                lang TEXT NOT NULL,
                stamp_ms INTEGER NOT NULL,
                stamp_c INTEGER NOT NULL,
                stamp_seq INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE role_grant (
                feed INTEGER NOT NULL REFERENCES feed(id),
                role TEXT NOT NULL,
                from_seq INTEGER NOT NULL,
                granted_by INTEGER NOT NULL REFERENCES feed(id),
                granted_seq INTEGER NOT NULL,
                granted_ms INTEGER NOT NULL,
                PRIMARY KEY (feed, role, from_seq, granted_by, granted_seq)
            ) STRICT;

            CREATE TABLE topic (
                id TEXT PRIMARY KEY NOT NULL,
                key TEXT NOT NULL,
                title_en TEXT,
                title_fr TEXT,
                ord INTEGER NOT NULL,
                author INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                created_ms INTEGER NOT NULL,
                created_c INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX topic_by_key ON topic(key);

            CREATE TABLE thread (
                id TEXT PRIMARY KEY NOT NULL,
                topic TEXT NOT NULL REFERENCES topic(id),
                title TEXT NOT NULL,
                author INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                created_ms INTEGER NOT NULL,
                created_c INTEGER NOT NULL,
                last_ms INTEGER NOT NULL,
                last_c INTEGER NOT NULL,
                post_count INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX thread_by_topic ON thread(topic, last_ms, last_c);

            CREATE TABLE post (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                thread TEXT NOT NULL REFERENCES thread(id),
                parent TEXT,
                author INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                op_index INTEGER NOT NULL,
                created_ms INTEGER NOT NULL,
                created_c INTEGER NOT NULL,
                lang TEXT NOT NULL,
                quote TEXT,
                body TEXT NOT NULL,
                body_ms INTEGER NOT NULL,
                body_c INTEGER NOT NULL,
                body_seq INTEGER NOT NULL,
                edit_count INTEGER NOT NULL DEFAULT 0,
                retracted INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX post_by_thread ON post(thread, created_ms, created_c);

            -- Every edit of a post. The first text is in the log, read from the creating change.
            CREATE TABLE post_version (
                post TEXT NOT NULL REFERENCES post(id),
                seq INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                hlc_c INTEGER NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (post, hlc_ms, hlc_c, seq)
            ) STRICT;

            -- The index covers what may be found: the current text of posts not retracted.
            CREATE VIEW post_searchable AS SELECT rowid AS post_rowid, body FROM post WHERE retracted = 0;
            CREATE VIRTUAL TABLE post_fts USING fts5(
                body, content='post_searchable', content_rowid='post_rowid', tokenize='unicode61 remove_diacritics 2'
            );

            -- Local only, never synced: what this person has read, and settings.
            CREATE TABLE read_mark (post TEXT PRIMARY KEY NOT NULL) STRICT, WITHOUT ROWID;
            CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
            """)
    }

    static func createV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE invite (
                id TEXT PRIMARY KEY NOT NULL,
                key BLOB NOT NULL CHECK (length(key) = 32),
                role TEXT NOT NULL,
                name TEXT NOT NULL,
                org TEXT NOT NULL,
                expires INTEGER NOT NULL,
                author INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                created_ms INTEGER NOT NULL
            ) STRICT;

            -- Every redemption of an invite; the one with the least stamp counts.
            CREATE TABLE invite_redemption (
                invite TEXT NOT NULL,
                feed INTEGER NOT NULL REFERENCES feed(id),
                feed_hex TEXT NOT NULL,
                seq INTEGER NOT NULL,
                stamp_ms INTEGER NOT NULL,
                stamp_c INTEGER NOT NULL,
                PRIMARY KEY (invite, feed)
            ) STRICT;

            ALTER TABLE role_grant ADD COLUMN via_invite TEXT;

            -- Local only: what this replica knows of each shared folder, so that a sync with
            -- nothing new reads nothing it has read before.
            CREATE TABLE folder_feed (
                folder TEXT NOT NULL,
                feed TEXT NOT NULL,
                dir_mtime INTEGER NOT NULL,
                PRIMARY KEY (folder, feed)
            ) STRICT, WITHOUT ROWID;

            -- Local only: the good segment files of each folder already read or written here.
            CREATE TABLE seen_segment (
                folder TEXT NOT NULL,
                feed TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                PRIMARY KEY (folder, feed, first_seq, last_seq)
            ) STRICT, WITHOUT ROWID;

            -- Local only: files found bad, reported once.
            CREATE TABLE bad_file (
                path TEXT PRIMARY KEY NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                reason TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;
            """)
    }

    /// Unread counts from counters instead of a scan of every post: read marks know their
    /// thread, and threads count their retracted posts.
    static func createV3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE read_post (post TEXT PRIMARY KEY NOT NULL, thread TEXT NOT NULL) STRICT, WITHOUT ROWID;
            CREATE INDEX read_post_by_thread ON read_post(thread);
            INSERT INTO read_post (post, thread)
                SELECT p.id, p.thread FROM read_mark r JOIN post p ON p.id = r.post WHERE p.retracted = 0;
            DROP TABLE read_mark;

            ALTER TABLE thread ADD COLUMN retracted_count INTEGER NOT NULL DEFAULT 0;
            UPDATE thread SET retracted_count = (SELECT count(*) FROM post p WHERE p.thread = thread.id AND p.retracted = 1);
            """)
    }

    /// Moderation registers, role revocations and removals, and the audit log.
    static func createV4(_ db: Database) throws {
        try db.execute(sql: """
            -- Last-writer-wins registers set by moderation; the winning value is mirrored into
            -- the post and thread columns below.
            CREATE TABLE register (
                entity TEXT NOT NULL,
                name TEXT NOT NULL,
                value TEXT,
                stamp_ms INTEGER NOT NULL,
                stamp_c INTEGER NOT NULL,
                stamp_author TEXT NOT NULL,
                stamp_seq INTEGER NOT NULL,
                PRIMARY KEY (entity, name)
            ) STRICT, WITHOUT ROWID;
            ALTER TABLE post ADD COLUMN hidden_reason TEXT;
            ALTER TABLE post ADD COLUMN mark TEXT;
            ALTER TABLE thread ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE thread ADD COLUMN lock_frontier TEXT;

            -- A role (or, with role NULL, every role: a removal) ends after the holder's last_seq.
            CREATE TABLE role_revocation (
                feed INTEGER NOT NULL REFERENCES feed(id),
                role TEXT,
                last_seq INTEGER NOT NULL,
                revoked_by INTEGER NOT NULL REFERENCES feed(id),
                revoked_seq INTEGER NOT NULL,
                revoked_ms INTEGER NOT NULL,
                PRIMARY KEY (revoked_by, revoked_seq, feed)
            ) STRICT;

            -- Every moderation and membership act that counted.
            CREATE TABLE audit (
                feed INTEGER NOT NULL REFERENCES feed(id),
                seq INTEGER NOT NULL,
                op_index INTEGER NOT NULL,
                hlc_ms INTEGER NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT,
                PRIMARY KEY (feed, seq, op_index)
            ) STRICT;
            """)
    }

    /// Polls, their ballots and their closes.
    /// Tables derived from the log, emptied before a rebuild (those referring to others first).
    static let materialisedTables = [
        "role_interval", "penholder_grant", "penholder_end", "penholder_interval", "invite_cancel", "invite_seat", "set_aside_change",
        "post_version", "post", "thread", "topic", "role_grant", "role_revocation", "invite_redemption", "invite", "member",
        "rejected_op", "register", "audit", "nomination", "draft_comment", "draft_block", "draft_blame", "draft_anchor", "draft_op",
        "draft_penholders",
        "draft_version", "amendment_position",
        "amendment", "draft", "ballot", "poll_close", "poll", "group_info", "epoch_wrap", "epoch", "agreement_key",
    ] + meetingTables + attachmentTables + recommendationTables + practiceTables + delegationCategoryTables
}
