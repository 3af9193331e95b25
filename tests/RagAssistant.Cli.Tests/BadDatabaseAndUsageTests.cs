namespace RagAssistant.Cli.Tests;

/// <summary>A --db file that is not SQLite or is read-only (exit 1), and bad usage (exit 2).</summary>
public sealed class BadDatabaseAndUsageTests : BadInputTestBase
{
    [Fact]
    public async Task Ingest_DatabaseFileThatIsNotSqlite_ExitsOneNamingTheFile()
    {
        const string text = "This is a text file, not a knowledge base.\n";
        Temp.WriteText("kb.db", text);
        Temp.WriteText("good.md", Rag.Markdown("gear hobbing"));

        var result = await RagProcess.RunAsync(["ingest", "good.md", "--db", Db, "--json"], Temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(Db, result.Stderr);
        Assert.Contains("not a SQLite database", result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
        Assert.Equal(text, File.ReadAllText(Db)); // the user's file is left as it was
    }

    [Fact]
    public async Task Ingest_ReadOnlyDatabaseFile_ExitsOneSayingReadOnly()
    {
        Temp.WriteText("first.md", Rag.Markdown("first article inspection"));
        var first = Rag.FileResult(await Rag.IngestAsync(Temp.Path, Db, "first.md"), "first.md");
        Temp.WriteText("second.md", Rag.Markdown("second shift handover"));
        SetReadOnly(Db, true); // chmod 0444

        RagResult result;
        try
        {
            result = await RagProcess.RunAsync(["ingest", "second.md", "--db", Db, "--json"], Temp.Path);
        }
        finally
        {
            SetReadOnly(Db, false);
        }

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("read-only", result.Stderr);
        Assert.Contains(Db, result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
        var list = await Rag.ListAsync(Temp.Path, Db);
        Assert.Equal(first.Chunks(), Rag.Document(list, "first.md").Chunks());
        Assert.False(Rag.HasDocument(list, "second.md"));
    }

    private static void SetReadOnly(string path, bool readOnly)
    {
        if (OperatingSystem.IsWindows())
            File.SetAttributes(path, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
        else
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                                       | (readOnly ? UnixFileMode.None : UnixFileMode.UserWrite));
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("frobnicate")]
    [InlineData("ingest good.md --frobnicate")]
    [InlineData("docs show")]
    [InlineData("docs show not-a-number")]
    public async Task BadUsage_ExitsTwoWithMessageOnStderr(string commandLine)
    {
        Temp.WriteText("good.md", Rag.Markdown("bad usage"));

        var result = await RagProcess.RunAsync([.. commandLine.Split(' '), "--db", Db], Temp.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(string.IsNullOrWhiteSpace(result.Stderr), "no message on stderr");
        Assert.Equal("", result.Stdout.Trim());
    }
}
