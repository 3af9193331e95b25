using RagAssistant.Core.Search;

namespace RagAssistant.Generation.Extractive.Rules;

/// <summary>What the unit rules read about the question and the candidate sources, computed once per question.</summary>
public sealed class UnitQuestionContext
{
    public required QuestionTerms Question { get; init; }

    /// <summary>The question's own term strings.</summary>
    public required IReadOnlySet<string> QuestionTermSet { get; init; }

    /// <summary>Every number of the question: a unit repeating only these states no value of its own.</summary>
    public required IReadOnlySet<string> QuestionNumbers { get; init; }

    /// <summary>
    /// Numbers the question names (alarm 2001, 1.8 MPa, step 5 of 第5工步) that some candidate holds, not the ends of a range it
    /// quotes to check.
    /// </summary>
    public required IReadOnlyList<string> NamedNumbers { get; init; }

    /// <summary>The question's identifiers (SSM2163, CK6150) that some candidate holds or stands under.</summary>
    public required IReadOnlyList<WeightedTerm> NamedIdentifiers { get; init; }

    /// <summary>Sources of a document some candidate of which holds or stands under one of <see cref="NamedIdentifiers"/>.</summary>
    public required IReadOnlySet<int> SourcesNamingIdentifiers { get; init; }

    /// <summary>Some candidate states a value of an asked kind (a torque in N·m): one stating none holds some other number.</summary>
    public required bool SomeUnitStatesAskedQuantity { get; init; }

    /// <summary>Some candidate states a number in the unit a count question asks in (5 件 for 几件).</summary>
    public required bool SomeUnitStatesAskedUnit { get; init; }

    /// <summary>The question is a follow-up with words of its own.</summary>
    public required bool HasFocus { get; init; }

    /// <summary>Sources that are the clause the question names (4.2.3 条).</summary>
    public required IReadOnlySet<int> ClauseSources { get; init; }

    /// <summary>Sources of another revision than the one the question names.</summary>
    public required IReadOnlySet<int> OtherRevisions { get; init; }

    /// <summary>Sources of sections framing a document (definitions, purpose, front matter) the question does not ask about, with what they are.</summary>
    public required IReadOnlyDictionary<int, string> FramingSources { get; init; }

    /// <summary>
    /// The question asks what is required or allowed, neither about records nor naming a date, and some candidate is no
    /// dated record row (<see cref="EventRecordRule"/>).
    /// </summary>
    public required bool AsksRequirementOfSpecifications { get; init; }

    /// <summary>Sources of a document the question names by its own number (Q/JD 105, WI-AS-021).</summary>
    public required IReadOnlySet<int> NamedDocumentSources { get; init; }

    /// <summary>Question terms found in the key cells of every table row among the candidates: they tell no row apart.</summary>
    public required IReadOnlySet<string> TermsInEveryRow { get; init; }

    public required IQueryAnalyzer Analyzer { get; init; }
}

/// <summary>A quotable unit of a source with what the rules read about it.</summary>
public sealed class UnitCandidate
{
    public required int Source { get; init; }
    public required AnswerUnit Unit { get; init; }
    public required TextView View { get; init; }

    /// <summary>
    /// What the unit stands under: the group label inside its chunk, the chunk's headings and its document's facts (title,
    /// identity, revision). A number named there (第60工序 in the heading of the card's steps) belongs to the unit too.
    /// </summary>
    public required TextView Surroundings { get; init; }

    /// <summary>Embedding similarity of the unit to the question (0 when not compared).</summary>
    public required double Similarity { get; init; }

    /// <summary>The unit names a word of a follow-up's own.</summary>
    public required bool NamesFocus { get; init; }

    /// <summary>The unit states a value of an asked kind.</summary>
    public required bool StatesAskedQuantity { get; init; }

    public required UnitQuestionContext Context { get; init; }

    /// <summary>
    /// What says which entry the unit is, read once: a table row's key cells (<see cref="QuoteFormatter.KeyCells"/>), the
    /// labels of a "label: value" line, a block of them or a label/value grid; null for any other unit.
    /// </summary>
    public required TextView? KeyCells { get; init; }

    private bool? _lacksAskedValue;

    /// <summary>
    /// The question asks for a kind of value the unit does not state: a byline for "who wrote it", an interval for "how often", a date for "when", a
    /// span for "how long", a value of the asked kind (N·m for a torque) where some candidate states one, or else any
    /// number of its own.
    /// </summary>
    public bool LacksAskedValue => _lacksAskedValue ??= ComputeLacksAskedValue();

    private bool ComputeLacksAskedValue()
    {
        var intent = Context.Question.Intent;
        var text = Unit.MatchText;
        return intent.StatesAskedForm(text) is { } statesTime ? !statesTime
            : intent.AsksValue && (!View.HasNumberBeyond(Context.QuestionNumbers) || Context.SomeUnitStatesAskedQuantity && !StatesAskedQuantity
                                   || Context.SomeUnitStatesAskedUnit && !intent.StatesAskedUnit(text));
    }
}
