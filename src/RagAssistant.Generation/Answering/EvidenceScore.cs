using RagAssistant.Core.Answers;
using RagAssistant.Generation.Extractive;

namespace RagAssistant.Generation.Answering;

/// <summary>
/// The one calibrated score that decides whether the sources answer a question: how much of the question's weighted
/// terms the best-covering unit holds, and of the best candidate unit (the first quote) how similar its embedding is to
/// the question's and whether it states the kind of value asked for — weighted by <c>Rag:Answers:AbstentionCoverage</c>,
/// <c>AbstentionSimilarity</c> and <c>AbstentionValue</c> and compared with <c>AbstainBelow</c>, all chosen on the dev
/// split (README, "Answers"). One missing word lowers the coverage by its weight; it never decides alone. Only
/// identifiers, numbers and editions that no source holds abstain on their own: the question names a part, an alarm or
/// an edition the documents lack — or an entry of a table (第5工步, 12 g) no quote holds while the best row is another —,
/// a best quote that answers for nothing the question asks beyond its identifiers (<c>AbstainOnIdentifiersOnly</c>), and
/// a best quote from a document naming none of the question's identifiers where another retrieved document names them
/// (<c>AbstainOnOtherSubject</c>): the named chip's or machine's own documents hold no answer, and another product's
/// rating is none.
/// </summary>
public static class EvidenceScore
{
    public static EvidenceExplain Of(ExtractiveSelection selection, AnswerOptions options)
    {
        var best = selection.Quotes.Count > 0 ? selection.Quotes[0] : null;
        var coverage = selection.BestCoverage;
        var similarity = best?.Similarity ?? 0;
        var valuePresent = best is not null && !best.LacksAskedValue;
        var score = best is null ? 0
            : options.AbstentionCoverage * coverage + options.AbstentionSimilarity * similarity + (valuePresent ? options.AbstentionValue : 0)
              - options.AbstentionAbsentWord * selection.AbsentWords.Count;
        var otherSubject = best is not null && AboutOtherSubject(best);
        var abstain = best is null || selection.MissingAnchors.Count > 0 || score < options.AbstainBelow
                      || options.AbstainOnIdentifiersOnly && selection.AnswersOnlyIdentifiers
                      || options.AbstainOnOtherSubject && otherSubject;
        return new EvidenceExplain(Math.Round(score, 4), options.AbstainBelow, Math.Round(coverage, 4), Math.Round(similarity, 4), valuePresent,
            selection.MissingAnchors, abstain) { AbsentWords = selection.AbsentWords, OnlyIdentifiers = selection.AnswersOnlyIdentifiers, OtherSubject = otherSubject };
    }

    /// <summary>Whether the quote stands in a document about another subject than the one the question names (<see cref="Extractive.Rules.OtherSubjectRule"/> lowered it).</summary>
    private static bool AboutOtherSubject(ScoredUnit quote) => quote.Trace.Effects.Any(e => e.Rule == nameof(Core.Relevance.RelevanceOptions.OtherSubject));
}
