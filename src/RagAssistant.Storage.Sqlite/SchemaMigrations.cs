namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// The schema, as an ordered list of migrations. <c>PRAGMA user_version</c> records how many have run; opening a
/// database runs the missing ones in one transaction. Never edit a shipped migration: append a new one.
/// </summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<string> All =
    [
        // 1: libraries, documents with identity and revision, chunks with nullable vector/model columns,
        //    and a contentless FTS5 index over segmented text (its rowid is the chunk id).
        """
        CREATE TABLE libraries (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE documents (
            id              INTEGER PRIMARY KEY,
            library_id      INTEGER NOT NULL REFERENCES libraries(id),
            source          TEXT NOT NULL,
            file_name       TEXT NOT NULL,
            title           TEXT NOT NULL,
            kind            TEXT NOT NULL,
            identity        TEXT,
            identity_key    TEXT,
            revision        TEXT,
            effective_date  TEXT,
            revision_year   INTEGER,
            superseded      INTEGER NOT NULL DEFAULT 0,
            sha256          TEXT NOT NULL,
            size            INTEGER NOT NULL,
            pages           INTEGER,
            content_type    TEXT NOT NULL,
            status          TEXT NOT NULL,
            error           TEXT,
            warnings        TEXT NOT NULL DEFAULT '[]',
            created_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            UNIQUE (library_id, source)
        );
        CREATE INDEX documents_sha256 ON documents(library_id, sha256);
        CREATE INDEX documents_identity ON documents(library_id, kind, identity_key);
        CREATE TABLE chunks (
            id           INTEGER PRIMARY KEY,
            document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal      INTEGER NOT NULL,
            text         TEXT NOT NULL,
            context      TEXT NOT NULL,
            locator      TEXT NOT NULL,
            page         INTEGER,
            token_count  INTEGER NOT NULL,
            vector       BLOB,
            model        TEXT,
            UNIQUE (document_id, ordinal)
        );
        CREATE VIRTUAL TABLE chunks_fts USING fts5(
            context, text,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """,
        // 2: text positions of each chunk (JSON array of PageBox), for highlighting in the viewer.
        """
        ALTER TABLE chunks ADD COLUMN boxes TEXT NOT NULL DEFAULT '[]';
        """,
        // 3: per-page status of paged documents (text, needs_ocr, ocr_done, empty, failed), so scanned pages are
        //    visible and a later OCR step can find and update them.
        """
        CREATE TABLE pages (
            document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page         INTEGER NOT NULL,
            status       TEXT NOT NULL,
            characters   INTEGER NOT NULL,
            error        TEXT,
            PRIMARY KEY (document_id, page)
        ) WITHOUT ROWID;
        CREATE INDEX pages_status ON pages(status, document_id);
        """,
        // 4: the dimension of each stored vector (vectors are float32 little-endian BLOBs), an index to find chunks
        //    of another model, and a staging table for re-embedding runs (swapped in with one transaction).
        """
        ALTER TABLE chunks ADD COLUMN dimension INTEGER;
        CREATE INDEX chunks_model ON chunks(model);
        CREATE TABLE staged_vectors (
            chunk_id   INTEGER PRIMARY KEY,
            vector     BLOB NOT NULL,
            model      TEXT NOT NULL,
            dimension  INTEGER NOT NULL
        );
        """,
        // 5: conversations, their turns and the turns' citations. Citations are copies (text, boxes, title, library)
        //    rather than references to chunks, so a reopened conversation still shows and highlights its sources after
        //    the document is re-ingested or deleted; chunk_id and document_id are therefore plain columns, not keys.
        //    Turns and citations go with their conversation (ON DELETE CASCADE). A citation's ordinal is its place in the
        //    answer's list, which keeps that order even if numbers repeat or skip.
        """
        CREATE TABLE conversations (
            id          TEXT PRIMARY KEY,
            title       TEXT NOT NULL,
            owner       TEXT,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE INDEX conversations_owner ON conversations(owner, updated_at);
        CREATE INDEX conversations_updated ON conversations(updated_at);
        CREATE TABLE conversation_turns (
            id                   INTEGER PRIMARY KEY,
            conversation_id      TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            ordinal              INTEGER NOT NULL,
            question             TEXT NOT NULL,
            query                TEXT NOT NULL,
            answer               TEXT NOT NULL,
            mode                 TEXT NOT NULL,
            removed_citations    INTEGER NOT NULL DEFAULT 0,
            unsupported_numbers  TEXT NOT NULL DEFAULT '[]',
            retrieve_ms          REAL NOT NULL,
            generate_ms          REAL NOT NULL,
            rating               INTEGER CHECK (rating IN (-1, 1)),
            comment              TEXT,
            created_at           TEXT NOT NULL,
            UNIQUE (conversation_id, ordinal)
        );
        CREATE TABLE turn_citations (
            turn_id      INTEGER NOT NULL REFERENCES conversation_turns(id) ON DELETE CASCADE,
            ordinal      INTEGER NOT NULL,
            n            INTEGER NOT NULL,
            chunk_id     INTEGER NOT NULL,
            document_id  INTEGER NOT NULL,
            library      TEXT,
            source       TEXT NOT NULL,
            title        TEXT NOT NULL,
            identity     TEXT,
            revision     TEXT,
            superseded   INTEGER NOT NULL DEFAULT 0,
            page         INTEGER,
            locator      TEXT NOT NULL,
            text         TEXT NOT NULL,
            boxes        TEXT NOT NULL DEFAULT '[]',
            score        REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (turn_id, ordinal)
        );
        """,
        // 6: the original bytes of each document, so the viewer can show a cited source in place and offer it for download.
        //    One row per document, replaced with it and gone with it (ON DELETE CASCADE, as pages). A separate table keeps
        //    the BLOBs out of the documents rows that listings scan. Documents stored before this migration have no row.
        """
        CREATE TABLE document_files (
            document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            content      BLOB NOT NULL
        );
        """,
        // 7: each chunk's language for the search filter: 'zh' when its text has a CJK character (CjkText.IsCjk: the
        //    ranges U+4E00–U+9FFF, U+3400–U+4DBF, U+F900–U+FAFF), else 'en'. Written with each chunk from now on
        //    (ChunkLanguage.Of); existing chunks are backfilled here. GLOB compares whole UTF-8 characters inside [ ],
        //    so the class below is exactly those three ranges (spelled with char() because U+F900 is a compatibility
        //    ideograph that Unicode normalisation in an editor would silently turn into U+8C48).
        """
        ALTER TABLE chunks ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
        UPDATE chunks SET language = 'zh'
        WHERE text GLOB '*[' || char(0x4E00) || '-' || char(0x9FFF) || char(0x3400) || '-' || char(0x4DBF)
                     || char(0xF900) || '-' || char(0xFAFF) || ']*';
        """,
        // 8: ids are never reused. Without AUTOINCREMENT SQLite hands the highest deleted rowid to the next insert, so a
        //    document deleted from one library and one uploaded to another could share document and chunk ids, and an
        //    in-memory index keyed by chunk id would serve the new text under the old chunk's library. documents and
        //    chunks are rebuilt with AUTOINCREMENT (SQLite's 12-step table rebuild: the runner turns foreign keys off
        //    around the migration and checks them before committing; the copies keep every id, so the FTS rows, pages,
        //    originals and citations still point at the same rows). A write generation, bumped by triggers on every
        //    change of a chunk, a document or a library name — by this process or any other on the same file — tells
        //    in-memory copies exactly when to reload (one row read per question instead of a scan of the chunk ids).
        """
        CREATE TABLE documents_new (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            library_id      INTEGER NOT NULL REFERENCES libraries(id),
            source          TEXT NOT NULL,
            file_name       TEXT NOT NULL,
            title           TEXT NOT NULL,
            kind            TEXT NOT NULL,
            identity        TEXT,
            identity_key    TEXT,
            revision        TEXT,
            effective_date  TEXT,
            revision_year   INTEGER,
            superseded      INTEGER NOT NULL DEFAULT 0,
            sha256          TEXT NOT NULL,
            size            INTEGER NOT NULL,
            pages           INTEGER,
            content_type    TEXT NOT NULL,
            status          TEXT NOT NULL,
            error           TEXT,
            warnings        TEXT NOT NULL DEFAULT '[]',
            created_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            UNIQUE (library_id, source)
        );
        INSERT INTO documents_new SELECT id, library_id, source, file_name, title, kind, identity, identity_key, revision,
            effective_date, revision_year, superseded, sha256, size, pages, content_type, status, error, warnings,
            created_at, updated_at FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_new RENAME TO documents;
        CREATE INDEX documents_sha256 ON documents(library_id, sha256);
        CREATE INDEX documents_identity ON documents(library_id, kind, identity_key);

        CREATE TABLE chunks_new (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal      INTEGER NOT NULL,
            text         TEXT NOT NULL,
            context      TEXT NOT NULL,
            locator      TEXT NOT NULL,
            page         INTEGER,
            token_count  INTEGER NOT NULL,
            vector       BLOB,
            model        TEXT,
            boxes        TEXT NOT NULL DEFAULT '[]',
            dimension    INTEGER,
            language     TEXT NOT NULL DEFAULT 'en',
            UNIQUE (document_id, ordinal)
        );
        INSERT INTO chunks_new SELECT id, document_id, ordinal, text, context, locator, page, token_count, vector, model,
            boxes, dimension, language FROM chunks;
        DROP TABLE chunks;
        ALTER TABLE chunks_new RENAME TO chunks;
        CREATE INDEX chunks_model ON chunks(model);

        CREATE TABLE write_generation (
            id     INTEGER PRIMARY KEY CHECK (id = 1),
            value  INTEGER NOT NULL
        );
        INSERT INTO write_generation (id, value) VALUES (1, 1);
        CREATE TRIGGER chunks_written_insert AFTER INSERT ON chunks BEGIN UPDATE write_generation SET value = value + 1; END;
        CREATE TRIGGER chunks_written_update AFTER UPDATE ON chunks BEGIN UPDATE write_generation SET value = value + 1; END;
        CREATE TRIGGER chunks_written_delete AFTER DELETE ON chunks BEGIN UPDATE write_generation SET value = value + 1; END;
        CREATE TRIGGER documents_written_insert AFTER INSERT ON documents BEGIN UPDATE write_generation SET value = value + 1; END;
        CREATE TRIGGER documents_written_update AFTER UPDATE OF library_id, kind, identity_key, superseded ON documents
            BEGIN UPDATE write_generation SET value = value + 1; END;
        CREATE TRIGGER documents_written_delete AFTER DELETE ON documents BEGIN UPDATE write_generation SET value = value + 1; END;
        CREATE TRIGGER libraries_written_update AFTER UPDATE ON libraries BEGIN UPDATE write_generation SET value = value + 1; END;
        """,
        // 9: the ingestion queue's jobs, so nothing accepted is lost on a restart or a crash. The uploaded bytes wait in
        //    `content` (the database, not a folder, so app instances sharing a database can later share the queue) and are
        //    dropped when the job ends; `attempts` counts starts, so a file that crashes the app stops being retried.
        """
        CREATE TABLE ingest_jobs (
            id           TEXT PRIMARY KEY,
            file_name    TEXT NOT NULL,
            library      TEXT NOT NULL,
            bytes        INTEGER NOT NULL,
            state        TEXT NOT NULL,
            outcome      TEXT,
            document_id  INTEGER,
            chunks       INTEGER NOT NULL DEFAULT 0,
            reason       TEXT,
            warnings     TEXT NOT NULL DEFAULT '[]',
            user_name    TEXT,
            attempts     INTEGER NOT NULL DEFAULT 0,
            queued_at    TEXT NOT NULL,
            finished_at  TEXT,
            content      BLOB,
            path         TEXT,
            source       TEXT
        );
        CREATE INDEX ingest_jobs_queued ON ingest_jobs(queued_at);
        -- `rag reembed` now writes each batch's vectors in place (short transactions) instead of staging them all.
        DROP TABLE IF EXISTS staged_vectors;
        """,
        // 10: the index change log, so in-memory dense indexes apply what changed by chunk id instead of reloading every
        //     vector after each write (1.5 GB of floats at 1M chunks). Triggers append one row per change, whichever
        //     process or code path wrote it: chunk_id for a chunk whose vector, model, language or document changed (added
        //     and deleted chunks with a vector included), document_id for a document whose library, kind, identity or
        //     revision flag changed (its chunks' tags; the WHEN clauses leave out the no-op re-marks every save makes), one
        //     row per document of a renamed library; a row with neither means "reload everything" — a later migration that
        //     rewrites vectors or document facts in bulk appends one (INSERT INTO index_changes DEFAULT VALUES). A reader
        //     resolves the rows to the chunks' current state, so it never needs the old values. Bounded: every 1,024th row
        //     prunes the rows more than 100,000 behind it (a few MB); AUTOINCREMENT numbers rows without gaps (a rolled back
        //     insert rolls its number back too) and only pruning deletes, from the oldest up, so a reader whose position is
        //     below the oldest row left fell behind the pruning and loads everything instead.
        """
        CREATE TABLE index_changes (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            chunk_id     INTEGER,
            document_id  INTEGER
        );
        CREATE TRIGGER index_changes_chunk_insert AFTER INSERT ON chunks WHEN NEW.vector IS NOT NULL
            BEGIN INSERT INTO index_changes (chunk_id) VALUES (NEW.id); END;
        CREATE TRIGGER index_changes_chunk_update AFTER UPDATE OF vector, model, language, document_id ON chunks
            WHEN OLD.vector IS NOT NEW.vector OR OLD.model IS NOT NEW.model OR OLD.language IS NOT NEW.language
              OR OLD.document_id IS NOT NEW.document_id
            BEGIN INSERT INTO index_changes (chunk_id) VALUES (NEW.id); END;
        CREATE TRIGGER index_changes_chunk_delete AFTER DELETE ON chunks WHEN OLD.vector IS NOT NULL
            BEGIN INSERT INTO index_changes (chunk_id) VALUES (OLD.id); END;
        CREATE TRIGGER index_changes_document_update AFTER UPDATE OF library_id, kind, identity_key, superseded ON documents
            WHEN OLD.library_id IS NOT NEW.library_id OR OLD.kind IS NOT NEW.kind OR OLD.identity_key IS NOT NEW.identity_key
              OR OLD.superseded IS NOT NEW.superseded
            BEGIN INSERT INTO index_changes (document_id) VALUES (NEW.id); END;
        CREATE TRIGGER index_changes_library_rename AFTER UPDATE OF name ON libraries WHEN OLD.name IS NOT NEW.name
            BEGIN INSERT INTO index_changes (document_id) SELECT id FROM documents WHERE library_id = NEW.id; END;
        CREATE TRIGGER index_changes_pruned AFTER INSERT ON index_changes WHEN NEW.seq % 1024 = 0
            BEGIN DELETE FROM index_changes WHERE seq <= NEW.seq - 100000; END;
        """,
        // 11: each page's rotation (0, 90, 180, 270): how far the page as shown must be turned clockwise for its text to read
        //     upright, as OCR found it on a scan placed sideways or upside down, so the viewer can show it upright.
        """
        ALTER TABLE pages ADD COLUMN rotation INTEGER NOT NULL DEFAULT 0;
        """,
        // 12: an administrator's mark on a turn rated 👎: the passage that should have been cited (chunk, its source and a
        //     distinctive string of its text, EVAL.md's gold item) and the strings a right answer contains, exported as
        //     evaluation questions. One mark per turn. turn_id is a plain column, not a key, and the question and earlier
        //     questions are copies: a mark stays in the question set after its conversation is deleted.
        """
        CREATE TABLE feedback_marks (
            turn_id      INTEGER PRIMARY KEY,
            question     TEXT NOT NULL,
            history      TEXT NOT NULL DEFAULT '[]',
            chunk_id     INTEGER NOT NULL,
            document_id  INTEGER NOT NULL,
            library      TEXT NOT NULL,
            source       TEXT NOT NULL,
            locator      TEXT NOT NULL,
            passage      TEXT NOT NULL,
            expected     TEXT NOT NULL DEFAULT '[]',
            split        TEXT NOT NULL CHECK (split IN ('dev', 'test')),
            marked_by    TEXT NOT NULL,
            marked_at    TEXT NOT NULL
        );
        CREATE INDEX conversation_turns_rating ON conversation_turns(rating, created_at);
        """,
        // 13: why a job failed or was skipped, as a code (IngestProblem's name) the UI words in its language; reason keeps
        //     the English text with the detail. Warnings of jobs and documents become objects with a code in the same
        //     JSON column; arrays of strings written before read back as notes without a code.
        """
        ALTER TABLE ingest_jobs ADD COLUMN problem TEXT;
        """,
        // 14: the segmentation the keyword index was built with (ITextSegmenter.Signature): a program whose dictionaries or
        //     folding differ cuts the same text into other terms, so 'rag check' reports the index stale and --repair
        //     rebuilds it. No row in a knowledge base written before: its segmentation is unknown, and stale too.
        """
        CREATE TABLE keyword_index (
            id            INTEGER PRIMARY KEY CHECK (id = 1),
            segmentation  TEXT NOT NULL
        );
        """,
    ];
}
