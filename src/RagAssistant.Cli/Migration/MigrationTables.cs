namespace RagAssistant.Cli.Migration;

/// <summary>
/// The tables <c>rag migrate</c> copies, in an order that satisfies every foreign key (parents first), with what differs
/// from a plain copy of same-named columns. Left out on purpose: the FTS5 index and the record of its segmentation
/// (<c>keyword_index</c>; the index is rebuilt as <c>chunk_terms</c> from each chunk's text), <c>index_changes</c> and
/// <c>write_generation</c> (the target keeps its own, written by its triggers as rows arrive), and the web app's
/// data-protection keys (kept outside the SQLite file; people sign in again).
/// </summary>
internal static class MigrationTables
{
    /// <summary>A table as the plan starts: its name, its key when not the target's primary key, and a batch cap.</summary>
    internal sealed record Spec(string Name, int MaxBatch = int.MaxValue, string? KeyColumn = null, IReadOnlyDictionary<string, string>? SourceExpressions = null);

    // conversations and ingest_jobs have text keys in SQLite and order their ties by rowid; PostgreSQL orders them by an
    // identity column seq. Filling seq from the rowid keeps that order and gives the copy a numeric key to resume after.
    private static readonly Dictionary<string, string> SeqFromRowid = new() { ["seq"] = "rowid" };

    public static readonly IReadOnlyList<Spec> KnowledgeBase =
    [
        new("libraries"),
        new("documents"),
        new("pages"),
        // Whole original files: a thousand of them could be gigabytes in one batch.
        new("document_files", MaxBatch: 20),
        new("chunks"),
        new("conversations", KeyColumn: "seq", SourceExpressions: SeqFromRowid),
        new("conversation_turns"),
        new("turn_citations"),
        new("feedback_marks"),
        // A queued job holds its upload's bytes.
        new("ingest_jobs", MaxBatch: 20, KeyColumn: "seq", SourceExpressions: SeqFromRowid),
    ];

    /// <summary>Identity's tables and the project's account tables (EF Core names them alike on both engines).</summary>
    public static readonly IReadOnlyList<Spec> Accounts =
    [
        new("AspNetRoles"),
        new("AspNetUsers"),
        new("AspNetRoleClaims"),
        new("AspNetUserClaims"),
        new("AspNetUserLogins"),
        new("AspNetUserRoles"),
        new("AspNetUserTokens"),
        new("account_libraries"),
        new("account_grants"),
        new("account_api_keys"),
        new("account_audit"),
    ];
}
