using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagAssistant.Core.Storage;

namespace RagAssistant.Cli;

/// <summary>
/// The commands that work on the SQLite file itself (<c>rag backup</c>, <c>restore</c>, <c>check</c>): on PostgreSQL
/// (<c>Rag:Storage:Provider</c> = <c>postgres</c>) their services are not registered, and they stop here with one line
/// pointing at the database's own tools, before resolving anything SQLite-only.
/// </summary>
internal static class SqliteOnly
{
    public static void Require(IServiceProvider services, string command, string tools)
    {
        if (StorageProvider.IsPostgres(services.GetRequiredService<IConfiguration>()))
            throw new CommandException(
                $"rag {command} is for the SQLite knowledge-base file, but {StorageProvider.Key} is '{StorageProvider.Postgres}': {tools}");
    }

    public const string BackupTools = "back up the PostgreSQL database with its own tools (pg_dump, restore with pg_restore)";
    public const string RestoreTools = "restore the PostgreSQL database with its own tools (pg_restore from a pg_dump backup)";
    public const string CheckTools = "check the PostgreSQL database with its own tools (e.g. amcheck, or a pg_dump that reads every row)";
}
