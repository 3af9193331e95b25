using RagAssistant.Cli.Output;

namespace RagAssistant.Cli.Bench;

/// <summary>The upload's ingestion time while the users asked and alone.</summary>
internal sealed record IngestFigures(string File, int Chunks, double Seconds, double IdleSeconds);

/// <summary>
/// A finished <c>rag bench load</c>: the loaded phase against the idle one. Ratios follow the bench protocol
/// (ARCHITECTURE.md): <c>ratio</c> = answers/s ÷ idle answers/s (above 1 = faster); the latency and ingestion
/// comparisons are loaded ÷ idle times (above 1 = slower), named <c>…VsIdle</c>.
/// </summary>
internal sealed record LoadRun(LoadSettings Settings, int Questions, LoadFigures Loaded, LoadFigures Idle, IngestFigures? Ingestion)
{
    public BenchLoadJson ToJson() => new(
        [
            new LoadAskRow("ask", Settings.Url, Loaded.Users, Ingestion?.File, Loaded.Seconds, Loaded.Answers, Loaded.AnswersPerSec,
                Loaded.P50Ms, Loaded.P95Ms, Loaded.P99Ms, Loaded.Errors,
                Idle.Users, Idle.Seconds, Idle.Answers, Idle.AnswersPerSec, Idle.P50Ms, Idle.P95Ms, Idle.P99Ms, Idle.Errors,
                Divide(Loaded.AnswersPerSec, Idle.AnswersPerSec), Divide(Loaded.P50Ms, Idle.P50Ms), Divide(Loaded.P95Ms, Idle.P95Ms), Divide(Loaded.P99Ms, Idle.P99Ms)),
        ],
        Ingestion is { } i
            ? new LoadIngestRow(i.File, Settings.Library, i.Chunks, i.Seconds, i.IdleSeconds, Divide(i.IdleSeconds, i.Seconds), Divide(i.Seconds, i.IdleSeconds))
            : null);

    public void Print(TextWriter output)
    {
        output.WriteLine($"rag bench load {Settings.Url}: {Settings.Users} users, {Settings.Duration} s a phase, {Questions} questions from {Settings.QuestionsFile}");
        output.WriteLine($"{"phase",-34} {"users",5} {"seconds",8} {"answers",8} {"answers/s",10} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9}  errors");
        var loadedName = Ingestion is null ? "loaded" : $"while {Ingestion.File} ingests";
        var idleName = Ingestion is null ? "idle (one user)" : "idle (no upload)";
        if (Ingestion is null && Idle.Users != 1) idleName = $"idle ({Idle.Users} users)";
        Row(loadedName, Loaded);
        Row(idleName, Idle);
        output.WriteLine($"{"loaded ÷ idle",-34} {"",5} {"",8} {"",8} {Ratio(Loaded.AnswersPerSec, Idle.AnswersPerSec),10} {Ratio(Loaded.P50Ms, Idle.P50Ms),9} {Ratio(Loaded.P95Ms, Idle.P95Ms),9} {Ratio(Loaded.P99Ms, Idle.P99Ms),9}");
        if (Ingestion is { } i)
            output.WriteLine($"ingestion of {i.File} ({i.Chunks} chunks): {i.Seconds:0.0} s while asked, {i.IdleSeconds:0.0} s idle = {Ratio(i.Seconds, i.IdleSeconds)}× its idle time");
        output.WriteLine("closed loop (each user asks again when its answer is complete); latency = question sent → last event read; "
                         + "percentiles by nearest rank over answered questions; errors by HTTP status, error-event, no-answer, network");

        void Row(string name, LoadFigures f) =>
            output.WriteLine($"{name,-34} {f.Users,5} {f.Seconds,8:0.0} {f.Answers,8} {f.AnswersPerSec,10:0.00} {Ms(f.P50Ms),9} {Ms(f.P95Ms),9} {Ms(f.P99Ms),9}  {f.DescribeErrors()}");
    }

    private static string Ms(double? ms) => ms is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? a, double? b) => Divide(a, b) is { } r ? r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";

    /// <summary>a ÷ b, or null when either is missing or b is 0 (JSON has no NaN).</summary>
    private static double? Divide(double? a, double? b) => a is { } x && b is { } y && y > 0 ? Math.Round(x / y, 3) : null;
}
