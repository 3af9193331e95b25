using RagAssistant.Core.Relevance;

namespace RagAssistant.Generation.Extractive.Rules;

/// <summary>A bare title, label or date line ("Q/JD 105—2026", "2026-03-01") matches a question's identifiers but answers nothing.</summary>
public sealed class ShortLineRule(double weight, int maxChars) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.ShortLine);
    public override string Summary => "a bare label, title or date line answers nothing";

    protected override string? Evidence(UnitCandidate unit) =>
        unit.Unit.Kind != UnitKind.Record && unit.Unit.Text.Length < maxChars ? $"{unit.Unit.Text.Length} characters" : null;
}

/// <summary>
/// A short line made only of the question's own words (the title "Q/JD 105—2026" when asked when Q/JD 105—2026 takes
/// effect) names what was asked but says nothing about it.
/// </summary>
public sealed class RestatesQuestionRule(double weight, int maxChars) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.RestatesQuestion);
    public override string Summary => "a short line made only of the question's own words restates it";

    protected override string? Evidence(UnitCandidate unit)
    {
        var text = unit.Unit.Text;
        if (text.Length > maxChars) return null;
        var analyzed = unit.Context.Analyzer.Analyze(text);
        return !analyzed.IsEmpty && analyzed.Terms.All(unit.Context.QuestionTermSet.Contains) ? "only the question's words" : null;
    }
}
