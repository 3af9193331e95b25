using System.Security.Cryptography;
using Npgsql;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Storage.Rows;
using static RagAssistant.Storage.Postgres.PostgresCommands;

namespace RagAssistant.Storage.Postgres;

/// <summary>
/// Conversations in the PostgreSQL knowledge base (tables of migration 2), with the SQLite store's behaviour: each turn
/// is written with its citations in one transaction, and citations are copies, so a conversation keeps its sources'
/// text and boxes after the documents change or go. Several app instances may write one conversation at once.
/// </summary>
public sealed class PostgresConversationStore(PostgresDatabase database, TimeProvider timeProvider) : IConversationStore
{
    /// <summary>
    /// Starts a conversation under a new random id: 16 lower-case hex characters (64 random bits from a cryptographic
    /// generator), safe in a URL and not guessable. The title is <see cref="ConversationTitles.FromText"/>; an empty one
    /// is filled from the first question.
    /// </summary>
    public Task<string> CreateAsync(string title, string? owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(title);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var now = Now();
        return database.RunAsync(async connection =>
        {
            await ExecuteAsync(connection, cancellationToken,
                "INSERT INTO conversations (id, title, owner, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)",
                id, ConversationTitles.FromText(title), owner, now);
            return id;
        }, cancellationToken);
    }

    public Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        database.RunAsync(async connection =>
        {
            // One snapshot (REPEATABLE READ): the conversation, its turns and their citations agree even while another
            // instance appends a turn.
            await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            string title;
            string? owner;
            DateTimeOffset createdAt;
            await using (var command = Command(connection, "SELECT title, owner, created_at FROM conversations WHERE id = $1", conversationId))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken)) return null;
                (title, owner, createdAt) = (reader.GetString(0), NullableString(reader, 1), Time(reader, 2));
            }

            var citations = await PostgresTurnCitations.ReadAsync(connection, "t.conversation_id = $1", conversationId, cancellationToken);
            var turns = new List<ConversationTurn>();
            await using (var command = Command(connection,
                $"SELECT {ConversationTurnRow.Columns} FROM conversation_turns WHERE conversation_id = $1 ORDER BY ordinal", conversationId))
            await using (var r = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await r.ReadAsync(cancellationToken)) turns.Add(ConversationTurnRow.Read(r, conversationId, citations));
            }
            return (Conversation?)new Conversation(conversationId, title, owner, createdAt, turns);
        }, cancellationToken);

    /// <summary>Newest activity first (a new turn counts as activity, feedback does not); ties go to the later created.</summary>
    public Task<IReadOnlyList<ConversationSummary>> ListAsync(string? owner, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // A condition only when there is an owner, rather than "$1 IS NULL OR owner = $1", which a generic plan could not
        // serve from the owner index.
        return owner is null
            ? SummariesAsync([], [], limit, cancellationToken)
            : SummariesAsync(["c.owner = $1"], [owner], limit, cancellationToken);
    }

    /// <summary>
    /// Appends the turn after the last one, copies its citations, marks the conversation active and, when its title is
    /// still empty, titles it with the question. The conversation id inside <paramref name="answer"/> is not stored.
    /// </summary>
    public Task<long> AddTurnAsync(string conversationId, string question, string query, AnswerResult answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var now = Now();
        return database.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The UPDATE comes first on purpose: it locks the conversation's row until commit, so writers appending to one
            // conversation from several instances take turns, and the INSERT's next ordinal (read by a statement that
            // starts after the lock is granted) never collides.
            var touched = await ExecuteAsync(connection, cancellationToken, """
                UPDATE conversations SET updated_at = $1, title = CASE WHEN title = '' THEN $2 ELSE title END WHERE id = $3
                """, now, ConversationTitles.FromText(question), conversationId);
            if (touched == 0) throw new KeyNotFoundException($"conversation {conversationId} does not exist");

            long turnId;
            await using (var insert = Command(connection, """
                INSERT INTO conversation_turns (conversation_id, ordinal, question, query, answer, mode, removed_citations,
                    unsupported_numbers, retrieve_ms, generate_ms, created_at)
                VALUES ($1, (SELECT coalesce(max(ordinal), 0) + 1 FROM conversation_turns WHERE conversation_id = $1),
                    $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
                RETURNING id
                """, conversationId, question, query, answer.Answer, answer.Mode, answer.Checks.RemovedCitations,
                StoredJson.Write(answer.Checks.UnsupportedNumbers), answer.Timings.RetrieveMs, answer.Timings.GenerateMs, now))
                turnId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;

            await PostgresTurnCitations.InsertAsync(connection, turnId, answer.Citations, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return turnId;
        }, cancellationToken);
    }

    /// <summary>Replaces the turn's rating and comment (a blank comment is stored as none). Rating must be −1 or +1.</summary>
    public Task<bool> SetFeedbackAsync(long turnId, int rating, string? comment, CancellationToken cancellationToken = default)
    {
        if (rating is not (-1 or 1))
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "rating must be -1 (thumbs down) or 1 (thumbs up)");
        return database.RunAsync(async connection => await ExecuteAsync(connection, cancellationToken,
            "UPDATE conversation_turns SET rating = $1, comment = $2 WHERE id = $3",
            rating, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), turnId) > 0, cancellationToken);
    }

    /// <summary>Deletes the conversation; its turns and their citations go with it by ON DELETE CASCADE.</summary>
    public Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default) =>
        database.RunAsync(async connection =>
            await ExecuteAsync(connection, cancellationToken, "DELETE FROM conversations WHERE id = $1", conversationId) > 0, cancellationToken);

    /// <summary>Sets the title as typed (normalized), leaving the conversation's place in the list alone: a rename is not activity.</summary>
    public Task<bool> RenameAsync(string conversationId, string title, CancellationToken cancellationToken = default)
    {
        if (ConversationTitles.Problem(title) is { } problem) throw new ArgumentException($"the title {problem}", nameof(title));
        return database.RunAsync(async connection => await ExecuteAsync(connection, cancellationToken,
            "UPDATE conversations SET title = $1 WHERE id = $2", ConversationTitles.Normalize(title), conversationId) > 0, cancellationToken);
    }

    /// <summary>
    /// Each word (<see cref="ConversationSearchWords.Split"/>) must occur in the title or in the question or answer of
    /// some turn — not necessarily the same one — as a substring: ILIKE with %, _ and \ matched literally. ILIKE folds
    /// case for every letter the database's locale knows, where SQLite's LIKE folds ASCII only; Chinese text, which has
    /// no case, matches the same. A scan over the owner's conversations, ordered as <see cref="ListAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<ConversationSummary>> SearchAsync(string? owner, string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var words = ConversationSearchWords.Split(text);
        if (words.Count == 0) return Task.FromResult<IReadOnlyList<ConversationSummary>>([]);
        var conditions = new List<string>();
        var values = new List<object?>();
        if (owner is not null)
        {
            values.Add(owner);
            conditions.Add($"c.owner = ${values.Count}");
        }
        foreach (var word in words)
        {
            values.Add(ConversationSearchWords.ContainsPattern(word));
            var w = $"${values.Count}";
            conditions.Add($"""
                (c.title ILIKE {w} ESCAPE '\' OR EXISTS (SELECT 1 FROM conversation_turns t
                    WHERE t.conversation_id = c.id AND (t.question ILIKE {w} ESCAPE '\' OR t.answer ILIKE {w} ESCAPE '\')))
                """);
        }
        return SummariesAsync(conditions, values, limit, cancellationToken);
    }

    /// <summary>The conversations that meet every condition (none: all), newest activity first, ties to the later created.</summary>
    private Task<IReadOnlyList<ConversationSummary>> SummariesAsync(IReadOnlyList<string> conditions, IReadOnlyList<object?> values, int limit,
        CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = Command(connection, $"""
                SELECT c.id, c.title, c.owner, c.created_at, c.updated_at,
                       (SELECT count(*) FROM conversation_turns t WHERE t.conversation_id = c.id)
                FROM conversations c
                {(conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions))}
                ORDER BY c.updated_at DESC, c.seq DESC
                LIMIT ${values.Count + 1}
                """, [.. values, limit]);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<ConversationSummary>();
            while (await r.ReadAsync(cancellationToken))
                list.Add(new ConversationSummary(r.GetString(0), r.GetString(1), NullableString(r, 2), Time(r, 3), Time(r, 4), (int)r.GetInt64(5)));
            return (IReadOnlyList<ConversationSummary>)list;
        }, cancellationToken);

    private DateTimeOffset Now() => Utc(timeProvider.GetUtcNow());
}
