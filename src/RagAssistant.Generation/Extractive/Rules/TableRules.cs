using RagAssistant.Core.Relevance;

namespace RagAssistant.Generation.Extractive.Rules;

/// <summary>
/// A table answers "what is the Y of X" in the row whose key cells name X — the bolt size and property class, the
/// operation, the alarm code, the spec item — and the column whose header names Y. A question word found in a row's key
/// cells says which row it asks about; found elsewhere in the row it may only be a value that repeats (a part number in
/// every row of a card is in its key column, and tells no row apart: words in every row are left out). A block of
/// "label: value" lines (a legend, a header block) is keyed by its labels: "方框表示什么" asks for the line labelled 方框.
/// </summary>
public sealed class KeyCellRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.KeyCell);
    public override string Summary => "a table row whose key cells (or a block of labelled lines whose labels) hold a word the question names is the entry it asks about";

    protected override string? Evidence(UnitCandidate unit)
    {
        if (unit.KeyCells is not { } key) return null;
        var named = unit.Context.Question.Terms
            .Where(t => t.Weight > 0 && !t.IsExpansion && !unit.Context.TermsInEveryRow.Contains(t.Term) && key.Contains(t))
            .Select(t => t.Term).ToList();
        return named.Count > 0 ? "key cells name " + string.Join(", ", named) : null;
    }
}
