using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// <c>rag backup</c> while another rag process is writing, and the copy checked and restored; the refusals for a target
/// that exists, a folder that is missing or read-only, and a database that is not there.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private const string HangVariable = "RAG_TEST_HANG_BEFORE_COMMIT";
    private readonly TempDirectory _temp = new();

    private string Db => _temp.File("kb.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Backup_WhileAnotherProcessIngests_CopiesTheCommittedDocumentsAndTheCopyChecksAndRestoresClean()
    {
        for (var i = 1; i <= 8; i++) _temp.WriteText($"folder/doc-{i:00}.md", Doc(i));
        // The ingest stops inside doc-06's open write transaction: doc-01…05 are committed (still in the WAL), doc-06 is not.
        using var ingest = RagProcess.Start(["ingest", "folder", "--db", Db, "--json"], _temp.Path,
            new Dictionary<string, string> { [HangVariable] = "doc-06.md" });
        await ingest.WaitForStderrAsync($"{HangVariable} reached for folder/doc-06.md", TimeSpan.FromSeconds(120));

        var backup = await Rag.JsonAsync(_temp.Path, null, "backup", "copy.db", "--db", Db);
        ingest.Kill();

        Assert.Equal(_temp.File("copy.db"), backup.GetProperty("file").GetString());
        Assert.Equal(5, backup.GetProperty("documents").GetInt64());
        Assert.Equal(new FileInfo(_temp.File("copy.db")).Length, backup.GetProperty("bytes").GetInt64());
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.partial")); // the temporary name is gone
        var check = await Rag.JsonAsync(_temp.Path, null, "check", "--db", "copy.db");
        Assert.True(check.GetProperty("ok").GetBoolean(), check.ToString());
        Assert.Equal(5, check.GetProperty("documents").GetInt64());

        var restored = _temp.File("fresh/kb.db");
        var restore = await Rag.JsonAsync(_temp.Path, null, "restore", "copy.db", "--db", restored);
        Assert.Equal(5, restore.GetProperty("documents").GetInt64());
        Assert.Equal(JsonValueKind.Null, restore.GetProperty("previous").ValueKind);
        var restoredCheck = await Rag.JsonAsync(_temp.Path, null, "check", "--db", restored);
        Assert.True(restoredCheck.GetProperty("ok").GetBoolean(), restoredCheck.ToString());

        var found = await Rag.JsonAsync(_temp.Path, null, "search", "marker3tooling", "--db", restored);
        Assert.Contains(found.GetProperty("results").EnumerateArray(), r => r.GetProperty("source").GetString() == "folder/doc-03.md");
        var uncommitted = await Rag.JsonAsync(_temp.Path, null, "search", "marker6tooling", "--db", restored);
        Assert.DoesNotContain(uncommitted.GetProperty("results").EnumerateArray(), r => r.GetProperty("source").GetString() == "folder/doc-06.md");
    }

    [Fact]
    public async Task Backup_ToAnExistingFile_RefusesWithoutForce_AndReplacesItWithForce()
    {
        _temp.WriteText("a.md", Rag.Markdown("gear hobbing"));
        await Rag.IngestAsync(_temp.Path, Db, "a.md");
        const string old = "an older file the user keeps\n";
        _temp.WriteText("copy.db", old);

        var refused = await RagProcess.RunAsync(["backup", "copy.db", "--db", Db], _temp.Path);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains(_temp.File("copy.db"), refused.Stderr);
        Assert.Contains("already exists", refused.Stderr);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal(old, File.ReadAllText(_temp.File("copy.db")));

        var forced = await Rag.JsonAsync(_temp.Path, null, "backup", "copy.db", "--db", Db, "--force");
        Assert.Equal(1, forced.GetProperty("documents").GetInt64());
        Assert.Equal(1, SqliteFile.Scalar(_temp.File("copy.db"), "SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Backup_IntoAMissingFolder_ExitsOneNamingTheFolder()
    {
        _temp.WriteText("a.md", Rag.Markdown("gear hobbing"));
        await Rag.IngestAsync(_temp.Path, Db, "a.md");

        var result = await RagProcess.RunAsync(["backup", "no-such-folder/copy.db", "--db", Db], _temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"folder {_temp.File("no-such-folder")} does not exist", result.Stderr);
        Assert.False(Directory.Exists(_temp.File("no-such-folder")));
    }

    [Fact]
    public async Task Backup_IntoAReadOnlyFolder_ExitsOneSayingNotWritable()
    {
        if (OperatingSystem.IsWindows()) return;
        _temp.WriteText("a.md", Rag.Markdown("gear hobbing"));
        await Rag.IngestAsync(_temp.Path, Db, "a.md");
        var folder = Directory.CreateDirectory(_temp.File("locked")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        RagResult result;
        try
        {
            result = await RagProcess.RunAsync(["backup", "locked/copy.db", "--db", Db], _temp.Path);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(_temp.File("locked/copy.db"), result.Stderr);
        Assert.Contains("not writable", result.Stderr);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Backup_OfAMissingDatabase_ExitsOneAndCreatesNothing()
    {
        var result = await RagProcess.RunAsync(["backup", "copy.db", "--db", Db], _temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"database file {Db} does not exist", result.Stderr);
        Assert.False(File.Exists(Db));
        Assert.False(File.Exists(_temp.File("copy.db")));
    }

    /// <summary>A document with a word of its own (marker3tooling), so a search tells which documents a copy holds.</summary>
    private static string Doc(int i) =>
        $"# Fixture {i}\n\nFixture {i} holds the part during marker{i}tooling. The operator checks clamp {i} before each shift.\n";
}
