using RagAssistant.Core.Relevance;

namespace RagAssistant.Generation.Extractive.Rules;

/// <summary>
/// Retrieval has weighed the whole chunk, the unit scorer sees single sentences: a unit of the chunk ranked r gains
/// weight / r. Small (0.05): on corpus/eval 0.15 and 0.3 raised citation precision a little but lowered answer_contains more.
/// </summary>
public sealed class RetrievalRankRule(double weight) : UnitRule(weight)
{
    public override string Name => nameof(RelevanceOptions.RetrievalRank);
    public override string Summary => "a unit of a chunk ranked higher by retrieval gains a little: retrieval weighed the whole passage";

    public override (double Score, string Evidence)? Apply(UnitCandidate unit, double score) =>
        Weight == 0 ? null : (score + Weight / (unit.Source + 1), $"chunk rank {unit.Source + 1}");
}

/// <summary>
/// Keyword overlap misses paraphrases ("hand protection" for "gloves"); the embedding of the unit, compared with the
/// question's by the model that reads the question's language, sees them. It adds to the score, not to the coverage:
/// it helps choose among passages but is no evidence of its own (decision 0008).
/// </summary>
public sealed class UnitSimilarityRule(double weight) : UnitRule(weight)
{
    public override string Name => nameof(RelevanceOptions.UnitSimilarity);
    public override string Summary => "a unit that says what was asked in other words gains by its embedding similarity to the question";

    public override (double Score, string Evidence)? Apply(UnitCandidate unit, double score) =>
        Weight == 0 || unit.Similarity <= 0 ? null : (score + Weight * unit.Similarity, $"cosine {unit.Similarity:0.000}");
}

/// <summary>
/// A question naming a clause ("4.2.3 条规定了什么") is answered by the clause's own text, though its sentences do not
/// repeat the clause number.
/// </summary>
public sealed class AskedClauseRule(double weight) : UnitRule(weight)
{
    public override string Name => nameof(RelevanceOptions.AskedClause);
    public override string Summary => "a unit of the clause the question names answers it, though it does not repeat the number";

    public override (double Score, string Evidence)? Apply(UnitCandidate unit, double score) =>
        unit.Context.ClauseSources.Contains(unit.Source) ? (score + Weight, "the clause asked for") : null;
}
