using RagAssistant.Core.Relevance;

namespace RagAssistant.Generation.Extractive.Rules;

/// <summary>
/// A named adjustment of a quotable unit's score (a sentence or a row): its weight is bound under <c>Rag:Relevance</c> by
/// the rule's name, and each change it makes goes on the unit's <see cref="ScoreTrace"/> with the evidence it acted on.
/// </summary>
public abstract class UnitRule(double weight)
{
    /// <summary>The rule's name, also its option key under <c>Rag:Relevance</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Why the rule exists and what it acts on.</summary>
    public abstract string Summary { get; }

    public double Weight { get; } = weight;

    /// <summary>The unit's score after the rule with the evidence it acted on, or null when the rule does not apply.</summary>
    public abstract (double Score, string Evidence)? Apply(UnitCandidate unit, double score);
}

/// <summary>A rule that multiplies the score by its weight where it finds its evidence.</summary>
public abstract class FactorRule(double weight) : UnitRule(weight)
{
    /// <summary>What the rule found in the unit, or null when it does not apply.</summary>
    protected abstract string? Evidence(UnitCandidate unit);

    public sealed override (double Score, string Evidence)? Apply(UnitCandidate unit, double score) =>
        Evidence(unit) is { } evidence ? (score * Weight, evidence) : null;
}

/// <summary>The unit rules in the order they apply: the additive ones first, then the factors.</summary>
public static class UnitRules
{
    /// <param name="similarityWeight">The weight of <see cref="UnitSimilarityRule"/>: choosing quotes and re-ordering evidence weigh similarity differently.</param>
    public static IReadOnlyList<UnitRule> From(RelevanceOptions options, double similarityWeight) =>
    [
        new RetrievalRankRule(options.RetrievalRank),
        new UnitSimilarityRule(similarityWeight),
        new LacksAskedValueRule(options.LacksAskedValue),
        new ShortLineRule(options.ShortLine, options.ShortLineChars),
        new RestatesQuestionRule(options.RestatesQuestion, options.RestatementChars),
        new OffFollowUpFocusRule(options.OffFollowUpFocus),
        new OtherNumberRule(options.OtherNumber),
        new OtherSubjectRule(options.OtherSubject),
        new OtherDocumentRule(options.OtherDocument),
        new EventRecordRule(options.EventRecord),
        new AskedClauseRule(options.AskedClause),
        new OtherRevisionRule(options.OtherRevision),
        new ChangeStatementRule(options.ChangeStatement),
        new FramingSectionRule(options.FramingSection),
        new KeyCellRule(options.KeyCell),
    ];

    /// <summary>Applies every rule to the unit's trace, in order; returns the final score.</summary>
    public static double Apply(IReadOnlyList<UnitRule> rules, UnitCandidate unit, ScoreTrace trace)
    {
        foreach (var rule in rules)
            if (rule.Apply(unit, trace.Score) is { } outcome) trace.Apply(rule.Name, outcome.Score, outcome.Evidence);
        return trace.Score;
    }
}
