using RagAssistant.Core.Search;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// Two app instances on one knowledge base write at the same time: nothing is lost, revision marks and the index change
/// log stay whole, and an in-memory index that follows the log sees every chunk.
/// </summary>
public abstract class ConcurrentWritersContract<TEngine> : StoreContract<TEngine> where TEngine : IStoreEngine
{
    private const string Model = "m";
    private const int PerWriter = 15;

    [SkippableFact]
    public async Task TwoInstancesSavingInParallel_LoseNothing()
    {
        var first = await OpenAsync();
        var second = Keep(first.Another());
        var start = await first.Search.ReadVectorsAsync(Model, _ => { });

        // Each writer saves its own documents and, in between, a revision of one shared identity.
        async Task WriteAsync(Core.Storage.IDocumentStore store, string writer)
        {
            for (var i = 0; i < PerWriter; i++)
            {
                await store.SaveAsync(Doc($"{writer}/{i}.md", sha: $"{writer}{i}"), Embedded(Model, $"{writer} part {i}", $"shared word {i}"));
                await store.SaveAsync(Doc($"{writer}/wi-{i}.md", "WI-7", $"{writer}{i:D2}", sha: $"{writer}wi{i}"), Chunks("revision"));
            }
        }
        await Task.WhenAll(Task.Run(() => WriteAsync(first.Documents, "a")), Task.Run(() => WriteAsync(second.Documents, "b")));

        var documents = await first.Documents.ListAsync();
        Assert.Equal(4 * PerWriter, documents.Count);
        Assert.All(documents, d => Assert.Equal(d.Source.Contains("wi-", StringComparison.Ordinal) ? 1 : 2, d.Chunks));
        // One revision of the shared identity is current: the newest mark, whoever wrote it last.
        var revisions = documents.Where(d => d.Identity == "WI-7").ToList();
        Assert.Equal([$"b{PerWriter - 1:D2}"], revisions.Where(d => !d.Superseded).Select(d => d.Revision));
        Assert.Equal(2 * PerWriter, (await second.Search.KeywordSearchAsync("\"shared\"", SearchFilter.None, 1000)).Count);

        // The change log, read in small pages, brings an index from before the writes to every chunk now stored.
        var seen = new HashSet<long>();
        var position = start;
        while (true)
        {
            var changes = await second.Search.ReadIndexChangesAsync(Model, position, 7);
            Assert.False(changes.ReloadAll, changes.Reason);
            foreach (var upsert in changes.Upserts) seen.Add(upsert.ChunkId);
            position = changes.Seq;
            if (!changes.More) break;
        }
        var stored = (await first.Search.ReadVectorsAsync(Model)).Select(v => v.ChunkId).ToHashSet();
        Assert.Equal(4 * PerWriter, stored.Count);
        Assert.Subset(seen, stored);
    }
}

public sealed class SqliteConcurrentWritersContract : ConcurrentWritersContract<SqliteEngine>;

public sealed class PostgresConcurrentWritersContract : ConcurrentWritersContract<PostgresEngine>;
