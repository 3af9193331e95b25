using System.Globalization;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// Two libraries, each with one small document, and a reader granted only line-a (plus a disabled user), set up once
/// for <see cref="UserScopeTests"/>.
/// </summary>
public sealed class TwoLibrariesFixture : IAsyncLifetime
{
    public AccountsDb Kb { get; } = new();

    public long LineADocument { get; private set; }

    public long LineBDocument { get; private set; }

    public async Task InitializeAsync()
    {
        Kb.Temp.WriteText("a.md", Rag.Markdown("spindle lubrication"));
        Kb.Temp.WriteText("b.md", Rag.Markdown("coolant filtration"));
        await Kb.OkAsync("ingest", "a.md", "--library", "line-a");
        await Kb.OkAsync("ingest", "b.md", "--library", "line-b");
        var list = await Kb.JsonAsync("docs", "list");
        LineADocument = Rag.Document(list, "a.md").Id();
        LineBDocument = Rag.Document(list, "b.md").Id();
        await Kb.OkAsync("users", "add", "rita");
        await Kb.OkAsync("libraries", "grant", "line-a", "--user", "rita");
        await Kb.OkAsync("users", "add", "gone");
        await Kb.OkAsync("libraries", "grant", "line-a", "--user", "gone");
        await Kb.OkAsync("users", "disable", "gone");
    }

    public Task DisposeAsync()
    {
        Kb.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary><c>--user NAME</c> on search, ask and docs: the command sees only the libraries granted to that user.</summary>
public sealed class UserScopeTests(TwoLibrariesFixture fixture) : IClassFixture<TwoLibrariesFixture>
{
    private AccountsDb Kb => fixture.Kb;

    [Fact]
    public async Task DocsList_AsReader_ShowsOnlyTheGrantedLibrary()
    {
        var list = await Kb.JsonAsync("docs", "list", "--user", "rita");

        var document = Assert.Single(Rag.Documents(list));
        Assert.Equal("line-a", document.GetProperty("library").GetString());
        Assert.Empty(Rag.Documents(await Kb.JsonAsync("docs", "list", "--user", "rita", "--library", "line-b")));
    }

    [Fact]
    public async Task WithoutUser_TheLocalOperatorSeesEveryLibrary()
    {
        var list = await Kb.JsonAsync("docs", "list");

        Assert.Equal(["line-a", "line-b"], Rag.Documents(list).Select(d => d.GetProperty("library").GetString()).Order());
        var results = (await Kb.JsonAsync("search", "coolant filtration")).GetProperty("results").EnumerateArray();
        Assert.Contains(results, r => r.GetProperty("source").GetString() == "b.md");
    }

    [Fact]
    public async Task Search_AsReader_ReturnsNoChunkFromAnotherLibrary()
    {
        var results = (await Kb.JsonAsync("search", "coolant filtration", "--user", "rita")).GetProperty("results").EnumerateArray().ToList();

        Assert.DoesNotContain(results, r => r.GetProperty("source").GetString() == "b.md");
        // Asking for the other library by name does not widen the scope either.
        var chosen = await Kb.JsonAsync("search", "coolant filtration", "--user", "rita", "--library", "line-b");
        Assert.Empty(chosen.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task Ask_AsReader_CitesNothingFromAnotherLibrary()
    {
        var answer = await Kb.JsonAsync("ask", "How is coolant filtration checked?", "--user", "rita");

        foreach (var citation in answer.GetProperty("citations").EnumerateArray())
        {
            Assert.NotEqual(fixture.LineBDocument, citation.GetProperty("documentId").GetInt64());
            Assert.NotEqual("b.md", citation.GetProperty("source").GetString());
        }
        Assert.DoesNotContain("coolant", answer.GetProperty("answer").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DocsShow_OfAnotherLibrarysDocument_IsNotFound()
    {
        var id = fixture.LineBDocument.ToString(CultureInfo.InvariantCulture);

        var result = await Kb.RunAsync("docs", "show", id, "--user", "rita", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"no document with id {id}", result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
        var own = await Kb.JsonAsync("docs", "show", fixture.LineADocument.ToString(CultureInfo.InvariantCulture), "--user", "rita");
        Assert.Equal("a.md", own.GetProperty("document").GetProperty("source").GetString());
    }

    [Fact]
    public async Task DocsDelete_AsReader_IsRefusedAndKeepsTheDocument()
    {
        var result = await Kb.RunAsync("docs", "delete", fixture.LineADocument.ToString(CultureInfo.InvariantCulture), "--user", "rita");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("rita", result.Stderr);
        Assert.True(Rag.HasDocument(await Kb.JsonAsync("docs", "list"), "a.md"));
    }

    [Theory]
    [InlineData("docs", "list")]
    [InlineData("search", "coolant")]
    [InlineData("ask", "coolant?")]
    public async Task UnknownUser_FailsClearly(params string[] command)
    {
        var result = await Kb.RunAsync([.. command, "--user", "nobody", "--json"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("user 'nobody' does not exist", result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
    }

    [Fact]
    public async Task DisabledUser_FailsClearly()
    {
        var result = await Kb.RunAsync("docs", "list", "--user", "gone", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("user 'gone' is disabled", result.Stderr);
    }

}
