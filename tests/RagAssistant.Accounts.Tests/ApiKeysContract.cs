using RagAssistant.Core.Access;
using RagAssistant.Testing;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>API keys, on both engines: shown once, stored only as a hash, working while the key is neither revoked nor expired and its user is enabled.</summary>
public abstract class ApiKeysContract : AccountsContract
{
    private ApiKeys Keys => Kb.Keys;

    protected override async Task SeedAsync()
    {
        await Kb.Users.AddAsync("wang", Roles.Reader, Password, Actor);
        await Kb.Users.AddAsync("mes", Roles.Reader, Password, Actor);
    }
    [SkippableFact]
    public async Task CreatedKey_VerifiesAsItsUser()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;

        Assert.StartsWith(ApiKeys.KeyPrefix, key);
        Assert.Equal("wang", (await Keys.VerifyAsync(key))?.UserName);
    }

    [SkippableFact]
    public async Task RevokedKey_NoLongerVerifies()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        var id = Assert.Single(await Keys.ListAsync("wang")).Id;

        Assert.True(await Keys.RevokeAsync(id, Actor));

        Assert.Null(await Keys.VerifyAsync(key));
        Assert.False(await Keys.RevokeAsync(id, Actor)); // already revoked
        Assert.NotNull(Assert.Single(await Keys.ListAsync("wang")).RevokedAt);
    }

    [SkippableFact]
    public async Task RevokingSomeoneElsesKey_AsTheirOwner_IsRefused()
    {
        await Keys.CreateAsync("wang", "laptop", Actor);
        var id = Assert.Single(await Keys.ListAsync("wang")).Id;

        Assert.False(await Keys.RevokeAsync(id, "mes", ownerOnly: "mes"));
        Assert.True(await Keys.RevokeAsync(id, "wang", ownerOnly: "wang"));
    }

    [SkippableFact]
    public async Task KeyOfADisabledUser_DoesNotVerify_UntilTheyAreEnabled()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;

        await Kb.Users.DisableAsync("wang", Actor);
        Assert.Null(await Keys.VerifyAsync(key));

        await Kb.Users.EnableAsync("wang", Actor);
        Assert.NotNull(await Keys.VerifyAsync(key));
    }

    [SkippableTheory]
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

    [SkippableFact]
    public async Task OverLongKey_VerifiesAsNobody()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;

        Assert.Null(await Keys.VerifyAsync(key + new string('a', 300)));
        Assert.Null(await Keys.VerifyAsync(key + "x"));
    }

    [SkippableFact]
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
        Assert.Equal(2, (await Kb.Users.ListAsync()).Single(u => u.UserName == "wang").ApiKeys);
    }

    [SkippableFact]
    public async Task KeyForAnUnknownUser_IsRefused()
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Keys.CreateAsync("ghost", "laptop", Actor));

        Assert.Contains("'ghost' does not exist", error.Message);
        Assert.Equal((AccountProblem.NoSuchUser, "ghost"), (error.Problem, error.Name));
    }

    [SkippableFact]
    public async Task VerifiedKey_RecordsWhenItWasUsed()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        Assert.Null(Assert.Single(await Keys.ListAsync("wang")).LastUsedAt);

        await Keys.VerifyAsync(key);

        Assert.NotNull(Assert.Single(await Keys.ListAsync("wang")).LastUsedAt);
    }

    [SkippableFact]
    public async Task NewKey_WorksForApiKeyDays_ThenIsRefusedSayingItExpired()
    {
        var clock = new ManualTimeProvider();
        await using var kb = await CreatePlantAsync(new Dictionary<string, string?> { ["Rag:Accounts:ApiKeyDays"] = "30" }, clock);
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

    [SkippableFact]
    public async Task Key_MayBeGivenItsOwnDays_WithinTenYears()
    {
        var created = await Keys.CreateAsync("wang", "laptop", Actor, days: 7);

        Assert.InRange(created.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        var error = await Assert.ThrowsAsync<AccountException>(() => Keys.CreateAsync("wang", "x", Actor, days: 0));
        Assert.Contains("1 to 3650 days", error.Message);
        Assert.Equal((AccountProblem.KeyDaysOutOfRange, "0", ApiKeys.MaxDays), (error.Problem, error.Name, error.Limit));
        await Assert.ThrowsAsync<AccountException>(() => Keys.CreateAsync("wang", "x", Actor, days: ApiKeys.MaxDays + 1));
    }

    [SkippableFact]
    public async Task UnknownKey_IsRefusedWithTheSameReasonAsARevokedOne()
    {
        var key = (await Keys.CreateAsync("wang", "laptop", Actor)).Key;
        await Keys.RevokeAsync(Assert.Single(await Keys.ListAsync("wang")).Id, Actor);

        Assert.Equal(ApiKeys.UnknownKey, (await Keys.CheckAsync(key)).Refusal);
        Assert.Equal(ApiKeys.UnknownKey, (await Keys.CheckAsync("rag_not-a-key")).Refusal);
    }
}

public sealed class SqliteApiKeysContract : ApiKeysContract
{
    protected override bool OnPostgres => false;
}

public sealed class PostgresApiKeysContract : ApiKeysContract
{
    protected override bool OnPostgres => true;
}
