using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Storage.Postgres;
using RagAssistant.Testing;
using RagAssistant.Web.Accounts;

namespace RagAssistant.Web.Tests.Accounts;

/// <summary>Data-protection keys in the PostgreSQL knowledge base: what one app instance protects (a sign-in cookie), another reads.</summary>
public sealed class SharedDataProtectionTests
{
    // The purpose ASP.NET's cookie authentication protects the Identity cookie under.
    private static readonly string[] CookiePurpose =
        ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"];

    [SkippableFact]
    public async Task TwoInstancesOnOneDatabase_UnprotectEachOthersPayloads()
    {
        var connectionString = await SharedPostgres.NewDatabaseAsync();
        await using var first = Instance(connectionString);
        await using var second = Instance(connectionString);
        var a = first.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose[0], CookiePurpose[1..]);
        var b = second.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose[0], CookiePurpose[1..]);

        var fromFirst = a.Protect("王工 signed in on instance 1");
        Assert.Equal("王工 signed in on instance 1", b.Unprotect(fromFirst));
        Assert.Equal("signed in on instance 2", a.Unprotect(b.Protect("signed in on instance 2")));

        // One key ring for both, kept in the database rather than in either instance's profile folder.
        Assert.Single(first.GetRequiredService<PostgresXmlRepository>().GetAllElements());
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
            second.GetRequiredService<IDataProtectionProvider>().CreateProtector("another purpose").Unprotect(fromFirst));
    }

    [Fact]
    public void OnSqlite_TheFrameworksOwnKeyFolderIsKept()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddRagSharedDataProtection(configuration);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(PostgresXmlRepository));
    }

    private static ServiceProvider Instance(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rag:Storage:Provider"] = "postgres",
            ["Rag:Storage:ConnectionString"] = connectionString,
        }).Build();
        return new ServiceCollection().AddLogging().AddRagPostgresStorage(configuration).AddRagSharedDataProtection(configuration).BuildServiceProvider();
    }
}
