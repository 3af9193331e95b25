namespace RagAssistant.Core.Relevance;

/// <summary>One named rule's change to a score: the score before and after, and the evidence it acted on.</summary>
public sealed record RuleEffect(string Rule, double Before, double After, string Evidence);

/// <summary>
/// How a score was built: its base (a unit's coverage of the question's terms; 0 for a fused chunk, whose lists add to
/// it) and every rule that changed it, in order. What <c>--explain</c> prints and the answer's Activity carries.
/// </summary>
public sealed class ScoreTrace(double baseScore)
{
    private readonly List<RuleEffect> _effects = [];

    public double Base { get; } = baseScore;
    public IReadOnlyList<RuleEffect> Effects => _effects;
    public double Score { get; private set; } = baseScore;

    /// <summary>Records a rule's new score (no entry when it changed nothing) and returns it.</summary>
    public double Apply(string rule, double after, string evidence)
    {
        if (after != Score) _effects.Add(new RuleEffect(rule, Score, after, evidence));
        Score = after;
        return after;
    }

    /// <summary>Records an effect that re-orders without changing the score (evidence re-ordering moves a chunk).</summary>
    public void Note(string rule, string evidence) => _effects.Add(new RuleEffect(rule, Score, Score, evidence));
}
