using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RagAssistant.Core.Search;
using RagAssistant.Core.Storage;
using RagAssistant.Core.Text;
using RagAssistant.Storage.Sqlite;
using RagAssistant.Testing;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>A fresh SQLite file in a temporary folder.</summary>
public sealed class SqliteEngine : IStoreEngine
{
    public static Task<KnowledgeBase> CreateAsync()
    {
        var folder = new TempDirectory();
        return Task.FromResult<KnowledgeBase>(new SqliteKnowledgeBase(folder.File("kb.db"), folder, keepOriginals: true));
    }

    private sealed class SqliteKnowledgeBase : KnowledgeBase
    {
        private readonly string _path;
        private readonly TempDirectory? _folder;
        private readonly SqliteDatabase _database;

        public SqliteKnowledgeBase(string path, TempDirectory? folder, bool keepOriginals)
        {
            (_path, _folder) = (path, folder);
            _database = new SqliteDatabase(path);
            Documents = new SqliteDocumentStore(_database, new IdentitySegmenter(), Options.Create(new SqliteStorageOptions { KeepOriginals = keepOriginals }));
            Search = new SqliteChunkSearch(_database);
            Vectors = new SqliteChunkVectorStore(_database);
        }

        public override IDocumentStore Documents { get; }
        public override IChunkSearch Search { get; }
        public override IChunkVectorStore Vectors { get; }

        public override KnowledgeBase Another(bool keepOriginals = true) => new SqliteKnowledgeBase(_path, null, keepOriginals);

        public override Task<long> CountAsync(string sql)
        {
            using var connection = _database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        public override Task ExecuteAsync(string sql)
        {
            using var connection = _database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            if (_folder is not null)
            {
                SqliteConnection.ClearAllPools();
                _folder.Dispose();
            }
            return ValueTask.CompletedTask;
        }
    }
}
