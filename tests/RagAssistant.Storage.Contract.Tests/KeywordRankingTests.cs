using RagAssistant.Core.Documents;
using RagAssistant.Core.Search;
using Xunit.Abstractions;
using static RagAssistant.Testing.StoreSamples;

namespace RagAssistant.Storage.Contract.Tests;

/// <summary>
/// The PostgreSQL store's BM25 (computed from term statistics) against SQLite's FTS5 bm25 on the same corpus and
/// queries: the same chunks in the same order with the same scores, to <see cref="Tolerance"/> relative — so `rag eval`
/// gives the same figures on both stores. The corpus exercises what the two could disagree on: words split by
/// punctuation ("r/min", "0.10", "GB/T 3077-2015") and matched as phrases, case and diacritics, segmented Chinese, a
/// word in most chunks (FTS5's idf floor), repeated words and query terms, the context column, and statistics after a
/// replace, a delete and a retitle.
/// </summary>
public sealed class KeywordRankingTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Both compute in double precision in the same order of operations; measured: no difference at all.</summary>
    private const double Tolerance = 1e-9;

    private readonly List<KnowledgeBase> _opened = [];

    private static readonly (string Source, string Context, string[] Texts)[] Corpus =
    [
        ("lathe.md", "Lathe CK6140 > Spindle", ["Spindle speed 950 r/min, feed 0.10 mm/r.", "The spindle speed is checked before every shift; spindle noise is reported."]),
        ("mill.md", "Mill X5032", ["Spindle speed 1200 r/min for roughing.", "Coolant on. Résumé of the setup: clamp, check, run."]),
        ("steel.md", "GB/T 3077-2015 Alloy structural steels", ["42CrMo hardness 229–269 HBW after tempering.", "Tempering at 560 °C, the hardness is checked."]),
        ("steel-old.md", "GB/T 3077-1999 Alloy structural steels", ["42CrMo hardness 217–255 HBW.", "The standard was replaced in 2015."]),
        ("card.md", "工艺卡 JD-105 > 工序 30", ["主轴 转速 950 r/min 进给 0.10", "拧紧 扭矩 45 N·m 检查 扭矩"]),
        ("notes.md", "Notes", ["the the the check check", "A short note.", "Naïve RESUME of the CHECK procedure is in the manual."]),
        ("torque.md", "Torque table", ["M8 torque 25 N·m", "M10 torque 45 N·m, torque checked with a wrench", "M12 torque 80 N·m"]),
    ];

    private static readonly string[] Queries =
    [
        "\"spindle\"",
        "\"spindle\" OR \"speed\"",
        "\"r/min\"",
        "\"0.10\"",
        "\"GB/T 3077-2015\"",
        "\"3077\" OR \"2015\"",
        "\"check\"",
        "\"the\"",
        "\"resume\"",
        "\"主轴\" OR \"转速\" OR \"扭矩\"",
        "\"torque\" OR \"torque\"",
        "\"torque\" OR \"45\" OR \"n·m\"",
        "\"hardness\" OR \"42crmo\" OR \"tempering\"",
        "\"lathe\"",
        "\"spindle speed\"",
        "\"checked\" OR \"wrench\" OR \"nothing\"",
        "\"manual\" OR \"care\"",
    ];

    [SkippableFact]
    public async Task Bm25Scores_AreFts5s_OnBothStores()
    {
        var postgres = await OpenAsync(PostgresEngine.CreateAsync());
        var sqlite = await OpenAsync(SqliteEngine.CreateAsync());
        foreach (var kb in new[] { sqlite, postgres }) await LoadAsync(kb);

        var largest = 0.0;
        foreach (var query in Queries)
        {
            var expected = await RankAsync(sqlite, query);
            var actual = await RankAsync(postgres, query);
            Assert.True(expected.Count > 0 || query.Contains("nothing", StringComparison.Ordinal), $"no hits for {query}");
            Assert.Equal(expected.Select(h => h.Text), actual.Select(h => h.Text));
            for (var i = 0; i < expected.Count; i++)
            {
                var difference = Math.Abs(expected[i].Score - actual[i].Score) / Math.Abs(expected[i].Score);
                largest = Math.Max(largest, difference);
                Assert.True(difference <= Tolerance, $"{query}: '{expected[i].Text}' scores {expected[i].Score:R} on SQLite, {actual[i].Score:R} on PostgreSQL");
            }
        }
        output.WriteLine($"largest relative difference: {largest:E2}");
    }

    /// <summary>The corpus, then a replace, a delete and a retitle, so the statistics are those left after rewrites.</summary>
    private static async Task LoadAsync(KnowledgeBase kb)
    {
        foreach (var (source, context, texts) in Corpus)
            await kb.Documents.SaveAsync(Doc(source, sha: source), texts.Select((t, i) => new ChunkDraft(i, t, context, $"line {i + 1}", null, 3)).ToArray());
        await kb.Documents.SaveAsync(Doc("gone.md", sha: "gone"), Chunks("spindle spindle spindle torque check"));
        await kb.Documents.SaveAsync(Doc("mill.md", sha: "mill-2"), [new ChunkDraft(0, "Spindle speed 1200 r/min for roughing.", "Mill X5032", "1", null, 3),
            new ChunkDraft(1, "Coolant on. Résumé of the setup: clamp, check, run.", "Mill X5032", "2", null, 3)]);
        Assert.True(await kb.Documents.DeleteAsync((await kb.Documents.FindBySourceAsync("default", "gone.md"))!.Id));
        // A retitle rewrites the keyword rows of the chunks whose context begins with the title.
        var care = await kb.Documents.SaveAsync(Doc("care.md", sha: "care"), [new ChunkDraft(0, "spindle check daily", "care.md > Spindle care", "1", null, 3)]);
        await kb.Documents.UpdateMetadataAsync(care.Id, DocumentMetadata.Create("Spindle care manual", null, null, DocumentKind.Manual));
    }

    private static async Task<List<(string Text, double Score)>> RankAsync(KnowledgeBase kb, string query)
    {
        var hits = await kb.Search.KeywordSearchAsync(query, SearchFilter.None, 100);
        var texts = (await kb.Search.GetChunksAsync(hits.Select(h => h.ChunkId).ToList(), SearchFilter.None)).ToDictionary(c => c.ChunkId, c => c.Text);
        return hits.Select(h => (texts[h.ChunkId], h.Score)).ToList();
    }

    private async Task<KnowledgeBase> OpenAsync(Task<KnowledgeBase> opening)
    {
        var kb = await opening;
        _opened.Add(kb);
        return kb;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var kb in _opened) await kb.DisposeAsync();
    }
}
