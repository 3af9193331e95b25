using System.Security.Cryptography;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// <c>rag restore</c>: refused while an app holds the database (as the web app does, through SqliteDatabase's lock
/// file), the replaced database kept beside it, and each bad backup refused with its reason before anything is replaced.
/// </summary>
public sealed class RestoreCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Db => _temp.File("kb.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Restore_WhileAnAppHoldsTheDatabase_RefusesSayingWhoAndHowToStopIt_AndWorksOnceItStops()
    {
        await StoreAsync("current.md", "current spindle procedure");
        _temp.WriteText("other.md", Rag.Markdown("backup-only gear hobbing"));
        await Rag.IngestAsync(_temp.Path, _temp.File("other.db"), "other.md");
        await Rag.JsonAsync(_temp.Path, null, "backup", "backup.db", "--db", "other.db");
        var before = Hash(Db);

        var app = new SqliteDatabase(Db); // what the web app holds from its first open to its shutdown
        app.Open().Dispose();
        RagResult refused;
        try
        {
            refused = await RagProcess.RunAsync(["restore", "backup.db", "--db", Db], _temp.Path);
        }
        finally
        {
            app.Dispose();
        }

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"database {Db} is in use", refused.Stderr);
        Assert.Contains($"process {Environment.ProcessId}", refused.Stderr);
        Assert.Contains("systemctl stop ragassistant", refused.Stderr);
        Assert.Contains("nothing was replaced", refused.Stderr);
        Assert.Equal(before, Hash(Db));

        var restored = await Rag.JsonAsync(_temp.Path, null, "restore", "backup.db", "--db", Db);
        var previous = restored.GetProperty("previous").GetString()!;
        Assert.StartsWith(Db + ".before-restore-", previous);
        Assert.True(Rag.HasDocument(await Rag.ListAsync(_temp.Path, Db), "other.md"));
        Assert.False(Rag.HasDocument(await Rag.ListAsync(_temp.Path, Db), "current.md"));
        Assert.Equal(1, SqliteFile.Scalar(previous, "SELECT count(*) FROM documents WHERE source = 'current.md'"));
    }

    [Fact]
    public async Task Restore_OfAMissingFile_ExitsOneNamingIt() =>
        await AssertRefusedAsync("missing.db", "backup file {0} does not exist");

    [Fact]
    public async Task Restore_OfAFileThatIsNotADatabase_ExitsOneSayingSo()
    {
        _temp.WriteText("notes.db", "meeting notes, not a database\n");
        await AssertRefusedAsync("notes.db", "backup file {0} is not a SQLite database");
    }

    [Fact]
    public async Task Restore_OfASqliteFileThatIsNotAKnowledgeBase_ExitsOneSayingSo()
    {
        SqliteFile.Execute(_temp.File("other-app.db"), "CREATE TABLE orders (id INTEGER PRIMARY KEY)");
        await AssertRefusedAsync("other-app.db", "not a RagAssistant knowledge base");
    }

    [Fact]
    public async Task Restore_OfABackupFromANewerSchema_ExitsOneSayingWhichVersionToUse()
    {
        await StoreAsync("seed.md", "seed document");
        await Rag.JsonAsync(_temp.Path, null, "backup", "newer.db", "--db", Db);
        SqliteFile.Execute(_temp.File("newer.db"), "PRAGMA user_version = 999");
        await AssertRefusedAsync("newer.db", "has schema version 999, newer than this program's");
    }

    [Fact]
    public async Task Restore_OfACorruptedBackup_ExitsOneAndReplacesNothing()
    {
        await StoreAsync("seed.md", "seed document");
        await Rag.JsonAsync(_temp.Path, null, "backup", "damaged.db", "--db", Db);
        Corrupt(_temp.File("damaged.db"));
        var result = await AssertRefusedAsync("damaged.db", "backup file {0}");
        Assert.True(result.Stderr.Contains("integrity check", StringComparison.Ordinal) || result.Stderr.Contains("corrupt", StringComparison.Ordinal), result.ToString());
    }

    /// <summary>Overwrites pages after the first (the header and schema stay readable) with a repeating pattern.</summary>
    internal static void Corrupt(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var pageSize = 4096;
        var garbage = Enumerable.Repeat((byte)0x5A, pageSize * 3).ToArray();
        file.Position = pageSize * 2;
        file.Write(garbage);
    }

    private async Task StoreAsync(string name, string topic)
    {
        _temp.WriteText(name, Rag.Markdown(topic));
        await Rag.IngestAsync(_temp.Path, Db, name);
    }

    /// <summary>Restores <paramref name="backup"/> over a stored database; asserts exit 1, the reason, and the database untouched.</summary>
    private async Task<RagResult> AssertRefusedAsync(string backup, string reason)
    {
        if (!File.Exists(Db)) await StoreAsync("current.md", "current spindle procedure");
        var before = Hash(Db);

        var result = await RagProcess.RunAsync(["restore", backup, "--db", Db], _temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, _temp.File(backup)), result.Stderr);
        Assert.Contains(_temp.File(backup), result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
        Assert.Equal(before, Hash(Db));
        Assert.Empty(Directory.GetFiles(_temp.Path, "kb.db.before-restore-*"));
        Assert.Empty(Directory.GetFiles(_temp.Path, ".kb.db.restore-*"));
        return result;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
