using Microsoft.Extensions.Configuration;
using RagAssistant.Core.Storage;

namespace RagAssistant.Storage.Postgres.Tests;

public sealed class StorageProviderTests
{
    [Theory]
    [InlineData(null, "sqlite")]
    [InlineData(" ", "sqlite")]
    [InlineData("SQLite", "sqlite")]
    [InlineData("postgres", "postgres")]
    [InlineData(" Postgres ", "postgres")]
    public void Provider_IsReadInAnyCasing_SqliteByDefault(string? value, string expected) =>
        Assert.Equal(expected, StorageProvider.Read(Configuration(value)));

    [Fact]
    public void UnknownProvider_IsAClearError_NamingTheSettingAndTheChoices()
    {
        var error = Assert.Throws<KnowledgeBaseException>(() => StorageProvider.Read(Configuration("mysql")));

        Assert.Equal("Rag:Storage:Provider is 'mysql'; use 'sqlite' (a file, the default) or 'postgres' (with Rag:Storage:ConnectionString)", error.Message);
    }

    private static IConfiguration Configuration(string? provider) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageProvider.Key] = provider }).Build();
}
