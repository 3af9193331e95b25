using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary><c>rag docs list|show|delete</c> over the ingested corpus.</summary>
public sealed class DocsCommandTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private const string Standard2021 = "Q-JD-105-2021_热处理通用技术条件.md";
    private const string Standard2026 = "Q-JD-105-2026_热处理通用技术条件.md";
    private const string WorkInstruction = "作业指导书_扭矩紧固_WI-AS-021.txt";

    private static readonly string[] DocumentKeys =
        ["id", "library", "source", "title", "kind", "identity", "revision", "superseded", "status", "pages", "chunks"];
    private static readonly string[] ChunkKeys = ["id", "ordinal", "context", "locator", "page", "tokenCount", "text", "model"];
    private static readonly string[] Kinds = ["process_card", "standard", "work_instruction", "manual", "other"];

    [Fact]
    public void List_Json_MatchesContract()
    {
        Assert.Equal(["documents"], Rag.PropertyNames(corpus.List));
        var documents = Rag.Documents(corpus.List);
        Assert.Equal(CorpusFixture.FileCount, documents.Count);
        foreach (var document in documents)
        {
            Assert.Equal(DocumentKeys, Rag.PropertyNames(document));
            Assert.True(document.GetProperty("id").TryGetInt64(out _));
            Assert.Equal("default", document.GetProperty("library").GetString());
            Assert.StartsWith("corpus/docs/", document.GetProperty("source").GetString());
            Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("title").GetString()));
            Assert.Contains(document.GetProperty("kind").GetString(), Kinds);
            Assert.True(document.GetProperty("superseded").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.Equal(JsonValueKind.String, document.GetProperty("status").ValueKind);
            Assert.True(document.Chunks() > 0);
        }
    }

    [Fact]
    public void List_ChunkCounts_MatchIngestReport()
    {
        foreach (var file in corpus.Ingest.GetProperty("files").EnumerateArray())
        {
            var document = Rag.Document(corpus.List, file.GetProperty("path").GetString()!);
            Assert.Equal(file.GetProperty("documentId").GetInt64(), document.Id());
            Assert.Equal(file.Chunks(), document.Chunks());
        }
    }

    [Fact]
    public async Task Show_Json_ReturnsDocumentAndChunksWithLocatorsAndContext()
    {
        var listed = corpus.Document(Standard2026);
        var show = await Rag.ShowAsync(CorpusFixture.Root, corpus.Db, listed.Id());

        Assert.Equal(["document", "chunks", "pageDetails"], Rag.PropertyNames(show));
        var document = show.GetProperty("document");
        Assert.Equal(listed.Id(), document.Id());
        Assert.Equal("corpus/docs/" + Standard2026, document.GetProperty("source").GetString());
        var chunks = show.GetProperty("chunks").EnumerateArray().ToList();
        Assert.Equal(listed.Chunks(), chunks.Count);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.GetProperty("ordinal").GetInt32()));
        foreach (var chunk in chunks)
        {
            Assert.Equal(ChunkKeys, Rag.PropertyNames(chunk));
            Assert.False(string.IsNullOrWhiteSpace(chunk.GetProperty("locator").GetString()), $"chunk without locator: {chunk}");
            Assert.Contains("Q/JD 105", chunk.GetProperty("context").GetString());
            Assert.False(string.IsNullOrWhiteSpace(chunk.GetProperty("text").GetString()));
            Assert.True(chunk.GetProperty("tokenCount").GetInt32() is > 0 and <= 512, $"token count out of range: {chunk}");
        }
    }

    [Fact]
    public async Task Show_Standard2026_HasClause423WithItsLocatorAndHeadingContext()
    {
        var show = await Rag.ShowAsync(CorpusFixture.Root, corpus.Db, corpus.Document(Standard2026).Id());

        var clause = Assert.Single(show.GetProperty("chunks").EnumerateArray(), c => c.GetProperty("locator").GetString() == "4.2.3");
        Assert.Contains("4.2.3", clause.GetProperty("context").GetString());
        Assert.Contains("0.8–1.2 mm", clause.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("show")]
    [InlineData("delete")]
    public async Task ShowOrDelete_UnknownId_ExitsOneWithMessage(string verb)
    {
        var result = await RagProcess.RunAsync(["docs", verb, "987654", "--db", corpus.Db, "--json"], CorpusFixture.Root);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("987654", result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
    }

    [Fact]
    public async Task Delete_RemovesDocumentFromListAndShow()
    {
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        temp.WriteText("keep.md", Rag.Markdown("bar feeder"));
        temp.WriteText("drop.md", Rag.Markdown("steady rest"));
        await Rag.IngestAsync(temp.Path, db, "keep.md", "drop.md");
        var drop = Rag.Document(await Rag.ListAsync(temp.Path, db), "drop.md");

        var deleted = await Rag.JsonAsync(temp.Path, null, "docs", "delete", drop.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);

        Assert.Equal(["id", "deleted"], Rag.PropertyNames(deleted));
        Assert.Equal(drop.Id(), deleted.GetProperty("id").GetInt64());
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        var list = await Rag.ListAsync(temp.Path, db);
        Assert.False(Rag.HasDocument(list, "drop.md"));
        Assert.True(Rag.HasDocument(list, "keep.md"));
        var show = await RagProcess.RunAsync(["docs", "show", drop.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db, "--json"], temp.Path);
        Assert.True(show.ExitCode == 1, show.ToString());

        // The file can be ingested again afterwards: as new, not as unchanged.
        var again = await Rag.IngestAsync(temp.Path, db, "drop.md");
        Assert.Equal("ingested", Rag.FileResult(again, "drop.md").Status());
    }

    [Fact]
    public async Task Delete_CurrentStandard_MakesOlderRevisionCurrentAgain()
    {
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        await Rag.IngestAsync(CorpusFixture.Root, db, "corpus/docs/" + Standard2021, "corpus/docs/" + Standard2026);
        var before = await Rag.ListAsync(CorpusFixture.Root, db);
        Assert.True(Rag.Document(before, "corpus/docs/" + Standard2021).GetProperty("superseded").GetBoolean());
        var current = Rag.Document(before, "corpus/docs/" + Standard2026);

        await Rag.JsonAsync(CorpusFixture.Root, null, "docs", "delete", current.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);

        var after = await Rag.ListAsync(CorpusFixture.Root, db);
        var remaining = Assert.Single(Rag.Documents(after));
        Assert.Equal("corpus/docs/" + Standard2021, remaining.GetProperty("source").GetString());
        Assert.False(remaining.GetProperty("superseded").GetBoolean());
    }

    // ---- kinds, identities, revisions, and the GB18030 work instruction ----

    [Theory]
    [InlineData("CNC-Lathe-CK6150-Operating-Procedure.md", null, "JD-OP-EQ-015", "C", false)]
    [InlineData(Standard2021, "standard", "Q/JD 105", "2021", true)]
    [InlineData(Standard2026, "standard", "Q/JD 105", "2026", false)]
    [InlineData(WorkInstruction, "work_instruction", "WI-AS-021", "B/1", false)]
    public void Corpus_Document_HasExpectedKindIdentityRevision(string fileName, string? kind, string identity, string revision, bool superseded)
    {
        var document = corpus.Document(fileName);

        if (kind is not null) Assert.Equal(kind, document.GetProperty("kind").GetString());
        Assert.Equal(identity, document.GetProperty("identity").GetString());
        Assert.Equal(revision, document.GetProperty("revision").GetString());
        Assert.Equal(superseded, document.GetProperty("superseded").GetBoolean());
    }

    [Fact]
    public void Corpus_OlderRevisionsAreSuperseded_AndEachHasACurrentOne()
    {
        var documents = Rag.Documents(corpus.List);
        var superseded = documents.Where(d => d.GetProperty("superseded").GetBoolean()).ToList();
        Assert.Contains(superseded, d => d.GetProperty("source").GetString() == "corpus/docs/" + Standard2021);
        foreach (var old in superseded)
        {
            var identity = old.GetProperty("identity").GetString();
            Assert.Contains(documents, d => d.GetProperty("identity").GetString() == identity && !d.GetProperty("superseded").GetBoolean());
        }
    }

    [Fact]
    public async Task Show_Gb18030WorkInstruction_HasReadableChineseTorqueValue()
    {
        var show = await Rag.ShowAsync(CorpusFixture.Root, corpus.Db, corpus.Document(WorkInstruction).Id());

        var texts = Rag.ChunkTexts(show);
        Assert.Contains(texts, t => t.Contains("25±2 N·m", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("扭矩", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains('\uFFFD'));
        Assert.DoesNotContain('\uFFFD', show.GetProperty("document").GetProperty("title").GetString()!);
    }

    [Fact]
    public async Task Show_SaysWhichBuiltinModelEmbeddedEachChunk_EnglishMiniLm_ChineseBge()
    {
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        temp.WriteText("english.md", "# Spindle\n\nSpindle speed 950 r/min for finish turning.");
        temp.WriteText("chinese.md", "# 主轴\n\n精车主轴转速 950 r/min，进给量 0.1 mm/r。");
        await Rag.IngestAsync(temp.Path, db, "english.md", "chinese.md");
        var list = await Rag.ListAsync(temp.Path, db);

        foreach (var (source, model) in new[] { ("english.md", "builtin:all-MiniLM-L6-v2"), ("chinese.md", "builtin:bge-small-zh-v1.5") })
        {
            var show = await Rag.ShowAsync(temp.Path, db, Rag.Document(list, source).Id());
            Assert.All(show.GetProperty("chunks").EnumerateArray(), c => Assert.Equal(model, c.GetProperty("model").GetString()));
            var human = await RagProcess.RunAsync(["docs", "show", Rag.Document(list, source).Id().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db], temp.Path);
            Assert.Contains($"embedded   {model} ", human.Stdout, StringComparison.Ordinal);
        }
    }
}
