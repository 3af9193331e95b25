namespace RagAssistant.Core.Evaluation;

/// <summary>What one question produced: retrieval metrics (answerable only), top chunks, and the answer when generated.</summary>
public sealed record EvalOutcome(
    EvalQuestion Question,
    RetrievalMetrics? Retrieval,
    IReadOnlyList<EvalRetrieved> Top,
    double MeanTopTokens,
    double RetrieveMs,
    EvalAnswer? Answer);

/// <summary>A generated answer: its text, mode (llm, extractive, abstain), whether each citation matched gold, and latency.</summary>
public sealed record EvalAnswer(string Text, string Mode, IReadOnlyList<bool> CitationMatchesGold, double AnswerMs)
{
    /// <summary>The evidence score that decided whether to answer (for calibrating the abstention threshold on the dev split).</summary>
    public Answers.EvidenceExplain? Evidence { get; init; }
}
