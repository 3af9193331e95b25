using RagAssistant.Core.Relevance;
using RagAssistant.Core.Search;

namespace RagAssistant.Retrieval.Ranking;

/// <summary>
/// A named ranking adjustment of a fused chunk: a factor (its weight, bound under <c>Rag:Relevance</c> by the rule's
/// name) applied when the rule finds its evidence in the chunk and the question. <see cref="ChunkRules"/> lists them.
/// </summary>
public abstract class ChunkRule(double weight)
{
    /// <summary>The rule's name, also its option key under <c>Rag:Relevance</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Why the rule exists and what it acts on.</summary>
    public abstract string Summary { get; }

    public double Weight { get; } = weight;

    /// <summary>What the rule found in this chunk for this question, or null when it does not apply.</summary>
    public abstract string? Evidence(AnalyzedQuery query, RetrievedChunk chunk);

    /// <summary>Applies the rule to the chunk's score, recording it in the trace.</summary>
    public void Apply(AnalyzedQuery query, RetrievedChunk chunk, ScoreTrace trace)
    {
        if (Evidence(query, chunk) is { } evidence) trace.Apply(Name, trace.Score * Weight, evidence);
    }
}

/// <summary>The ranking adjustments of fused chunks, in the order they apply.</summary>
public static class ChunkRules
{
    public static IReadOnlyList<ChunkRule> From(RelevanceOptions options) =>
    [
        new SupersededRevisionRule(options.SupersededRevision),
        new UnnamedRevisionRule(options.UnnamedRevision),
        new OtherOperationRule(options.OtherOperation),
        new ChangeRecordRule(options.ChangeRecord),
    ];
}

/// <summary>
/// A superseded revision stays searchable but ranks below the current one unless the question asks about revisions or
/// what changed: RRF scores sit close together, so a mild factor (0.8) already orders revisions. Where the question names
/// editions (“the 2021 edition”), a chunk of an edition is judged by <see cref="UnnamedRevisionRule"/> instead: the named
/// one, superseded or not, is what is asked.
/// </summary>
public sealed class SupersededRevisionRule(double weight) : ChunkRule(weight)
{
    public override string Name => nameof(RelevanceOptions.SupersededRevision);
    public override string Summary => "a superseded revision ranks below the current one unless the question asks about revisions or names editions";

    public override string? Evidence(AnalyzedQuery query, RetrievedChunk chunk) =>
        chunk.Superseded && !query.AsksAboutRevisions && !(query.Intent.Editions.Count > 0 && ChunkRevisions.IsEdition(chunk.Revision))
            ? $"superseded revision {chunk.Revision}" : null;
}

/// <summary>
/// A question naming a revision by its letter ("A 版工艺卡", "Rev A of the card") asks about that revision: a chunk of
/// another lettered revision (<see cref="ChunkRevisions"/>: its document's, or the 版本 its rows state) ranks below, as a
/// superseded one does (the same mild factor orders them). A chunk of no lettered revision is left alone. A question
/// naming an edition ("the 2021 edition of Q/JD 105") ranks the chunks of other editions below the same way, unless it
/// asks what changed since that edition (<see cref="ChunkRevisions.OfAnotherEditionThanNamed"/>).
/// </summary>
public sealed class UnnamedRevisionRule(double weight) : ChunkRule(weight)
{
    public override string Name => nameof(RelevanceOptions.UnnamedRevision);
    public override string Summary => "a chunk of another lettered revision or edition than the one the question names ranks below";

    public override string? Evidence(AnalyzedQuery query, RetrievedChunk chunk) =>
        ChunkRevisions.OfAnotherThanNamed(query.Intent, chunk)
            ? $"revision {string.Join("/", ChunkRevisions.Of(chunk))}, not {string.Join("/", query.Intent.RevisionLetters)}"
            : ChunkRevisions.OfAnotherEditionThanNamed(query.Intent, chunk)
                ? $"edition {chunk.Revision}, not {string.Join("/", query.Intent.Editions)}"
                : null;
}

/// <summary>
/// A process-card row is about one operation and a hardness clause about its materials: when the question names an
/// operation (or a material) and the chunk names operations (materials) but none of the asked ones, it is the wrong
/// passage, not a weaker right one. A chunk naming none at all (a general clause, a manual section) is left alone.
/// </summary>
public sealed class OtherOperationRule(double weight) : ChunkRule(weight)
{
    public override string Name => nameof(RelevanceOptions.OtherOperation);
    public override string Summary => "a chunk naming only other operations or materials than the question's is the wrong passage";

    public override string? Evidence(AnalyzedQuery query, RetrievedChunk chunk)
    {
        var asked = query.Intent;
        if (asked.Operations.Count == 0 && asked.Materials.Count == 0) return null;
        var text = Text.TextFolding.Fold(chunk.Text);
        var operations = Text.IdentifierExtractor.Operations(text);
        if (Conflicts(asked.Operations, operations)) return "names " + string.Join(", ", operations.Order());
        var materials = Text.IdentifierExtractor.Materials(text);
        return Conflicts(asked.Materials, materials) ? "names " + string.Join(", ", materials.Order()) : null;
    }

    private static bool Conflicts(IReadOnlySet<string> asked, IReadOnlySet<string> named) =>
        asked.Count > 0 && named.Count > 0 && !named.Overlaps(asked);
}

/// <summary>A question about what changed is answered in one place by the revision record: a chunk stating a change ranks up.</summary>
public sealed class ChangeRecordRule(double weight) : ChunkRule(weight)
{
    public override string Name => nameof(RelevanceOptions.ChangeRecord);
    public override string Summary => "a chunk stating a change answers a question about what changed";

    public override string? Evidence(AnalyzedQuery query, RetrievedChunk chunk) =>
        query.Intent.AsksWhatChanged && RevisionChanges.IsStatedIn(chunk.Text) ? "states a change" : null;
}
