using RagAssistant.Core.Answers;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Scheduling;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;

namespace RagAssistant.Core.Access;

/// <summary>
/// The knowledge base as one caller may see it: every read and write the web app, the HTTP API and the <c>rag</c>
/// command make on behalf of a user goes through here, with the caller's <see cref="AccessScope"/>, so library grants
/// are checked in one place, before anything is read. A document the caller may not read is answered exactly like one
/// that does not exist (null / <see cref="WriteOutcome.NotFound"/>), so ids cannot be probed. Documents, search results,
/// answers and conversations name their sources as the caller may see them (<see cref="ShownSource"/>). Searches and
/// answers count as <see cref="ForegroundWork"/>, so ingestion steps aside while someone waits for them.
/// </summary>
public sealed class ProtectedKnowledgeBase(
    IDocumentStore documents, IConversationStore conversations, IQuestionAnswerer answerer, IHybridSearch search,
    ForegroundWork? foreground = null)
{
    public async Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(AccessScope scope, string? library = null, CancellationToken ct = default)
    {
        if (library is not null && !scope.MayRead(library)) return [];
        return (await documents.ListAsync(library, ct)).Where(d => scope.MayRead(d.Library)).Select(d => Shown(scope, d)).ToList();
    }

    /// <summary>The document, or null when there is none with that id or the caller may not read its library.</summary>
    public async Task<StoredDocument?> GetDocumentAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var document = await documents.GetAsync(id, ct);
        return document is not null && scope.MayRead(document.Library) ? Shown(scope, document) : null;
    }

    public async Task<IReadOnlyList<StoredChunk>> GetChunksAsync(AccessScope scope, long documentId, CancellationToken ct = default) =>
        await GetDocumentAsync(scope, documentId, ct) is null ? [] : await documents.GetChunksAsync(documentId, ct);

    public async Task<IReadOnlyList<PageInfo>> GetPagesAsync(AccessScope scope, long documentId, CancellationToken ct = default) =>
        await GetDocumentAsync(scope, documentId, ct) is null ? [] : await documents.GetPagesAsync(documentId, ct);

    /// <summary>The original file; null when the document is missing, not readable by the caller, or its original was not kept.</summary>
    public async Task<byte[]?> OpenOriginalAsync(AccessScope scope, long documentId, CancellationToken ct = default) =>
        await GetDocumentAsync(scope, documentId, ct) is null ? null : await documents.OpenOriginalAsync(documentId, ct);

    /// <summary>Deletes a document the caller may write; a document they may read but not write is <see cref="WriteOutcome.Forbidden"/>.</summary>
    public async Task<WriteOutcome> DeleteDocumentAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var document = await GetDocumentAsync(scope, id, ct);
        if (document is null) return WriteOutcome.NotFound;
        if (!scope.MayWrite(document.Library)) return WriteOutcome.Forbidden;
        return await documents.DeleteAsync(id, ct) ? WriteOutcome.Done : WriteOutcome.NotFound;
    }

    /// <summary>
    /// Corrects the title, identity, revision and kind of a document the caller may write; one they may read but not
    /// write is <see cref="WriteOutcome.Forbidden"/>. Validate <paramref name="metadata"/> first: the store refuses it
    /// with <see cref="ArgumentException"/> when <see cref="DocumentMetadata.Problems"/> finds any.
    /// </summary>
    public async Task<(WriteOutcome Outcome, StoredDocument? Document)> UpdateDocumentAsync(
        AccessScope scope, long id, DocumentMetadata metadata, CancellationToken ct = default)
    {
        var document = await GetDocumentAsync(scope, id, ct);
        if (document is null) return (WriteOutcome.NotFound, null);
        if (!scope.MayWrite(document.Library)) return (WriteOutcome.Forbidden, null);
        var updated = await documents.UpdateMetadataAsync(id, metadata, ct);
        return updated is null ? (WriteOutcome.NotFound, null) : (WriteOutcome.Done, Shown(scope, updated));
    }

    /// <summary>Hybrid (or dense/keyword) search over the libraries the caller may read.</summary>
    public async Task<(AnalyzedQuery Query, IReadOnlyList<SearchResult> Results)> SearchAsync(
        AccessScope scope, string query, SearchOptions options, CancellationToken ct = default)
    {
        using var waited = foreground?.Begin();
        var (analyzed, results) = await search.SearchAsync(query, options with { Filter = scope.Restrict(options.Filter) }, ct);
        return (analyzed, results.Select(r => r with { Chunk = r.Chunk with { Source = ShownSource.For(scope, r.Chunk.Source) } }).ToList());
    }

    /// <summary>
    /// Answers from the libraries the caller may read; a new conversation belongs to the caller, and continuing one that
    /// is not theirs fails like an unknown conversation (<see cref="KeyNotFoundException"/>).
    /// </summary>
    public async Task<AnswerResult> AskAsync(AccessScope scope, AskRequest request, Func<string, ValueTask>? onDelta = null, CancellationToken ct = default)
    {
        if (request.ConversationId is { } id && await GetConversationAsync(scope, id, ct) is null)
            throw new KeyNotFoundException($"conversation {id} not found");
        using var waited = foreground?.Begin();
        var owned = request with { Filter = scope.Restrict(request.Filter), Owner = scope.IsLocal ? request.Owner : scope.User };
        return Shown(scope, await answerer.AnswerAsync(owned, onDelta, ct));
    }

    public Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(AccessScope scope, int limit, CancellationToken ct = default) =>
        conversations.ListAsync(scope.IsLocal ? null : scope.User, limit, ct);

    /// <summary>
    /// The caller's conversation, or null when it does not exist or is someone else's. A turn that cited a source the
    /// caller may no longer read keeps only the sources they may read, and its answer text — which quotes the sources —
    /// is replaced by a notice, so a revoked grant never re-shows a source.
    /// </summary>
    public async Task<Conversation?> GetConversationAsync(AccessScope scope, string id, CancellationToken ct = default)
    {
        var conversation = await conversations.GetAsync(id, ct);
        if (conversation is null || !scope.Owns(conversation.Owner)) return null;
        if (scope.ReadableLibraries is null) return conversation with { Turns = conversation.Turns.Select(t => t with { Answer = Shown(scope, t.Answer) }).ToList() };
        var readable = new Dictionary<long, bool>();
        var turns = new List<ConversationTurn>(conversation.Turns.Count);
        foreach (var turn in conversation.Turns)
        {
            var kept = new List<Citation>();
            foreach (var citation in turn.Answer.Citations)
            {
                if (!readable.TryGetValue(citation.DocumentId, out var may))
                    // Turns stored before citations carried their library are checked against the document, if it still exists.
                    readable[citation.DocumentId] = may = citation.Library is { } library
                        ? scope.MayRead(library)
                        : await GetDocumentAsync(scope, citation.DocumentId, ct) is not null;
                if (may) kept.Add(citation);
            }
            turns.Add(kept.Count == turn.Answer.Citations.Count ? turn with { Answer = Shown(scope, turn.Answer) }
                : turn with { Answer = Shown(scope, turn.Answer with { Answer = WithheldNotice, Citations = kept }) });
        }
        return conversation with { Turns = turns };
    }

    /// <summary>Feedback on a turn of one of the caller's conversations; false when the turn is not theirs or does not exist.</summary>
    public async Task<bool> SetFeedbackAsync(AccessScope scope, string conversationId, long turnId, int rating, string? comment, CancellationToken ct = default)
    {
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null || !scope.Owns(conversation.Owner) || conversation.Turns.All(t => t.Id != turnId)) return false;
        return await conversations.SetFeedbackAsync(turnId, rating, comment, ct);
    }

    /// <summary>Renames one of the caller's conversations; false when it does not exist or is someone else's (see <see cref="IConversationStore.RenameAsync"/> for the title rule).</summary>
    public async Task<bool> RenameConversationAsync(AccessScope scope, string conversationId, string title, CancellationToken ct = default) =>
        await OwnsConversationAsync(scope, conversationId, ct) && await conversations.RenameAsync(conversationId, title, ct);

    /// <summary>Deletes one of the caller's conversations; false when it does not exist or is someone else's.</summary>
    public async Task<bool> DeleteConversationAsync(AccessScope scope, string conversationId, CancellationToken ct = default) =>
        await OwnsConversationAsync(scope, conversationId, ct) && await conversations.DeleteAsync(conversationId, ct);

    /// <summary>
    /// The caller's conversations whose title, questions or answers contain every word of <paramref name="text"/>. An
    /// answer hidden from the caller (it quoted a library they may no longer read) does not count: a conversation found
    /// only through such an answer is checked again against what <see cref="GetConversationAsync"/> shows, and dropped.
    /// </summary>
    public async Task<IReadOnlyList<ConversationSummary>> SearchConversationsAsync(AccessScope scope, string text, int limit, CancellationToken ct = default)
    {
        var found = await conversations.SearchAsync(scope.IsLocal ? null : scope.User, text, limit, ct);
        if (scope.ReadableLibraries is null) return found;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<ConversationSummary>(found.Count);
        foreach (var summary in found)
        {
            if (await GetConversationAsync(scope, summary.Id, ct) is not { } shown) continue;
            if (words.All(w => Contains(shown.Title, w) || shown.Turns.Any(t => Contains(t.Question, w) || Contains(t.Answer.Answer, w)))) kept.Add(summary);
        }
        return kept;

        static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<bool> OwnsConversationAsync(AccessScope scope, string conversationId, CancellationToken ct) =>
        await conversations.GetAsync(conversationId, ct) is { } conversation && scope.Owns(conversation.Owner);

    private static StoredDocument Shown(AccessScope scope, StoredDocument document) =>
        document with { Source = ShownSource.For(scope, document.Source) };

    private static AnswerResult Shown(AccessScope scope, AnswerResult answer) =>
        answer with { Citations = answer.Citations.Select(c => c with { Source = ShownSource.For(scope, c.Source) }).ToList() };

    /// <summary>Shown instead of a stored answer that quoted a source the reader may no longer read.</summary>
    public const string WithheldNotice = "此回答引用的部分来源您已无权查看，回答内容已隐藏。 (This answer quoted sources you may no longer read; it is hidden.)";
}

/// <summary>The outcome of a write on behalf of a caller.</summary>
public enum WriteOutcome
{
    Done,
    NotFound,
    Forbidden,
}
