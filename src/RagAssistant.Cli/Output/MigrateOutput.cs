using RagAssistant.Cli.Migration;

namespace RagAssistant.Cli.Output;

/// <summary><c>rag migrate --json</c>: both ends, rows copied by this run, and each table's rows on both sides.</summary>
internal sealed record MigrateJson(string From, string To, long Copied, bool AlreadyDone, bool CountsMatch, IReadOnlyList<TableCount> Tables);

/// <summary><c>rag migrate</c>'s table of counts for people.</summary>
internal static class MigrateOutput
{
    public static void WriteTable(TextWriter writer, MigrationReport report)
    {
        var width = Math.Max(5, report.Tables.Max(t => t.Table.Length));
        writer.WriteLine($"{"table".PadRight(width)}  {"sqlite",10}  {"postgresql",10}  {"copied",10}");
        foreach (var t in report.Tables)
            writer.WriteLine($"{t.Table.PadRight(width)}  {t.Source,10}  {t.Target,10}  {t.Copied,10}{(t.Source == t.Target ? "" : "  MISMATCH")}");
    }
}
