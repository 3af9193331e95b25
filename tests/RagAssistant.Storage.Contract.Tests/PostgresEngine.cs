using Microsoft.Extensions.Options;
using Npgsql;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Storage.Postgres;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>A fresh database on the test process's PostgreSQL cluster (<see cref="SharedPostgres"/>); skips where none can start.</summary>
public sealed class PostgresEngine : IStoreEngine
{
    public static async Task<KnowledgeBase> CreateAsync() => new PostgresKnowledgeBase(await SharedPostgres.NewDatabaseAsync(), keepOriginals: true);

    private sealed class PostgresKnowledgeBase : KnowledgeBase
    {
        private readonly string _connectionString;
        private readonly PostgresDatabase _database;

        public PostgresKnowledgeBase(string connectionString, bool keepOriginals)
        {
            _connectionString = connectionString;
            _database = new PostgresDatabase(connectionString);
            Documents = new PostgresDocumentStore(_database, new IdentitySegmenter(), Options.Create(new PostgresStorageOptions { ConnectionString = connectionString, KeepOriginals = keepOriginals }));
            Search = new PostgresChunkSearch(_database);
            Vectors = new PostgresChunkVectorStore(_database);
        }

        public override IDocumentStore Documents { get; }
        public override IChunkSearch Search { get; }
        public override IChunkVectorStore Vectors { get; }

        public override KnowledgeBase Another(bool keepOriginals = true) => new PostgresKnowledgeBase(_connectionString, keepOriginals);

        public override async Task<long> CountAsync(string sql)
        {
            await using var connection = await _database.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public override async Task ExecuteAsync(string sql)
        {
            await using var connection = await _database.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public override ValueTask DisposeAsync() => _database.DisposeAsync();
    }
}
