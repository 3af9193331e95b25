using RagAssistant.Core.Relevance;

namespace RagAssistant.Generation.Extractive.Rules;

/// <summary>A follow-up asks about its own words ("心部呢？" after a question on 表面硬度): a unit naming none of them answers the earlier question.</summary>
public sealed class OffFollowUpFocusRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.OffFollowUpFocus);
    public override string Summary => "a unit naming none of a follow-up's own words answers the earlier question";

    protected override string? Evidence(UnitCandidate unit) => unit.Context.HasFocus && !unit.NamesFocus ? "none of the follow-up's words" : null;
}

/// <summary>"A 版工艺卡上原来用的转速" asks about revision A: the current card's rows answer for B.</summary>
public sealed class OtherRevisionRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.OtherRevision);
    public override string Summary => "a unit of another revision than the one the question names";

    protected override string? Evidence(UnitCandidate unit) => unit.Context.OtherRevisions.Contains(unit.Source) ? "another revision" : null;
}

/// <summary>For "what changed", a sentence or row stating the change ("OP60 转速 800→950 r/min") says old and new at once.</summary>
public sealed class ChangeStatementRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.ChangeStatement);
    public override string Summary => "a unit stating a change answers a question about what changed";

    protected override string? Evidence(UnitCandidate unit) =>
        unit.Context.Question.AsksWhatChanged && Core.Search.RevisionChanges.IsStatedIn(unit.Unit.Text) ? "states a change" : null;
}

/// <summary>
/// Definitions, purpose and scope sections, contents pages, forewords and revision histories frame a document: they name
/// many of a question's words (a glossary in both languages, the value a revision changed) but seldom hold the plant's
/// value or rule in force that the question asks for. Their units count less unless the question asks for a meaning, a
/// translation, a purpose or what changed.
/// </summary>
public sealed class FramingSectionRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.FramingSection);
    public override string Summary => "a unit of a definitions, purpose, contents, foreword or revision-history section, unless the question asks for that";

    protected override string? Evidence(UnitCandidate unit) => unit.Context.FramingSources.GetValueOrDefault(unit.Source);
}

/// <summary>
/// A question naming a document by its number ("Q/JD 105 渗碳件表面硬度", "per WI-AS-021") asks what that document says:
/// where its own units are candidates, a unit of another document — a process card citing "按 Q/JD 105—2026", a
/// glossary row — answers from the citing text instead, and ranks below.
/// </summary>
public sealed class OtherDocumentRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.OtherDocument);
    public override string Summary => "a unit of another document than the one the question names by its number, where that document's own units are candidates";

    protected override string? Evidence(UnitCandidate unit) =>
        unit.Context.NamedDocumentSources is { Count: > 0 } named && !named.Contains(unit.Source) ? "not the named document" : null;
}

/// <summary>
/// A question asking what is required, allowed or set (主轴径向跳动允许多少, the maximum spindle speed) is answered by a
/// specification — a manual, a standard, a card —, not by a record of one day's event that mentions a value (a
/// maintenance log's row "2026-04-23 | CK6150-03 | 主轴径向跳动 0.004 mm（≤0.005 mm）合格"). A table row whose first cell is a
/// date counts less where another candidate is no such row, unless the question asks about records or names a date.
/// </summary>
public sealed class EventRecordRule(double weight) : FactorRule(weight)
{
    public override string Name => nameof(RelevanceOptions.EventRecord);
    public override string Summary => "a dated record's row, for a question asking what is required or allowed, where a specification is among the candidates";

    protected override string? Evidence(UnitCandidate unit) =>
        unit.Context.AsksRequirementOfSpecifications && ExtractiveAnswerer.IsDatedRecord(unit.Unit) ? "a dated record" : null;
}
