using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using RagAssistant.Storage.Postgres;

namespace RagAssistant.Web.Accounts;

/// <summary>
/// ASP.NET data-protection keys in the PostgreSQL knowledge base (<c>data_protection_keys</c>), one row per key as the
/// framework writes it, so every app instance on that database protects and reads sign-in cookies and antiforgery
/// tokens with the same key ring.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous and called rarely (the key ring is cached and refreshed about once a
/// day, or when a key is made); waiting on the pooled async open is safe there: ASP.NET Core has no synchronization
/// context to deadlock on.
/// </remarks>
public sealed class PostgresXmlRepository(PostgresDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Run(database, connection =>
    {
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    });

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Run(database, connection =>
        {
            using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)friendlyName ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
            return command.ExecuteNonQuery();
        });
    }

    // An unreachable or refusing server fails in OpenAsync, which names the database and the reason.
    private static T Run<T>(PostgresDatabase database, Func<NpgsqlConnection, T> work)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return work(connection);
    }
}
