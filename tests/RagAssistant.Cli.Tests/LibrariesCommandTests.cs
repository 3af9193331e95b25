namespace RagAssistant.Cli.Tests;

/// <summary><c>rag libraries …</c> and <c>rag audit</c> on a fresh knowledge base.</summary>
public sealed class LibrariesCommandTests : IDisposable
{
    private readonly AccountsDb _kb = new();

    [Fact]
    public async Task GrantAndRevoke_AreReflectedInList_AndAuditedAsLocal()
    {
        await _kb.OkAsync("users", "add", "alice");
        await _kb.OkAsync("libraries", "add", "line-a", "--description", "Assembly line A");
        await _kb.OkAsync("libraries", "grant", "line-a", "--user", "alice");
        await _kb.OkAsync("libraries", "grant", "line-a", "--role", "editor", "--write");

        var library = Assert.Single((await _kb.JsonAsync("libraries", "list")).GetProperty("libraries").EnumerateArray());
        Assert.Equal(["name", "description", "documents", "grants"], Rag.PropertyNames(library));
        Assert.Equal("line-a", library.GetProperty("name").GetString());
        Assert.Equal("Assembly line A", library.GetProperty("description").GetString());
        Assert.Equal(0, library.GetProperty("documents").GetInt32());
        var grants = library.GetProperty("grants").EnumerateArray()
            .Select(g => $"{g.GetProperty("subjectKind").GetString()} {g.GetProperty("subject").GetString()} {g.GetProperty("access").GetString()}").ToList();
        Assert.Equal(["role Editor write", "user alice read"], grants);

        await _kb.OkAsync("libraries", "revoke", "line-a", "--user", "alice");

        var after = Assert.Single((await _kb.JsonAsync("libraries", "list")).GetProperty("libraries").EnumerateArray());
        var left = Assert.Single(after.GetProperty("grants").EnumerateArray());
        Assert.Equal("Editor", left.GetProperty("subject").GetString());

        var audit = (await _kb.JsonAsync("audit", "--limit", "4")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["revoke", "grant", "grant", "library_add"], audit.Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit, e => Assert.Equal("local", e.GetProperty("actor").GetString()));
        Assert.All(audit, e => Assert.Equal("line-a", e.GetProperty("target").GetString()));
        Assert.Equal(["at", "actor", "action", "target", "detail", "address"], Rag.PropertyNames(audit[0]));
        var adds = (await _kb.JsonAsync("audit", "--action", "user_add")).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("alice", Assert.Single(adds).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Grant_NeedsExactlyOneOfUserAndRole()
    {
        var both = await _kb.RunAsync("libraries", "grant", "line-a", "--user", "alice", "--role", "reader");
        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("--user", both.Stderr);
        Assert.Contains("--role", both.Stderr);

        var neither = await _kb.RunAsync("libraries", "grant", "line-a");
        Assert.True(neither.ExitCode == 2, neither.ToString());
        Assert.Contains("--user NAME or --role ROLE", neither.Stderr);
    }

    [Fact]
    public async Task Grant_ToUnknownUser_FailsWithExit1()
    {
        var result = await _kb.RunAsync("libraries", "grant", "line-a", "--user", "ghost");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("user 'ghost' does not exist", result.Stderr);
    }

    [Fact]
    public async Task Revoke_WithoutSuchGrant_FailsWithExit1()
    {
        var result = await _kb.RunAsync("libraries", "revoke", "line-a", "--role", "reader");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no grant to role 'Reader'", result.Stderr);
    }

    public void Dispose() => _kb.Dispose();
}
