using System.Text.Json;

namespace RagAssistant.Cli.Tests;

/// <summary><c>rag users …</c>: accounts, roles, passwords and API keys on a fresh knowledge base.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly AccountsDb _kb = new();

    [Fact]
    public async Task Add_GeneratesAPassword_AndListShowsTheReader()
    {
        var added = await _kb.JsonAsync("users", "add", "alice");

        Assert.Equal(["userName", "role", "password"], Rag.PropertyNames(added));
        Assert.Equal("alice", added.GetProperty("userName").GetString());
        Assert.Equal("Reader", added.GetProperty("role").GetString());
        Assert.True(added.GetProperty("password").GetString()!.Length >= 10, added.ToString());
        var listed = await _kb.UserAsync("alice");
        Assert.Equal("Reader", listed.GetProperty("role").GetString());
        Assert.False(listed.GetProperty("disabled").GetBoolean());
        Assert.Equal(0, listed.GetProperty("apiKeys").GetInt32());
    }

    [Fact]
    public async Task Add_WithPasswordFile_UsesItsFirstLineTrimmed_AndDisableEnableRoleChangeTheUser()
    {
        var file = _kb.Temp.WriteText("pw.txt", "  correct horse battery  \nsecond line\n");

        var added = await _kb.JsonAsync("users", "add", "bob", "--role", "EDITOR", "--password-file", file);

        Assert.Equal("correct horse battery", added.GetProperty("password").GetString());
        Assert.Equal("Editor", added.GetProperty("role").GetString());
        await _kb.OkAsync("users", "disable", "bob");
        Assert.True((await _kb.UserAsync("bob")).GetProperty("disabled").GetBoolean());
        await _kb.OkAsync("users", "enable", "bob");
        Assert.False((await _kb.UserAsync("bob")).GetProperty("disabled").GetBoolean());
        await _kb.OkAsync("users", "role", "bob", "admin");
        Assert.Equal("Admin", (await _kb.UserAsync("bob")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task ResetPassword_PrintsANewGeneratedPassword()
    {
        var first = (await _kb.JsonAsync("users", "add", "carol")).GetProperty("password").GetString();

        var reset = await _kb.JsonAsync("users", "reset-password", "carol");

        Assert.Equal("carol", reset.GetProperty("userName").GetString());
        var second = reset.GetProperty("password").GetString();
        Assert.False(string.IsNullOrEmpty(second));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Add_ExistingUser_FailsWithExit1AndNamesTheUser()
    {
        await _kb.OkAsync("users", "add", "dave");

        var again = await _kb.RunAsync("users", "add", "dave", "--json");

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("user 'dave' already exists", again.Stderr);
        Assert.Equal("", again.Stdout.Trim());
    }

    [Fact]
    public async Task UnknownRole_IsBadUsageNamingTheRole()
    {
        var add = await _kb.RunAsync("users", "add", "erin", "--role", "boss");
        Assert.True(add.ExitCode == 2, add.ToString());
        Assert.Contains("--role boss", add.Stderr);

        await _kb.OkAsync("users", "add", "erin");
        var role = await _kb.RunAsync("users", "role", "erin", "superuser");
        Assert.True(role.ExitCode == 2, role.ToString());
        Assert.Contains("superuser", role.Stderr);
    }

    [Fact]
    public async Task ChangingAnUnknownUser_FailsWithExit1()
    {
        var result = await _kb.RunAsync("users", "disable", "ghost");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("user 'ghost' does not exist", result.Stderr);
    }

    [Fact]
    public async Task Keys_CreateListRevoke()
    {
        await _kb.OkAsync("users", "add", "frank");

        var created = await _kb.JsonAsync("users", "key", "create", "frank", "--name", "mes-line-3");

        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("rag_", key);
        Assert.Equal("mes-line-3", created.GetProperty("name").GetString());
        var listed = Assert.Single((await _kb.JsonAsync("users", "key", "list", "frank")).GetProperty("keys").EnumerateArray());
        Assert.Equal("mes-line-3", listed.GetProperty("name").GetString());
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, key);
        Assert.DoesNotContain(key, listed.ToString()); // only the prefix is ever shown again
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.Equal(1, (await _kb.UserAsync("frank")).GetProperty("apiKeys").GetInt32());

        var id = listed.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _kb.OkAsync("users", "key", "revoke", id);

        var revoked = Assert.Single((await _kb.JsonAsync("users", "key", "list")).GetProperty("keys").EnumerateArray());
        Assert.Equal(JsonValueKind.String, revoked.GetProperty("revokedAt").ValueKind);
        var again = await _kb.RunAsync("users", "key", "revoke", id);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains($"no active API key with id {id}", again.Stderr);
    }

    [Fact]
    public async Task Keys_ExpireAfterAYearByDefault_OrAfterTheDaysGiven_AndListShowsWhen()
    {
        await _kb.OkAsync("users", "add", "frank");

        var yearly = await _kb.JsonAsync("users", "key", "create", "frank", "--name", "mes-line-3");
        var weekly = await _kb.JsonAsync("users", "key", "create", "frank", "--name", "script", "--expires-days", "7");

        Assert.InRange(yearly.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(364), TimeSpan.FromDays(365));
        Assert.InRange(weekly.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(6), TimeSpan.FromDays(7));
        var listed = (await _kb.JsonAsync("users", "key", "list", "frank")).GetProperty("keys").EnumerateArray()
            .ToDictionary(k => k.GetProperty("name").GetString()!, k => k.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(weekly.GetProperty("expiresAt").GetDateTimeOffset(), listed["script"], TimeSpan.FromMilliseconds(1));
        Assert.Contains("EXPIRES", (await _kb.OkAsync("users", "key", "list")).Stdout);

        var refused = await _kb.RunAsync("users", "key", "create", "frank", "--expires-days", "0");
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--expires-days must be between 1 and 3650", refused.Stderr);
    }

    public void Dispose() => _kb.Dispose();
}
