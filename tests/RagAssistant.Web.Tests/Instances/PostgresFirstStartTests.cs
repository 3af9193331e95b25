using RagAssistant.Testing;
using RagAssistant.Web.Tests.Hosting;

namespace RagAssistant.Web.Tests.Instances;

/// <summary>The web app's first start on an empty PostgreSQL knowledge base, as an operator runs it.</summary>
public sealed class PostgresFirstStartTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [SkippableFact]
    public async Task WithoutAnInitialAdministratorPassword_TheAppStopsNamingTheSetting()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Rag__Storage__Provider"] = "postgres",
            ["Rag__Storage__ConnectionString"] = connectionString,
            ["Rag__Web__SampleCorpus"] = "",
        };

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => WebAppProcess.StartAsync(_folder.Path, settings));

        Assert.Contains("Rag:Accounts:InitialAdminPassword", failed.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories)); // no SQLite file, no password file
    }

    public void Dispose() => _folder.Dispose();
}
