namespace RagAssistant.Cli.Bench;

/// <summary>
/// What one phase of <c>rag bench load</c> measured: answers and their latency percentiles (nearest rank over the
/// answered questions), refusals and failures by status, answers per second over the phase's whole length.
/// </summary>
internal sealed record LoadFigures(int Users, double Seconds, int Answers, double AnswersPerSec, double? P50Ms, double? P95Ms, double? P99Ms,
    IReadOnlyDictionary<string, int> Errors)
{
    public static LoadFigures From(int users, double seconds, IReadOnlyCollection<AskSample> samples)
    {
        var answered = samples.Where(s => s.Error is null).Select(s => s.Ms).Order().ToArray();
        var errors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var failed in samples.Where(s => s.Error is not null)) errors[failed.Error!] = errors.GetValueOrDefault(failed.Error!) + 1;
        return new LoadFigures(users, seconds, answered.Length, seconds > 0 ? answered.Length / seconds : 0,
            Percentile(answered, 50), Percentile(answered, 95), Percentile(answered, 99), errors);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> % of the values at or below it; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"none", or each error with its count: <c>429×3 503×1</c>.</summary>
    public string DescribeErrors() => Errors.Count == 0 ? "none" : string.Join(' ', Errors.Select(e => $"{e.Key}×{e.Value}"));
}
