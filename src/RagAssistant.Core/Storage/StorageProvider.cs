using Microsoft.Extensions.Configuration;

namespace RagAssistant.Core.Storage;

/// <summary>
/// Which database keeps the knowledge base: <c>Rag:Storage:Provider</c> = <c>sqlite</c> (the embedded default, a file)
/// or <c>postgres</c> (a server several app instances share, reached by <c>Rag:Storage:ConnectionString</c>). The CLI
/// and the web app read it the same way.
/// </summary>
public static class StorageProvider
{
    public const string Key = "Rag:Storage:Provider";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The configured provider in lower case (<see cref="Sqlite"/> when unset); any other value is a clear error naming the setting.</summary>
    public static string Read(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value)) return Sqlite;
        var provider = value.Trim().ToLowerInvariant();
        return provider is Sqlite or Postgres
            ? provider
            : throw new KnowledgeBaseException($"{Key} is '{value}'; use '{Sqlite}' (a file, the default) or '{Postgres}' (with {Key[..^"Provider".Length]}ConnectionString)");
    }

    public static bool IsPostgres(IConfiguration configuration) => Read(configuration) == Postgres;
}
