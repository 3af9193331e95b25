using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Access;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>The account tables join an existing knowledge-base file without touching its documents, once.</summary>
public sealed class AccountsSchemaTests
{
    private const string CountAccountTables =
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND (name LIKE 'AspNet%' OR name LIKE 'account\\_%' ESCAPE '\\')";

    [Fact]
    public async Task KnowledgeBaseFromBeforeAccounts_GainsTheTables_AndKeepsItsDocuments()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        var before = kb.OpenAnother(withAccounts: false);
        var card = await kb.IngestAsync(LineA, "JD-2105-0318_输出轴工艺卡.md", "# JD-2105-0318 输出轴\n\n| 工序号 | 工序名称 |\n|---|---|\n| 60 | 精车外圆 |\n", before);
        Assert.Equal(0L, await kb.QueryFileAsync(CountAccountTables));

        await kb.Services.GetRequiredService<AccountsSchema>().EnsureAsync();

        Assert.Equal(12L, await kb.QueryFileAsync(CountAccountTables)); // 7 Identity tables + libraries, grants, keys, audit, schema version
        Assert.Equal([card], (await kb.KnowledgeBase.ListDocumentsAsync(AccessScope.LocalOperator)).Select(d => d.Id));
        Assert.NotEmpty(await kb.KnowledgeBase.GetChunksAsync(AccessScope.LocalOperator, card));
        Assert.Equal([(LineA, 1)], (await kb.Libraries.ListAsync()).Select(l => (l.Name, l.Documents)));
        await kb.Users.AddAsync("wang", Roles.Reader, Password, Actor);
        Assert.Equal(3L, await kb.QueryFileAsync("SELECT count(*) FROM AspNetRoles"));
    }

    [Fact]
    public async Task EnsureTables_CreatesTheTablesWithoutRoles_AndEnsureAddsThemAfter()
    {
        // rag migrate copies the source's roles with their ids: roles made by the target first would stand in their way.
        await using var kb = await CreateAsync(withDocuments: false);
        var schema = kb.Services.GetRequiredService<AccountsSchema>();

        await schema.EnsureTablesAsync();

        Assert.Equal(12L, await kb.QueryFileAsync(CountAccountTables));
        Assert.Equal(0L, await kb.QueryFileAsync("SELECT count(*) FROM AspNetRoles"));
        await schema.EnsureAsync();
        Assert.Equal(3L, await kb.QueryFileAsync("SELECT count(*) FROM AspNetRoles"));
    }

    [Fact]
    public async Task Ensure_IsIdempotentAcrossTwoCompositionsOnOneFile()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        var second = kb.OpenAnother();

        await kb.Services.GetRequiredService<AccountsSchema>().EnsureAsync();
        await kb.Users.AddAsync("wang", Roles.Reader, Password, Actor);
        await second.GetRequiredService<AccountsSchema>().EnsureAsync();
        await kb.Services.GetRequiredService<AccountsSchema>().EnsureAsync();

        Assert.Equal(["wang"], (await second.GetRequiredService<UserAccounts>().ListAsync()).Select(u => u.UserName));
        Assert.Equal(3L, await kb.QueryFileAsync("SELECT count(*) FROM AspNetRoles"));
    }

    [Fact]
    public async Task Ensure_FromTwoCompositionsAtOnce_CreatesTheTablesOnce()
    {
        // The web app and the rag command starting together on a new file.
        await using var kb = await CreateAsync(withDocuments: false);
        var second = kb.OpenAnother();

        await Task.WhenAll(
            Task.Run(() => kb.Services.GetRequiredService<AccountsSchema>().EnsureAsync()),
            Task.Run(() => second.GetRequiredService<AccountsSchema>().EnsureAsync()));

        Assert.Equal(3L, await kb.QueryFileAsync("SELECT count(*) FROM AspNetRoles"));
        await second.GetRequiredService<UserAccounts>().AddAsync("wang", Roles.Reader, Password, Actor);
        Assert.Equal(1, await kb.Users.CountAsync());
    }

    [Fact]
    public async Task KeysFromBeforeExpiry_ExpireApiKeyDaysAfterTheUpgrade_AndKeepWorkingUntilThen()
    {
        // A file whose account tables were made before keys expired: today's tables less the column and the version.
        await using var kb = await CreateAsync(withDocuments: false);
        await kb.Users.AddAsync("mes", Roles.Reader, Password, Actor);
        var key = (await kb.Keys.CreateAsync("mes", "MES line 2", Actor)).Key;
        await kb.ExecuteOnFileAsync("ALTER TABLE account_api_keys DROP COLUMN ExpiresAt; DROP TABLE account_schema;");
        var before = DateTimeOffset.UtcNow;

        var upgraded = kb.OpenAnother();
        await upgraded.GetRequiredService<AccountsSchema>().EnsureAsync();

        var expires = Assert.Single(await upgraded.GetRequiredService<ApiKeys>().ListAsync("mes")).ExpiresAt;
        Assert.InRange(expires, before.AddDays(365), DateTimeOffset.UtcNow.AddDays(365));
        Assert.Equal("mes", (await upgraded.GetRequiredService<ApiKeys>().VerifyAsync(key))?.UserName);
        Assert.Equal((long)AccountsMigrationsCount, await kb.QueryFileAsync("SELECT version FROM account_schema"));
    }

    [Fact]
    public async Task NewFile_IsRecordedAsUpToDate_AndEnsureRunsNoMigrationTwice()
    {
        await using var kb = await CreateAsync(withDocuments: false);
        await kb.Users.AddAsync("mes", Roles.Reader, Password, Actor);
        await kb.Keys.CreateAsync("mes", "MES line 2", Actor, days: 10);

        await kb.OpenAnother().GetRequiredService<AccountsSchema>().EnsureAsync();

        Assert.Equal((long)AccountsMigrationsCount, await kb.QueryFileAsync("SELECT version FROM account_schema"));
        Assert.Equal(1L, await kb.QueryFileAsync("SELECT count(*) FROM account_schema"));
        Assert.InRange(Assert.Single(await kb.Keys.ListAsync()).ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(9), TimeSpan.FromDays(10));
    }

    /// <summary>Steps in the accounts' migration list (one so far: API key expiry).</summary>
    private const int AccountsMigrationsCount = 1;
}
