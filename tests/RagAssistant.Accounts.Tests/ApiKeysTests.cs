using RagAssistant.Core.Access;
using RagAssistant.Testing;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>API keys: shown once, stored only as a hash, working while the key is neither revoked nor expired and its user is enabled.</summary>
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
    public async Task CreatedKey_VerifiesAsItsUser()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;

        Assert.StartsWith(ApiKeys.KeyPrefix, key);
        Assert.Equal("wang", (await Keys.VerifyAsync(key))?.UserName);
    }

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

    [Fact]
    public async Task RevokedKey_NoLongerVerifies()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        var id = Assert.Single(await Keys.ListAsync("wang")).Id;

        Assert.True(await Keys.RevokeAsync(id, Actor));

        Assert.Null(await Keys.VerifyAsync(key));
        Assert.False(await Keys.RevokeAsync(id, Actor)); // already revoked
        Assert.NotNull(Assert.Single(await Keys.ListAsync("wang")).RevokedAt);
    }

    [Fact]
    public async Task RevokingSomeoneElsesKey_AsTheirOwner_IsRefused()
    {
        await Keys.CreateAsync("wang", "laptop", Actor);
        var id = Assert.Single(await Keys.ListAsync("wang")).Id;

        Assert.False(await Keys.RevokeAsync(id, "mes", ownerOnly: "mes"));
        Assert.True(await Keys.RevokeAsync(id, "wang", ownerOnly: "wang"));
    }

    [Fact]
    public async Task KeyOfADisabledUser_DoesNotVerify_UntilTheyAreEnabled()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;

        await _kb.Users.DisableAsync("wang", Actor);
        Assert.Null(await Keys.VerifyAsync(key));

        await _kb.Users.EnableAsync("wang", Actor);
        Assert.NotNull(await Keys.VerifyAsync(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("rag_")]
    [InlineData("rag_not-a-key")]
    [InlineData("Bearer rag_abc")]
    [InlineData("correct-horse-battery")]
    public async Task GarbageKey_VerifiesAsNobody(string presented)
    {
        await Keys.CreateAsync("wang", "laptop", Actor);

        Assert.Null(await Keys.VerifyAsync(presented));
    }

    [Fact]
    public async Task OverLongKey_VerifiesAsNobody()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;

        Assert.Null(await Keys.VerifyAsync(key + new string('a', 300)));
        Assert.Null(await Keys.VerifyAsync(key + "x"));
    }

    [Fact]
    public async Task Keys_AreListedPerUser_WithoutTheKey()
    {
        var first = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        await Keys.CreateAsync("wang", "  ", Actor);
        await Keys.CreateAsync("mes", "MES line 2", Actor);

        var wangs = await Keys.ListAsync("WANG");

        Assert.Equal([("wang", "laptop"), ("wang", "key")], wangs.Select(k => (k.UserName, k.Name)));
        Assert.Equal(first[..(ApiKeys.KeyPrefix.Length + 6)], wangs[0].Prefix);
        Assert.Equal(["MES line 2"], (await Keys.ListAsync("mes")).Select(k => k.Name));
        Assert.Equal(3, (await Keys.ListAsync()).Count);
        Assert.Equal(2, (await _kb.Users.ListAsync()).Single(u => u.UserName == "wang").ApiKeys);
    }

    [Fact]
    public async Task KeyForAnUnknownUser_IsRefused()
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Keys.CreateAsync("ghost", "laptop", Actor));

        Assert.Contains("'ghost' does not exist", error.Message);
        Assert.Equal((AccountProblem.NoSuchUser, "ghost"), (error.Problem, error.Name));
    }

    [Fact]
    public async Task VerifiedKey_RecordsWhenItWasUsed()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        Assert.Null(Assert.Single(await Keys.ListAsync("wang")).LastUsedAt);

        await Keys.VerifyAsync(key);

        Assert.NotNull(Assert.Single(await Keys.ListAsync("wang")).LastUsedAt);
    }

    [Fact]
    public async Task NewKey_WorksForApiKeyDays_ThenIsRefusedSayingItExpired()
    {
        var clock = new ManualTimeProvider();
        await using var kb = await CreateAsync(new Dictionary<string, string?> { ["Rag:Accounts:ApiKeyDays"] = "30" }, withDocuments: false, clock: clock);
        await kb.Users.AddAsync("mes", Roles.Reader, Password, Actor);
        var created = await kb.Keys.CreateAsync("mes", "MES line 2", Actor);
        Assert.Equal(clock.GetUtcNow().AddDays(30), created.ExpiresAt);
        Assert.Equal(created.ExpiresAt, Assert.Single(await kb.Keys.ListAsync("mes")).ExpiresAt);

        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal("mes", (await kb.Keys.CheckAsync(created.Key)).User?.UserName);
        clock.Advance(TimeSpan.FromSeconds(1));

        var check = await kb.Keys.CheckAsync(created.Key);
        Assert.Null(check.User);
        Assert.Equal($"the API key 'MES line 2' ({created.Key[..10]}…) expired on {created.ExpiresAt:yyyy-MM-dd}; ask an administrator for a new one", check.Refusal);
        Assert.Equal(0, (await kb.Users.ListAsync()).Single(u => u.UserName == "mes").ApiKeys); // only working keys count
    }

    [Fact]
    public async Task Key_MayBeGivenItsOwnDays_WithinTenYears()
    {
        var created = await Keys.CreateAsync("wang", "laptop", Actor, days: 7);

        Assert.InRange(created.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        var error = await Assert.ThrowsAsync<AccountException>(() => Keys.CreateAsync("wang", "x", Actor, days: 0));
        Assert.Contains("1 to 3650 days", error.Message);
        Assert.Equal((AccountProblem.KeyDaysOutOfRange, "0", ApiKeys.MaxDays), (error.Problem, error.Name, error.Limit));
        await Assert.ThrowsAsync<AccountException>(() => Keys.CreateAsync("wang", "x", Actor, days: ApiKeys.MaxDays + 1));
    }

    [Fact]
    public async Task UnknownKey_IsRefusedWithTheSameReasonAsARevokedOne()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        await Keys.RevokeAsync(Assert.Single(await Keys.ListAsync("wang")).Id, Actor);

        Assert.Equal(ApiKeys.UnknownKey, (await Keys.CheckAsync(key)).Refusal);
        Assert.Equal(ApiKeys.UnknownKey, (await Keys.CheckAsync("rag_not-a-key")).Refusal);
    }
}
