namespace RagAssistant.Cli.Migration;

/// <summary>One table after the copy: its rows in the source and in the target, and how many this run copied.</summary>
internal sealed record TableCount(string Table, long Source, long Target, long Copied);

/// <summary>What one <c>rag migrate</c> run did.</summary>
/// <param name="AlreadyDone">True when the target held everything already (a run after a finished one): nothing was copied.</param>
internal sealed record MigrationReport(string From, string To, long Copied, bool AlreadyDone, IReadOnlyList<TableCount> Tables)
{
    public IReadOnlyList<TableCount> Mismatches => Tables.Where(t => t.Source != t.Target).ToList();
}
