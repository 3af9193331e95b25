using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RagAssistant.Core.Access;
using RagAssistant.Core.Storage;
using RagAssistant.Testing;
using static RagAssistant.Accounts.Tests.PlantKnowledgeBase;

namespace RagAssistant.Accounts.Tests;

/// <summary>What only accounts on PostgreSQL show: instances sharing one database, the first administrator, errors.</summary>
public sealed class PostgresAccountsTests
{
    [SkippableFact]
    public async Task InstancesStartingTogether_CreateTheAccountTablesOnce_AndSeeEachOthersUsers()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        await using var kb = await CreateAsync(withDocuments: false, postgres: connectionString);
        var instances = new[] { kb.Services, kb.OpenAnother(), kb.OpenAnother(), kb.OpenAnother() };

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.GetRequiredService<AccountsSchema>().EnsureAsync())));

        Assert.Equal(3L, await ScalarAsync(connectionString, "SELECT count(*) FROM \"AspNetRoles\""));
        Assert.Equal((long)AccountsSchema.Version, await ScalarAsync(connectionString, "SELECT max(version) FROM account_schema"));
        await instances[1].GetRequiredService<UserAccounts>().AddAsync("王工", Roles.Editor, Password, Actor);
        Assert.Equal(Roles.Editor, Assert.Single(await instances[3].GetRequiredService<UserAccounts>().ListAsync()).Role);
    }

    [SkippableFact]
    public async Task FirstAdministrator_NeedsAConfiguredPassword_SinceThereIsNoFileBesideTheDatabase()
    {
        await using (var kb = await CreateAsync(withDocuments: false, postgres: await SharedPostgres.NewDatabaseAsync()))
        {
            Assert.Null(kb.FirstAdministrator.PasswordFilePath);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => kb.FirstAdministrator.EnsureAsync());
            Assert.Contains("Rag:Accounts:InitialAdminPassword", error.Message);
            Assert.Equal(0, await kb.Users.CountAsync());
        }

        var settings = new Dictionary<string, string?> { ["Rag:Accounts:InitialAdminPassword"] = Password };
        await using var configured = await CreateAsync(settings, withDocuments: false, postgres: await SharedPostgres.NewDatabaseAsync());
        var created = await configured.FirstAdministrator.EnsureAsync();
        Assert.Equal(("admin", Password, (string?)null), (created!.UserName, created.Password, created.PasswordFile));
        Assert.Null(await configured.FirstAdministrator.EnsureAsync());
    }

    [SkippableFact]
    public async Task UnreachableServer_IsAClearError_NamingTheDatabase()
    {
        SharedPostgres.SkipUnlessAvailable();
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        await using var kb = await CreateAsync(withDocuments: false, postgres: "Host=127.0.0.1;Port=1;Database=plant_accounts;Username=rag;Password=s3cret-pw;Timeout=3");

        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => kb.Users.CountAsync());

        Assert.Contains("cannot reach PostgreSQL database plant_accounts on 127.0.0.1:1", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
