using RagAssistant.Core.Relevance;

namespace RagAssistant.Generation.Extractive.Rules;

/// <summary>
/// A question asking for a value (how often, when, how long, what torque, how many) is not answered by a unit stating
/// none of that kind: the neighbouring note, the heading line, the step without its frequency.
/// </summary>
public sealed class LacksAskedValueRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.LacksAskedValue);
    public override string Summary => "a unit lacking the kind of value the question asks for (author, company, interval, date, span, quantity, number)";

    protected override string? Evidence(UnitCandidate unit)
    {
        if (!unit.LacksAskedValue) return null;
        var q = unit.Context.Question;
        return q.Intent.Form is { } form ? form.Lacking
            : q.Intent.Quantities.Count > 0 && unit.Context.SomeUnitStatesAskedQuantity ? "states no " + string.Join("/", q.Intent.Quantities)
            : "states no number of its own";
    }
}

/// <summary>
/// A number the question names (alarm 2001, 1.8 MPa) picks the row or sentence about it out of its table: a unit
/// without it, where another candidate has it, is about another entry.
/// </summary>
public sealed class OtherNumberRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.OtherNumber);
    public override string Summary => "a unit lacking a number the question names (a code, a setting) is about another entry";

    protected override string? Evidence(UnitCandidate unit) =>
        unit.Context.NamedNumbers.Where(n => !unit.View.ContainsNumber(n, unit.Context.Question.Intent) && !unit.Surroundings.ContainsNumber(n, unit.Context.Question.Intent)).ToList() is { Count: > 0 } missing
            ? "lacks " + string.Join(", ", missing) : null;
}

/// <summary>
/// An identifier the question names (a part number, a machine, a chip: SSM2163, CK6150) says what it asks about: a unit
/// of a document that names none of them — in the unit, its headings, its facts or another of its candidates — where
/// another candidate names one, is about something else: another product's rating row that shares the asked words.
/// </summary>
public sealed class OtherSubjectRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.OtherSubject);
    public override string Summary => "a unit of a document naming none of the question's identifiers is about something else";

    protected override string? Evidence(UnitCandidate unit) =>
        unit.Context.NamedIdentifiers is { Count: > 0 } named && !unit.Context.SourcesNamingIdentifiers.Contains(unit.Source)
            ? "names none of " + string.Join(", ", named.Select(t => t.Term)) : null;
}
