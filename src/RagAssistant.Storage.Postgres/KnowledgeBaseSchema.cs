namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Migration 1: the knowledge base proper, in the shape of the SQLite store after its 13 migrations (same tables and
/// column names), with PostgreSQL's types: identity ids (never reused, as SQLite's AUTOINCREMENT), timestamptz, date,
/// boolean, jsonb for JSON columns, bytea for originals and a pgvector column for vectors.
/// </summary>
/// <remarks>
/// <para>
/// Vectors: one <c>vector</c> column (pgvector type, as SQLite's BLOB column of that name) without a fixed dimension beside its <c>model</c>, so chunks of an old and
/// a new model live side by side during a re-embedding run. An HNSW index needs a fixed dimension, so each model gets
/// its own partial expression index, made by <c>kb_register_model</c> when the store first writes vectors of that model
/// (the model's dimension is recorded in <c>vector_models</c>, and a vector of another dimension is refused).
/// </para>
/// <para>
/// Keyword search: FTS5's index is replaced by <c>chunk_terms</c>, an inverted index of the same words (the chunk's
/// segmented context and text, tokenized as FTS5's unicode61 tokenizer does, <see cref="KeywordTokens"/>) with each
/// word's positions, so phrase matches and term frequencies are exact; <c>chunks.term_count</c> and the totals in
/// <c>kb_counters</c> give BM25 its document length, average length and document count (<see cref="Bm25Query"/>).
/// PostgreSQL's tsvector was not used: its parser splits "0.10" or "r/min" otherwise than FTS5, and ts_rank is not BM25.
/// </para>
/// <para>
/// <c>kb_counters</c> is one row: the write generation, the last index change number, and the keyword totals BM25 reads
/// (<see cref="ChunkTermRows.CopyAsync"/>). Every write
/// transaction locks it first (as SQLite's BEGIN IMMEDIATE takes the write lock), so writes are serialized in one order
/// (no deadlocks), index changes are numbered in commit order without gaps (a rolled back write takes its number back),
/// and a reader that has seen change n has seen every change before it.
/// </para>
/// </remarks>
internal static class KnowledgeBaseSchema
{
    public const string Sql = """
        CREATE EXTENSION IF NOT EXISTS vector;

        CREATE TABLE libraries (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name        text NOT NULL UNIQUE,
            created_at  timestamptz NOT NULL
        );
        CREATE TABLE documents (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            library_id      bigint NOT NULL REFERENCES libraries(id),
            source          text NOT NULL,
            file_name       text NOT NULL,
            title           text NOT NULL,
            kind            text NOT NULL,
            identity        text,
            identity_key    text,
            revision        text,
            effective_date  date,
            revision_year   integer,
            superseded      boolean NOT NULL DEFAULT false,
            sha256          text NOT NULL,
            size            bigint NOT NULL,
            pages           integer,
            content_type    text NOT NULL,
            status          text NOT NULL,
            error           text,
            warnings        jsonb NOT NULL DEFAULT '[]',
            created_at      timestamptz NOT NULL,
            updated_at      timestamptz NOT NULL,
            UNIQUE (library_id, source)
        );
        CREATE INDEX documents_sha256 ON documents(library_id, sha256);
        CREATE INDEX documents_identity ON documents(library_id, kind, identity_key);

        CREATE TABLE pages (
            document_id  bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page         integer NOT NULL,
            status       text NOT NULL,
            characters   integer NOT NULL,
            error        text,
            rotation     integer NOT NULL DEFAULT 0,
            PRIMARY KEY (document_id, page)
        );
        CREATE INDEX pages_status ON pages(status, document_id);

        -- A separate table keeps the originals' bytes out of the documents rows that listings scan.
        CREATE TABLE document_files (
            document_id  bigint PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            content      bytea NOT NULL
        );

        CREATE TABLE chunks (
            id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id  bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal      integer NOT NULL,
            text         text NOT NULL,
            context      text NOT NULL,
            locator      text NOT NULL,
            page         integer,
            token_count  integer NOT NULL,
            vector       vector,
            model        text,
            dimension    integer,
            boxes        jsonb NOT NULL DEFAULT '[]',
            language     text NOT NULL DEFAULT 'en',
            term_count   integer NOT NULL DEFAULT 0,
            UNIQUE (document_id, ordinal)
        );
        CREATE INDEX chunks_model ON chunks(model);

        -- No foreign key: a chunk writes a hundred-odd rows here, and a key would check each one against chunks as it is
        -- copied in. The rows go with their chunk by the trigger below, one statement per delete.
        CREATE TABLE chunk_terms (
            term       text NOT NULL,
            chunk_id   bigint NOT NULL,
            positions  integer[] NOT NULL,
            PRIMARY KEY (term, chunk_id)
        );
        CREATE INDEX chunk_terms_chunk ON chunk_terms(chunk_id);
        CREATE FUNCTION kb_chunk_terms_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM chunk_terms t USING deleted d WHERE t.chunk_id = d.id;
            RETURN NULL;
        END $$;
        CREATE TRIGGER chunk_terms_deleted AFTER DELETE ON chunks REFERENCING OLD TABLE AS deleted
            FOR EACH STATEMENT EXECUTE FUNCTION kb_chunk_terms_deleted();

        CREATE TABLE vector_models (
            model      text PRIMARY KEY,
            dimension  integer NOT NULL
        );

        CREATE TABLE kb_counters (
            id           integer PRIMARY KEY CHECK (id = 1),
            generation   bigint NOT NULL,
            last_change  bigint NOT NULL,
            keyword_rows   bigint NOT NULL,
            keyword_terms  bigint NOT NULL
        );
        INSERT INTO kb_counters VALUES (1, 1, 0, 0, 0);

        -- chunk_id: a chunk whose vector, model, language or document changed (added and deleted chunks with a vector
        -- included); document_id: a document whose library, kind, identity or revision flag changed; neither: reload all.
        CREATE TABLE index_changes (
            seq          bigint PRIMARY KEY,
            chunk_id     bigint,
            document_id  bigint
        );

        -- Appends one change, numbered from the locked counter row; every 1,024th prunes the rows more than 100,000 behind
        -- it, from the oldest up, so a reader below the oldest row left knows it fell behind (as in the SQLite store).
        CREATE FUNCTION kb_log_change(p_chunk bigint, p_document bigint) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE s bigint;
        BEGIN
            UPDATE kb_counters SET last_change = last_change + 1 WHERE id = 1 RETURNING last_change INTO s;
            INSERT INTO index_changes (seq, chunk_id, document_id) VALUES (s, p_chunk, p_document);
            IF s % 1024 = 0 THEN
                DELETE FROM index_changes WHERE seq <= s - 100000;
            END IF;
        END $$;

        CREATE FUNCTION kb_chunk_written() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                UPDATE kb_counters SET generation = generation + 1 WHERE id = 1;
                IF NEW.vector IS NOT NULL THEN PERFORM kb_log_change(NEW.id, NULL); END IF;
                RETURN NEW;
            ELSIF TG_OP = 'DELETE' THEN
                UPDATE kb_counters SET generation = generation + 1 WHERE id = 1;
                IF OLD.vector IS NOT NULL THEN PERFORM kb_log_change(OLD.id, NULL); END IF;
                RETURN OLD;
            END IF;
            UPDATE kb_counters SET generation = generation + 1 WHERE id = 1;
            IF OLD.vector IS DISTINCT FROM NEW.vector OR OLD.model IS DISTINCT FROM NEW.model
               OR OLD.language IS DISTINCT FROM NEW.language OR OLD.document_id IS DISTINCT FROM NEW.document_id THEN
                PERFORM kb_log_change(NEW.id, NULL);
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER chunks_written AFTER INSERT OR UPDATE OR DELETE ON chunks FOR EACH ROW EXECUTE FUNCTION kb_chunk_written();

        CREATE FUNCTION kb_document_written() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE kb_counters SET generation = generation + 1 WHERE id = 1;
            -- The no-op re-marks every save makes change nothing an index holds: not logged.
            IF TG_OP = 'UPDATE' AND (OLD.library_id IS DISTINCT FROM NEW.library_id OR OLD.kind IS DISTINCT FROM NEW.kind
               OR OLD.identity_key IS DISTINCT FROM NEW.identity_key OR OLD.superseded IS DISTINCT FROM NEW.superseded) THEN
                PERFORM kb_log_change(NULL, NEW.id);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER documents_written_insert AFTER INSERT OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION kb_document_written();
        CREATE TRIGGER documents_written_update AFTER UPDATE OF library_id, kind, identity_key, superseded ON documents
            FOR EACH ROW EXECUTE FUNCTION kb_document_written();

        CREATE FUNCTION kb_library_written() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE d bigint;
        BEGIN
            UPDATE kb_counters SET generation = generation + 1 WHERE id = 1;
            IF OLD.name IS DISTINCT FROM NEW.name THEN
                FOR d IN SELECT id FROM documents WHERE library_id = NEW.id ORDER BY id LOOP
                    PERFORM kb_log_change(NULL, d);
                END LOOP;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER libraries_written AFTER UPDATE ON libraries FOR EACH ROW EXECUTE FUNCTION kb_library_written();

        -- Records a model's dimension on its first vectors and makes its HNSW index: cosine distance over the vector cast
        -- to the fixed dimension, for that model's rows only. Names and values are quoted by format() (%I, %L), so any model
        -- name is safe. pgvector's HNSW indexes vectors of at most 2,000 dimensions: a larger model is searched without one.
        -- Returns the dimension recorded for the model, which the caller compares with its vectors'.
        CREATE FUNCTION kb_register_model(p_model text, p_dimension integer) RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE registered integer;
        BEGIN
            -- Two sessions creating the same index at once would collide in the catalog: one at a time per model.
            PERFORM pg_advisory_xact_lock(hashtext('kb_register_model'), hashtext(p_model));
            INSERT INTO vector_models (model, dimension) VALUES (p_model, p_dimension) ON CONFLICT (model) DO NOTHING;
            SELECT dimension INTO registered FROM vector_models WHERE model = p_model;
            IF registered = p_dimension AND p_dimension <= 2000 THEN
                EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON chunks USING hnsw ((vector::vector(%s)) vector_cosine_ops) WHERE model = %L',
                    'chunks_hnsw_' || md5(p_model), p_dimension, p_model);
            END IF;
            RETURN registered;
        END $$;
        """;
}
