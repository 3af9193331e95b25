using RagAssistant.Accounts;
using RagAssistant.Core.Answers;
using RagAssistant.Core.Evaluation;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Search;
using RagAssistant.Retrieval.Evaluation;

namespace RagAssistant.Web.Feedback;

/// <summary>
/// The feedback review an administrator does on /admin/feedback: the answers rated 👎, the passage each should have cited
/// (chosen from its sources or found by the same hybrid search the answers use) and the words a right answer contains,
/// stored as marks (audited) and exported as evaluation questions. Everything is refused to anyone but an administrator;
/// chunks and search results are read through <see cref="ProtectedKnowledgeBase"/> with the caller's scope, and cited
/// sources of libraries the caller may not read are left out.
/// </summary>
public sealed class FeedbackReview(IFeedbackStore store, IConversationStore conversations, ProtectedKnowledgeBase knowledgeBase,
    AuditLog audit, TimeProvider clock)
{
    /// <summary>How many 👎 answers the page lists, newest first.</summary>
    public const int Limit = 100;

    public async Task<IReadOnlyList<NegativeFeedback>> ListAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.IsAdministrator) return [];
        return (await store.ListNegativeAsync(Limit, ct))
            .Select(f => f with
            {
                Answer = f.Answer with
                {
                    Citations = f.Answer.Citations.Where(c => c.Library is null || scope.MayRead(c.Library)).ToList(),
                },
            }).ToList();
    }

    /// <summary>The answer's sources as passages to choose from.</summary>
    public static IReadOnlyList<PassageChoice> Sources(NegativeFeedback feedback) =>
        feedback.Answer.Citations.DistinctBy(c => c.ChunkId)
            .Select(c => new PassageChoice(c.ChunkId, c.DocumentId, c.Library ?? "", c.Title, FeedbackQuestions.FileName(c.Source), c.Locator, c.Text))
            .ToList();

    /// <summary>Passages found by the knowledge base's hybrid search (keyword and dense, as answers retrieve) in the libraries the caller may read.</summary>
    public async Task<IReadOnlyList<PassageChoice>> SearchAsync(AccessScope scope, string query, int top = 8, CancellationToken ct = default)
    {
        if (!scope.IsAdministrator || string.IsNullOrWhiteSpace(query)) return [];
        var (_, results) = await knowledgeBase.SearchAsync(scope, query.Trim(), new SearchOptions(top), ct);
        return results.Select(r => new PassageChoice(r.Chunk.ChunkId, r.Chunk.DocumentId, r.Chunk.Library, r.Chunk.Title,
            FeedbackQuestions.FileName(r.Chunk.Source), r.Chunk.Locator, r.Chunk.Text)).ToList();
    }

    /// <summary>
    /// Checks and stores the mark (<see cref="FeedbackMarkRules.Check"/>) and audits it; the problems found, none when it
    /// was stored. A passage whose chunk the caller cannot read (or that is gone) counts as no passage chosen.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackMarkProblem>> MarkAsync(AccessScope scope, NegativeFeedback feedback, PassageChoice? passage,
        string? words, string? expected, string? split, string? address = null, CancellationToken ct = default)
    {
        if (!scope.IsAdministrator) throw new UnauthorizedAccessException("only an administrator may mark feedback");
        var document = passage is null ? null : await knowledgeBase.GetDocumentAsync(scope, passage.DocumentId, ct);
        var chunk = document is null ? null : (await knowledgeBase.GetChunksAsync(scope, document.Id, ct)).FirstOrDefault(c => c.Id == passage!.ChunkId);
        var problems = FeedbackMarkRules.Check(chunk?.IndexedText, words, expected, split);
        if (problems.Count > 0) return problems;

        var conversation = await conversations.GetAsync(feedback.ConversationId, ct);
        var history = conversation?.Turns.TakeWhile(t => t.Id != feedback.TurnId).Select(t => t.Question).ToList() ?? [];
        var mark = new FeedbackMark(feedback.TurnId, feedback.Question, history, chunk!.Id, document!.Id, document.Library, document.Source,
            chunk.Locator, words!.Trim(), FeedbackMarkRules.SplitExpected(expected), split!, scope.User, clock.GetUtcNow());
        if (!await store.SetMarkAsync(mark, ct)) throw new KeyNotFoundException($"turn {feedback.TurnId} no longer exists");
        await audit.WriteAsync(scope.User, AuditActions.FeedbackMarked, $"turn {feedback.TurnId}",
            $"{document.FileName} {chunk.Locator}: {mark.Passage} → {string.Join("; ", mark.Expected)} ({mark.Split})", address, ct);
        return [];
    }

    public async Task<bool> UnmarkAsync(AccessScope scope, long turnId, string? address = null, CancellationToken ct = default)
    {
        if (!scope.IsAdministrator) throw new UnauthorizedAccessException("only an administrator may mark feedback");
        if (!await store.DeleteMarkAsync(turnId, ct)) return false;
        await audit.WriteAsync(scope.User, AuditActions.FeedbackUnmarked, $"turn {turnId}", null, address, ct);
        return true;
    }

    /// <summary>The marked questions (of one split, or all) as EVAL.md's question file; empty for anyone but an administrator.</summary>
    public async Task<IReadOnlyList<EvalQuestion>> ExportAsync(AccessScope scope, string? split = null, CancellationToken ct = default) =>
        scope.IsAdministrator ? FeedbackQuestions.From(await store.ListMarksAsync(ct), split) : [];
}
