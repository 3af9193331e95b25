namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Migration 2: conversations, turns, feedback marks and ingestion jobs, with the SQLite store's table and column names
/// and its current shape (its migrations 5, 9, 12 and 13), in PostgreSQL's types: times are timestamptz (kept to the
/// microsecond, where SQLite's round-trip text keeps 100 ns), flags boolean, list columns jsonb.
/// </summary>
/// <remarks>
/// No foreign key reaches the knowledge base of migration 1, on purpose and as in SQLite: a citation is a copy (text,
/// boxes, title, library) that must outlive a re-ingested or deleted document, a mark outlives its conversation, and a
/// job's document id is a note of what it stored. So chunk_id, document_id and a mark's turn_id are plain bigint columns.
/// SQLite's rowid orders ties (conversations created, jobs queued in the same instant); here an identity column
/// <c>seq</c> does. <c>claimed_by</c> and <c>lease_until</c> have no SQLite twin either: they let app instances share
/// one queue (<see cref="PostgresIngestJobStore.ClaimNextAsync"/>). <c>data_protection_keys</c> has no SQLite twin: it holds the web app's ASP.NET data-protection key
/// ring (the XML the framework writes), so a sign-in cookie made by one app instance is read by every other; one
/// instance on a file keeps its keys on its own disk.
/// </remarks>
internal static class ConversationSchema
{
    public const string Sql = """
        CREATE TABLE conversations (
            id          text PRIMARY KEY,
            seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            title       text NOT NULL,
            owner       text,
            created_at  timestamptz NOT NULL,
            updated_at  timestamptz NOT NULL
        );
        CREATE INDEX conversations_owner ON conversations(owner, updated_at);
        CREATE INDEX conversations_updated ON conversations(updated_at);
        CREATE TABLE conversation_turns (
            id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            conversation_id      text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            ordinal              integer NOT NULL,
            question             text NOT NULL,
            query                text NOT NULL,
            answer               text NOT NULL,
            mode                 text NOT NULL,
            removed_citations    integer NOT NULL DEFAULT 0,
            unsupported_numbers  jsonb NOT NULL DEFAULT '[]',
            retrieve_ms          double precision NOT NULL,
            generate_ms          double precision NOT NULL,
            rating               integer CHECK (rating IN (-1, 1)),
            comment              text,
            created_at           timestamptz NOT NULL,
            UNIQUE (conversation_id, ordinal)
        );
        CREATE INDEX conversation_turns_rating ON conversation_turns(rating, created_at);
        CREATE TABLE turn_citations (
            turn_id      bigint NOT NULL REFERENCES conversation_turns(id) ON DELETE CASCADE,
            ordinal      integer NOT NULL,
            n            integer NOT NULL,
            chunk_id     bigint NOT NULL,
            document_id  bigint NOT NULL,
            library      text,
            source       text NOT NULL,
            title        text NOT NULL,
            identity     text,
            revision     text,
            superseded   boolean NOT NULL DEFAULT false,
            page         integer,
            locator      text NOT NULL,
            text         text NOT NULL,
            boxes        jsonb NOT NULL DEFAULT '[]',
            score        double precision NOT NULL DEFAULT 0,
            PRIMARY KEY (turn_id, ordinal)
        );
        CREATE TABLE feedback_marks (
            turn_id      bigint PRIMARY KEY,
            question     text NOT NULL,
            history      jsonb NOT NULL DEFAULT '[]',
            chunk_id     bigint NOT NULL,
            document_id  bigint NOT NULL,
            library      text NOT NULL,
            source       text NOT NULL,
            locator      text NOT NULL,
            passage      text NOT NULL,
            expected     jsonb NOT NULL DEFAULT '[]',
            split        text NOT NULL CHECK (split IN ('dev', 'test')),
            marked_by    text NOT NULL,
            marked_at    timestamptz NOT NULL
        );
        CREATE TABLE ingest_jobs (
            id           uuid PRIMARY KEY,
            seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            file_name    text NOT NULL,
            library      text NOT NULL,
            bytes        bigint NOT NULL,
            state        text NOT NULL,
            outcome      text,
            document_id  bigint,
            chunks       integer NOT NULL DEFAULT 0,
            reason       text,
            problem      text,
            warnings     jsonb NOT NULL DEFAULT '[]',
            user_name    text,
            attempts     integer NOT NULL DEFAULT 0,
            queued_at    timestamptz NOT NULL,
            finished_at  timestamptz,
            content      bytea,
            path         text,
            source       text,
            claimed_by   text,
            lease_until  timestamptz
        );
        CREATE INDEX ingest_jobs_queued ON ingest_jobs(queued_at, seq);
        CREATE TABLE data_protection_keys (
            id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            friendly_name  text,
            xml            text NOT NULL
        );
        """;
}
