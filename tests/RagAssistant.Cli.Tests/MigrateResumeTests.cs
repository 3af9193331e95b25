using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RagAssistant.Accounts;
using RagAssistant.Cli.Migration;
using RagAssistant.Core.Access;
using RagAssistant.Testing;
using Xunit.Abstractions;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// <c>rag migrate</c> interrupted midway (cancelled after its first batch of chunks, batches of 5 rows) and run again
/// ends with exactly what an uninterrupted run leaves, row for row, keyword index and sequences included; a third run
/// copies nothing and says so.
/// </summary>
public sealed class MigrateResumeTests(ITestOutputHelper output)
{
    private const int SmallBatch = 5;

    // Every table the copy writes or the store derives from it; kb_counters only for the keyword totals BM25 reads
    // (its write generation counts statements, which differ between one run and two).
    private static readonly string[] Dumped =
    [
        "libraries", "documents", "pages", "document_files", "chunks", "chunk_terms", "vector_models", "conversations",
        "conversation_turns", "turn_citations", "feedback_marks", "ingest_jobs",
        "\"AspNetRoles\"", "\"AspNetUsers\"", "\"AspNetUserRoles\"", "account_grants", "account_api_keys", "account_audit",
    ];

    [SkippableFact]
    public async Task Migrate_InterruptedAfterFirstBatch_ResumesToTheSameEndState()
    {
        var interrupted = await SharedPostgres.NewDatabaseAsync();
        var straight = await SharedPostgres.NewDatabaseAsync();
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        var services = MigrationStores.Sqlite(db);
        await MigrationStores.IngestAsync(services, "corpus/docs/CNC-Lathe-CK6150-Operating-Procedure.md", "corpus/docs/Q-JD-105-2026_热处理通用技术条件.md");
        await services.GetRequiredService<UserAccounts>().AddAsync("li", Roles.Reader, "another-long-password", "local");
        await MigrationStores.CloseAsync(services);

        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(db, interrupted, p =>
        {
            if (p.Table == "chunks") cancel.Cancel();
        }, cancel.Token));
        Assert.Equal(SmallBatch, await CountAsync(interrupted, "chunks"));
        Assert.Equal(0, await CountAsync(interrupted, "conversation_turns"));

        var resumed = await RunAsync(db, interrupted, _ => { }, CancellationToken.None);
        Assert.Empty(resumed.Mismatches);
        Assert.False(resumed.AlreadyDone);
        var chunks = resumed.Tables.Single(t => t.Table == "chunks");
        Assert.Equal(chunks.Source - SmallBatch, chunks.Copied);
        Assert.Equal(0, resumed.Tables.Single(t => t.Table == "documents").Copied);

        var whole = await RunAsync(db, straight, _ => { }, CancellationToken.None);
        Assert.Empty(whole.Mismatches);
        Assert.Equal(await DumpAsync(straight), await DumpAsync(interrupted));

        var third = await RagProcess.RunAsync(["migrate", "--from", db, "--to", interrupted], temp.Path);
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("nothing left to copy", third.Stdout);
        Assert.Matches(@"(?m)^table +sqlite +postgresql +copied$", third.Stdout);
        Assert.Matches(@"(?m)^chunks +(\d+) +\1 +0$", third.Stdout);
        Assert.Equal(await DumpAsync(straight), await DumpAsync(interrupted));
        var again = await RunAsync(db, straight, _ => { }, CancellationToken.None);
        Assert.True(again.AlreadyDone);
        Assert.Equal(0, again.Copied);
    }

    [SkippableFact]
    public async Task Migrate_KilledMidway_RunAgain_EndsAsOneRun()
    {
        var killed = await SharedPostgres.NewDatabaseAsync();
        var straight = await SharedPostgres.NewDatabaseAsync();
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        var services = MigrationStores.Sqlite(db);
        await MigrationStores.IngestAsync(services, "corpus/docs/CNC-Lathe-CK6150-Operating-Procedure.md", "corpus/docs/Q-JD-105-2026_热处理通用技术条件.md",
            "corpus/docs/JD-2105-0318_输出轴_工艺过程卡_RevB.docx", "corpus/docs/JD-2105-0422_中间齿轮_工艺过程卡.xlsx");
        await MigrationStores.CloseAsync(services);

        // Killed as a crash would (no Ctrl+C handling), most likely while its chunks batch is being written.
        using (var run = RagProcess.Start(["migrate", "--from", db, "--to", killed], temp.Path))
        {
            await run.WaitForStderrAsync("rag migrate: document_files", RagProcess.DefaultTimeout);
            run.Kill();
            await run.WaitAsync(RagProcess.DefaultTimeout);
        }
        var chunks = await CountAsync(killed, "chunks");
        var total = (await RunAsync(db, straight, _ => { }, CancellationToken.None, KnowledgeBaseMigrator.DefaultBatchSize)).Tables.Single(t => t.Table == "chunks").Source;
        Assert.True(chunks % KnowledgeBaseMigrator.DefaultBatchSize == 0 || chunks == total, $"{chunks} chunks: a batch was left half written");
        output.WriteLine($"killed with {chunks} of {total} chunks copied");

        var again = await RagProcess.RunAsync(["migrate", "--from", db, "--to", killed], temp.Path);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(await DumpAsync(straight), await DumpAsync(killed));
    }

    private static async Task<MigrationReport> RunAsync(string db, string target, Action<TableProgress> progress, CancellationToken ct, int batchSize = SmallBatch)
    {
        await using var session = MigrationSession.Open(db, target);
        return await session.Migrator.RunAsync(progress, ct, batchSize);
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every row of every copied table as text, sorted, with the keyword totals, sequences and chunk indexes.</summary>
    private static async Task<List<string>> DumpAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        async Task ReadAsync(string label, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(label + ": " + reader.GetString(0));
            rows.Sort(StringComparer.Ordinal);
            lines.AddRange(rows);
        }
        foreach (var table in Dumped)
        {
            // A source without accounts leaves the account tables to the web app's first start.
            await using var exists = new NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", connection);
            if ((bool)(await exists.ExecuteScalarAsync())!) await ReadAsync(table, $"SELECT x::text FROM {table} x");
            else lines.Add($"{table}: none");
        }
        await ReadAsync("kb_counters", "SELECT keyword_rows || ' ' || keyword_terms FROM kb_counters");
        await ReadAsync("sequences", "SELECT sequencename || ' ' || coalesce(last_value, 0) FROM pg_sequences");
        await ReadAsync("indexes", "SELECT indexdef FROM pg_indexes WHERE tablename = 'chunks'");
        return lines;
    }
}
