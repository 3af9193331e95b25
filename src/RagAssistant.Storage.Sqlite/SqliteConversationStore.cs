using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Storage.Rows;

namespace RagAssistant.Storage.Sqlite;

/// <summary>
/// Conversations in the SQLite knowledge base (tables of migration 5). Each turn is written with its citations in one
/// transaction, retried when the database is busy (<see cref="BusyRetry"/>); citations are stored as copies, so a conversation keeps its sources' text and boxes after the
/// documents change or go.
/// </summary>
public sealed class SqliteConversationStore(SqliteDatabase database, TimeProvider timeProvider) : IConversationStore
{
    /// <summary>
    /// Starts a conversation under a new random id: 16 lower-case hex characters (64 random bits from a cryptographic
    /// generator), safe in a URL and not guessable from other ids. The title is trimmed and cut to
    /// <see cref="ConversationTitles.MaxLength"/> characters; an empty one is filled from the first question.
    /// </summary>
    public Task<string> CreateAsync(string title, string? owner, CancellationToken cancellationToken = default) =>
        BusyRetry.RunAsync(() => Create(title, owner, cancellationToken), cancellationToken);

    private Task<string> Create(string title, string? owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(title);
        cancellationToken.ThrowIfCancellationRequested();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var now = Now();
        using var connection = database.Open();
        try
        {
            Execute(connection, """
                INSERT INTO conversations (id, title, owner, created_at, updated_at) VALUES ($id, $title, $owner, $now, $now)
                """, ("$id", id), ("$title", ConversationTitles.FromText(title)), ("$owner", owner), ("$now", now));
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
        return Task.FromResult(id);
    }

    public Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        // One read transaction: the conversation, its turns and their citations come from the same snapshot even while
        // another request appends a turn.
        using var snapshot = connection.BeginTransaction(deferred: true);
        string title;
        string? owner;
        DateTimeOffset createdAt;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT title, owner, created_at FROM conversations WHERE id = $id";
            command.Parameters.AddWithValue("$id", conversationId);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return Task.FromResult<Conversation?>(null);
            (title, owner, createdAt) = (reader.GetString(0), NullableString(reader, 1), ParseTime(reader.GetString(2)));
        }

        var citations = TurnCitationRows.Read(connection, conversationId);
        var turns = new List<ConversationTurn>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {ConversationTurnRow.Columns} FROM conversation_turns WHERE conversation_id = $id ORDER BY ordinal";
            command.Parameters.AddWithValue("$id", conversationId);
            using var r = command.ExecuteReader();
            while (r.Read()) turns.Add(ConversationTurnRow.Read(r, conversationId, citations));
        }
        return Task.FromResult<Conversation?>(new Conversation(conversationId, title, owner, createdAt, turns));
    }

    /// <summary>Newest activity first (a new turn counts as activity, feedback does not); ties go to the later created.</summary>
    public Task<IReadOnlyList<ConversationSummary>> ListAsync(string? owner, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // A condition only when there is an owner, rather than "$owner IS NULL OR owner = $owner", which would keep SQLite off the owner index.
        if (owner is not null) command.Parameters.AddWithValue("$owner", owner);
        return Task.FromResult(Summaries(command, owner is null ? [] : ["c.owner = $owner"], limit));
    }

    /// <summary>
    /// Appends the turn after the last one, copies its citations, marks the conversation active and, when its title is
    /// still empty, titles it with the question. The conversation id inside <paramref name="answer"/> is not stored:
    /// a turn read back carries the id of the conversation it belongs to.
    /// </summary>
    public Task<long> AddTurnAsync(string conversationId, string question, string query, AnswerResult answer, CancellationToken cancellationToken = default) =>
        BusyRetry.RunAsync(() => AddTurn(conversationId, question, query, answer, cancellationToken), cancellationToken);

    private Task<long> AddTurn(string conversationId, string question, string query, AnswerResult answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        cancellationToken.ThrowIfCancellationRequested();
        var now = Now();
        using var connection = database.Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var touched = Execute(connection, """
                UPDATE conversations SET updated_at = $now, title = CASE WHEN title = '' THEN $title ELSE title END
                WHERE id = $id
                """, ("$now", now), ("$title", ConversationTitles.FromText(question)), ("$id", conversationId));
            if (touched == 0) throw new KeyNotFoundException($"conversation {conversationId} does not exist");

            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO conversation_turns (conversation_id, ordinal, question, query, answer, mode, removed_citations,
                    unsupported_numbers, retrieve_ms, generate_ms, created_at)
                VALUES ($id, (SELECT coalesce(max(ordinal), 0) + 1 FROM conversation_turns WHERE conversation_id = $id),
                    $question, $query, $answer, $mode, $removed, $numbers, $retrieve, $generate, $now)
                RETURNING id
                """;
            var p = insert.Parameters;
            p.AddWithValue("$id", conversationId);
            p.AddWithValue("$question", question);
            p.AddWithValue("$query", query);
            p.AddWithValue("$answer", answer.Answer);
            p.AddWithValue("$mode", answer.Mode);
            p.AddWithValue("$removed", answer.Checks.RemovedCitations);
            p.AddWithValue("$numbers", StoredJson.Write(answer.Checks.UnsupportedNumbers));
            p.AddWithValue("$retrieve", answer.Timings.RetrieveMs);
            p.AddWithValue("$generate", answer.Timings.GenerateMs);
            p.AddWithValue("$now", now);
            var turnId = (long)insert.ExecuteScalar()!;

            TurnCitationRows.Insert(connection, turnId, answer.Citations);
            transaction.Commit();
            return Task.FromResult(turnId);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    /// <summary>Replaces the turn's rating and comment (a blank comment is stored as none). Rating must be −1 or +1.</summary>
    public Task<bool> SetFeedbackAsync(long turnId, int rating, string? comment, CancellationToken cancellationToken = default) =>
        BusyRetry.RunAsync(() => SetFeedback(turnId, rating, comment, cancellationToken), cancellationToken);

    private Task<bool> SetFeedback(long turnId, int rating, string? comment, CancellationToken cancellationToken = default)
    {
        if (rating is not (-1 or 1))
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "rating must be -1 (thumbs down) or 1 (thumbs up)");
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        try
        {
            var updated = Execute(connection, "UPDATE conversation_turns SET rating = $rating, comment = $comment WHERE id = $id",
                ("$rating", rating), ("$comment", string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), ("$id", turnId));
            return Task.FromResult(updated > 0);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    /// <summary>Deletes the conversation; its turns and their citations go with it by ON DELETE CASCADE.</summary>
    public Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        try
        {
            return Task.FromResult(Execute(connection, "DELETE FROM conversations WHERE id = $id", ("$id", conversationId)) > 0);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    /// <summary>Sets the title as typed (normalized), leaving the conversation's place in the list alone: a rename is not activity.</summary>
    public Task<bool> RenameAsync(string conversationId, string title, CancellationToken cancellationToken = default) =>
        BusyRetry.RunAsync(() => Rename(conversationId, title, cancellationToken), cancellationToken);

    private Task<bool> Rename(string conversationId, string title, CancellationToken cancellationToken)
    {
        if (ConversationTitles.Problem(title) is { } problem) throw new ArgumentException($"the title {problem}", nameof(title));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        try
        {
            return Task.FromResult(Execute(connection, "UPDATE conversations SET title = $title WHERE id = $id",
                ("$title", ConversationTitles.Normalize(title)), ("$id", conversationId)) > 0);
        }
        catch (SqliteException ex)
        {
            throw database.Translate(ex);
        }
    }

    /// <summary>
    /// Each word (split at white space, at most <see cref="ConversationSearchWords.MaxWords"/>) must occur in the title or in the question
    /// or answer of some turn — not necessarily the same one — as a substring: LIKE, so case-insensitive for ASCII letters,
    /// with %, _ and \ in the words matched literally. A scan over the owner's conversations (the owner index narrows it),
    /// which is plenty for the hundreds one person keeps; ordered as <see cref="ListAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<ConversationSummary>> SearchAsync(string? owner, string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var words = ConversationSearchWords.Split(text);
        if (words.Count == 0) return Task.FromResult<IReadOnlyList<ConversationSummary>>([]);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (owner is not null)
        {
            conditions.Add("c.owner = $owner");
            command.Parameters.AddWithValue("$owner", owner);
        }
        for (var i = 0; i < words.Count; i++)
        {
            conditions.Add($"""
                (c.title LIKE $w{i} ESCAPE '\' OR EXISTS (SELECT 1 FROM conversation_turns t
                    WHERE t.conversation_id = c.id AND (t.question LIKE $w{i} ESCAPE '\' OR t.answer LIKE $w{i} ESCAPE '\')))
                """);
            command.Parameters.AddWithValue($"$w{i}", ConversationSearchWords.ContainsPattern(words[i]));
        }
        return Task.FromResult(Summaries(command, conditions, limit));
    }

    /// <summary>
    /// The conversations that meet every condition (none: all), newest activity first, ties to the later created; the
    /// command carries the conditions' parameters.
    /// </summary>
    private static IReadOnlyList<ConversationSummary> Summaries(SqliteCommand command, IReadOnlyList<string> conditions, int limit)
    {
        command.CommandText = $"""
            SELECT c.id, c.title, c.owner, c.created_at, c.updated_at,
                   (SELECT count(*) FROM conversation_turns t WHERE t.conversation_id = c.id)
            FROM conversations c
            {(conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions))}
            ORDER BY c.updated_at DESC, c.rowid DESC
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        using var r = command.ExecuteReader();
        var list = new List<ConversationSummary>();
        while (r.Read())
        {
            list.Add(new ConversationSummary(r.GetString(0), r.GetString(1), NullableString(r, 2),
                ParseTime(r.GetString(3)), ParseTime(r.GetString(4)), r.GetInt32(5)));
        }
        return list;
    }

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }

    internal static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>UTC in the round-trip format, so stored times sort as text.</summary>
    private string Now() => timeProvider.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
