using RagAssistant.Core.Access;
using RagAssistant.Testing;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>
/// What API keys show on the SQLite file only: the key appears nowhere in the file, and a key reads its user's libraries
/// (documents). The rest is <see cref="ApiKeysContract"/>, on both engines.
/// </summary>
public sealed class ApiKeysTests : IAsyncLifetime
{
    private PlantKnowledgeBase _kb = null!;

    private ApiKeys Keys => _kb.Keys;

    public async Task InitializeAsync()
    {
        _kb = await CreateAsync(withDocuments: false);
        await _kb.Users.AddAsync("wang", Roles.Reader, Password, Actor);
        await _kb.Users.AddAsync("mes", Roles.Reader, Password, Actor);
    }

    public async Task DisposeAsync() => await _kb.DisposeAsync();

    [Fact]
    public async Task KeysUser_ReadsWhatTheUserMayRead()
    {
        await _kb.Libraries.GrantAsync(LineA, GrantSubject.User, "mes", GrantAccess.Read, Actor);
        var key = (await Keys.CreateAsync("mes", "MES line 2", Actor)).Key;

        var scope = await _kb.Access.ForUserIdAsync((await Keys.VerifyAsync(key))!.Id);

        Assert.Equal("mes", scope.User);
        Assert.Equal([LineA], scope.ReadableLibraries);
    }

    [Fact]
    public async Task OnlyTheHashIsStored_TheKeyAppearsNowhereInTheFile()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        var secret = key[ApiKeys.KeyPrefix.Length..];

        Assert.Equal(1L, await _kb.QueryFileAsync("SELECT count(*) FROM account_api_keys"));
        Assert.Equal(0L, await _kb.QueryFileAsync(
            $"SELECT count(*) FROM account_api_keys WHERE instr(Hash, '{secret}') OR instr(Prefix, '{secret}') OR instr(Name, '{secret}')"));
        Assert.Equal(0L, await _kb.QueryFileAsync($"SELECT count(*) FROM account_audit WHERE instr(coalesce(Detail, ''), '{secret}')"));
        Assert.Equal(64L, await _kb.QueryFileAsync("SELECT length(Hash) FROM account_api_keys")); // SHA-256, hex
        Assert.False(File.ReadAllBytes(_kb.DatabasePath).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)) >= 0);
    }
}
