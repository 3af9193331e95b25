using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// <c>rag ask --explain</c> and <c>rag search --explain</c> on the sample corpus: the key <c>explain</c> with --json
/// (absent without --explain), the evidence score, and every chunk's and unit's trace ending at the score it reports.
/// </summary>
public sealed class ExplainCommandTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private const string RowQuestion = "JD-2105-0318 第60工序精车的主轴转速是多少？";

    // Q/JD 105—2021 4.2.2 (28–45 HRC) is superseded by Q/JD 105—2026 4.2.2 (30–45 HRC); the question does not ask about revisions.
    private const string SupersededQuestion = "渗碳淬火件心部硬度是多少";

    private const string Superseded2021 = "corpus/docs/Q-JD-105-2021_热处理通用技术条件.md";

    private static readonly string[] ChunkRuleNames =
        ["KeywordList", "DenseList:", "CoverageList", "SupersededRevision", "UnnamedRevision", "OtherOperation", "ChangeRecord", "EvidenceReorder"];

    private static readonly string[] UnitRuleNames =
        ["RetrievalRank", "UnitSimilarity", "LacksAskedValue", "ShortLine", "RestatesQuestion", "OffFollowUpFocus", "OtherNumber",
         "OtherSubject", "OtherDocument", "EventRecord", "AskedClause", "OtherRevision", "ChangeStatement", "FramingSection", "KeyCell"];

    private Task<JsonElement> AskAsync(params string[] args) =>
        Rag.JsonAsync(CorpusFixture.Root, null, ["ask", .. args, "--db", corpus.Db]);

    private Task<JsonElement> SearchAsync(params string[] args) =>
        Rag.JsonAsync(CorpusFixture.Root, null, ["search", .. args, "--db", corpus.Db]);

    private async Task<string> HumanAsync(params string[] args)
    {
        var result = await RagProcess.RunAsync([.. args, "--db", corpus.Db], CorpusFixture.Root);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout;
    }

    private static IReadOnlyList<JsonElement> Rules(JsonElement traced) => traced.GetProperty("rules").EnumerateArray().ToList();

    private static IReadOnlyList<string> RuleNames(JsonElement traced) => Rules(traced).Select(r => r.GetProperty("rule").GetString()!).ToList();

    /// <summary>
    /// A trace is a chain: it starts at the base, each rule starts where the one before it ended, and the last ends at
    /// the score reported beside it (all rounded to 6 places, so compared to 1e-6).
    /// </summary>
    private static void AssertChainEndsAtScore(JsonElement traced)
    {
        var score = traced.GetProperty("score").GetDouble();
        var at = traced.GetProperty("base").GetDouble();
        foreach (var rule in Rules(traced))
        {
            Assert.True(Math.Abs(rule.GetProperty("before").GetDouble() - at) <= 1e-6, $"{rule} does not start where the trace stood ({at}): {traced}");
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("evidence").GetString()), $"rule without evidence: {traced}");
            at = rule.GetProperty("after").GetDouble();
        }
        Assert.True(Math.Abs(at - score) <= 1e-6, $"the trace ends at {at}, not at the score {score}: {traced}");
    }

    private static void AssertKnownRules(JsonElement traced, string[] known) =>
        Assert.All(RuleNames(traced), name => Assert.True(known.Any(k => k.EndsWith(':') ? name.StartsWith(k, StringComparison.Ordinal) : name == k),
            $"unknown rule '{name}' in {traced}"));

    [Fact]
    public async Task AskExplainJson_CarriesEvidenceChunksAndUnits_WhoseTracesEndAtTheirScores()
    {
        var answer = await AskAsync(RowQuestion, "--explain");

        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        var explain = answer.GetProperty("explain");
        Assert.Equal(new[] { "evidence", "chunks", "units" }, Rag.PropertyNames(explain));

        var evidence = explain.GetProperty("evidence");
        foreach (var key in new[] { "score", "threshold", "coverage", "similarity", "askedValuePresent", "missingAnchors", "abstained" })
            Assert.True(evidence.TryGetProperty(key, out _), $"evidence lacks {key}: {evidence}");
        Assert.True(evidence.GetProperty("threshold").GetDouble() > 0, evidence.ToString());
        Assert.True(evidence.GetProperty("score").GetDouble() >= evidence.GetProperty("threshold").GetDouble(), evidence.ToString());
        Assert.False(evidence.GetProperty("abstained").GetBoolean());
        Assert.True(evidence.GetProperty("askedValuePresent").GetBoolean());
        Assert.Equal(0, evidence.GetProperty("missingAnchors").GetArrayLength());

        var chunks = explain.GetProperty("chunks").EnumerateArray().ToList();
        Assert.NotEmpty(chunks);
        Assert.Equal(Enumerable.Range(1, chunks.Count), chunks.Select(c => c.GetProperty("rank").GetInt32()));
        foreach (var chunk in chunks)
        {
            foreach (var key in new[] { "rank", "chunkId", "source", "locator", "score", "base", "rules" })
                Assert.True(chunk.TryGetProperty(key, out _), $"chunk lacks {key}: {chunk}");
            Assert.StartsWith("corpus/docs/", chunk.GetProperty("source").GetString());
            // A fused chunk's base is 0: its lists add to it.
            Assert.Equal(0, chunk.GetProperty("base").GetDouble());
            AssertChainEndsAtScore(chunk);
            AssertKnownRules(chunk, ChunkRuleNames);
        }
        Assert.Contains(chunks, c => RuleNames(c).Contains("KeywordList"));
        Assert.Contains(chunks, c => RuleNames(c).Any(n => n.StartsWith("DenseList:", StringComparison.Ordinal)));

        var units = explain.GetProperty("units").EnumerateArray().ToList();
        Assert.NotEmpty(units);
        foreach (var unit in units)
        {
            foreach (var key in new[] { "sourceRank", "chunkId", "text", "quoted", "score", "base", "rules" })
                Assert.True(unit.TryGetProperty(key, out _), $"unit lacks {key}: {unit}");
            AssertChainEndsAtScore(unit);
            AssertKnownRules(unit, UnitRuleNames);
            // A unit's source is one of the explained chunks, named by its rank.
            var source = chunks[unit.GetProperty("sourceRank").GetInt32() - 1];
            Assert.Equal(source.GetProperty("chunkId").GetInt64(), unit.GetProperty("chunkId").GetInt64());
        }
        // Quoted first; the quote is the process-card row with the speed (a row unit reads "header: value"), and its rules end at its score.
        var quotedCount = units.TakeWhile(u => u.GetProperty("quoted").GetBoolean()).Count();
        Assert.True(quotedCount > 0, $"no quoted unit first: {explain}");
        Assert.All(units.Skip(quotedCount), u => Assert.False(u.GetProperty("quoted").GetBoolean(), $"quoted unit after an unquoted one: {explain}"));
        var quoted = units[0];
        Assert.Contains("主轴转速 r/min: 950", quoted.GetProperty("text").GetString());
        Assert.NotEmpty(Rules(quoted));
        Assert.Equal(Math.Round(quoted.GetProperty("score").GetDouble(), 6), Math.Round(Rules(quoted)[^1].GetProperty("after").GetDouble(), 6));
        Assert.Equal("RetrievalRank", RuleNames(quoted)[0]);
        // The evidence score's coverage is the quoted unit's coverage (its base).
        Assert.Equal(evidence.GetProperty("coverage").GetDouble(), quoted.GetProperty("base").GetDouble(), 4);
        // The cited chunk is among the explained sources, with the id the citation carries.
        var cited = answer.GetProperty("citations")[0].GetProperty("chunkId").GetInt64();
        Assert.Contains(chunks, c => c.GetProperty("chunkId").GetInt64() == cited);
        Assert.Equal(cited, quoted.GetProperty("chunkId").GetInt64());
    }

    [Fact]
    public async Task AskJson_WithoutExplain_HasNoExplainKey()
    {
        var answer = await AskAsync(RowQuestion);

        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        Assert.False(answer.TryGetProperty("explain", out _), answer.ToString());
        Assert.Equal(new[] { "answer", "mode", "conversationId", "citations", "checks", "timingsMs" }, Rag.PropertyNames(answer));
    }

    [Fact]
    public async Task AskExplain_AnAbstention_SaysSoAndNamesTheAnchorNoSourceHolds()
    {
        var answer = await AskAsync("JD-2105-0318 第75工序是做什么的，用什么设备？", "--explain");

        Assert.Equal("abstain", answer.GetProperty("mode").GetString());
        var evidence = answer.GetProperty("explain").GetProperty("evidence");
        Assert.True(evidence.GetProperty("abstained").GetBoolean(), evidence.ToString());
        var missing = evidence.GetProperty("missingAnchors").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Contains(missing, a => a.Contains("75", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskExplain_Human_PrintsTheEvidenceLine_SourcesAndUnits_WithRuleLines()
    {
        var stdout = await HumanAsync("ask", RowQuestion, "--explain");
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');

        // The answer and its sources come first, as without --explain; the explanation follows them.
        Assert.Contains("950 r/min", stdout);
        Assert.Contains("[extractive] conversation ", stdout);
        var evidenceLine = Array.FindIndex(lines, l => l.StartsWith("evidence ", StringComparison.Ordinal));
        Assert.True(evidenceLine > 0, stdout);
        Assert.True(stdout.IndexOf("[extractive] conversation ", StringComparison.Ordinal) < stdout.IndexOf("\nevidence ", StringComparison.Ordinal), stdout);
        Assert.Matches(@"^evidence [0-9.]+ \(threshold [0-9.]+\): coverage [0-9.]+, similarity [0-9.]+, asked value present$", lines[evidenceLine]);
        var sourcesLine = Array.IndexOf(lines, "sources:");
        var unitsLine = Array.IndexOf(lines, "units (quoted first):");
        Assert.True(evidenceLine < sourcesLine && sourcesLine < unitsLine, stdout);

        var sources = lines[(sourcesLine + 1)..unitsLine];
        Assert.Matches(@"^  1\. corpus/docs/\S.* \[.+\] score [0-9.]+$", sources[0]);
        Assert.Equal("      base 0", sources[1]);
        Assert.Contains(sources, l => Regex.IsMatch(l, @"^      KeywordList: [0-9.]+ → [0-9.]+ \(rank \d+, weight 1\)$"));
        Assert.Contains(sources, l => Regex.IsMatch(l, @"^      DenseList:\S+: [0-9.]+ → [0-9.]+ \(rank \d+, weight [0-9.]+\)$"));

        var units = lines[(unitsLine + 1)..];
        // The first unit is the quote, marked with a star.
        Assert.Matches(@"^  \* source \d+ score [0-9.]+: .*JD-2105-0318", units[0]);
        Assert.Matches(@"^      base [0-9.]+$", units[1]);
        Assert.Matches(@"^      RetrievalRank: [0-9.]+ → [0-9.]+ \(chunk rank \d+\)$", units[2]);
    }

    [Fact]
    public async Task SearchExplainJson_TracesEachResult_EndingAtItsScore()
    {
        var search = await SearchAsync(SupersededQuestion, "--top", "10", "--explain");

        var results = search.GetProperty("results").EnumerateArray().ToList();
        var explain = search.GetProperty("explain").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Equal(results.Count, explain.Count);
        foreach (var (result, traced) in results.Zip(explain))
        {
            Assert.Equal(result.GetProperty("rank").GetInt32(), traced.GetProperty("rank").GetInt32());
            Assert.Equal(result.GetProperty("chunkId").GetInt64(), traced.GetProperty("chunkId").GetInt64());
            Assert.Equal(result.GetProperty("source").GetString(), traced.GetProperty("source").GetString());
            Assert.Equal(result.GetProperty("locator").GetString(), traced.GetProperty("locator").GetString());
            Assert.Equal(result.GetProperty("score").GetDouble(), traced.GetProperty("score").GetDouble());
            Assert.NotEmpty(Rules(traced));
            Assert.Equal(Math.Round(result.GetProperty("score").GetDouble(), 6), Math.Round(Rules(traced)[^1].GetProperty("after").GetDouble(), 6));
            AssertChainEndsAtScore(traced);
            AssertKnownRules(traced, ChunkRuleNames);
            // The lists a result was found in are the lists its trace names, with the same ranks.
            var rules = Rules(traced);
            if (result.GetProperty("keywordRank").ValueKind == JsonValueKind.Number)
            {
                var keyword = Assert.Single(rules, r => r.GetProperty("rule").GetString() == "KeywordList");
                Assert.StartsWith($"rank {result.GetProperty("keywordRank").GetInt32()},", keyword.GetProperty("evidence").GetString());
            }
            else
            {
                Assert.DoesNotContain("KeywordList", RuleNames(traced));
            }
            if (result.GetProperty("denseRank").ValueKind == JsonValueKind.Number)
                Assert.Contains(RuleNames(traced), n => n.StartsWith("DenseList:", StringComparison.Ordinal));
            // Each retriever's own score stands beside its rank, as on the retrieval page: present exactly where the rank is.
            Assert.Equal(result.GetProperty("keywordRank").ValueKind == JsonValueKind.Number, result.GetProperty("keywordScore").ValueKind == JsonValueKind.Number);
            Assert.Equal(result.GetProperty("denseRank").ValueKind == JsonValueKind.Number, result.GetProperty("denseScore").ValueKind == JsonValueKind.Number);
            if (result.GetProperty("denseScore").ValueKind == JsonValueKind.Number)
                Assert.InRange(result.GetProperty("denseScore").GetDouble(), -1, 1);
        }
        Assert.Contains(results, r => r.GetProperty("keywordScore").ValueKind == JsonValueKind.Number && r.GetProperty("keywordScore").GetDouble() > 0);
    }

    [Fact]
    public async Task SearchJson_WithoutExplain_HasNoExplainKey()
    {
        var search = await SearchAsync(SupersededQuestion, "--top", "3");

        Assert.Equal(new[] { "results" }, Rag.PropertyNames(search));
        Assert.Equal(3, search.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task SearchExplain_Human_PrintsBaseAndRuleLinesUnderEachResult()
    {
        var stdout = await HumanAsync("search", SupersededQuestion, "--top", "3", "--explain");
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');

        var results = lines.Select((l, i) => (l, i)).Where(x => Regex.IsMatch(x.l, @"^ ?\d+\. ")).Select(x => x.i).ToList();
        Assert.Equal(3, results.Count);
        foreach (var at in results)
        {
            // The result line, its text clipped, then its trace: base first, then one line per rule.
            Assert.Equal("      base 0", lines[at + 2]);
            Assert.Matches(@"^      (KeywordList|DenseList:\S+|CoverageList): [0-9.]+ → [0-9.]+ \(rank \d+, weight [0-9.]+\)$", lines[at + 3]);
        }
        Assert.Equal(3, lines.Count(l => l == "      base 0"));

        // Without --explain: the same results, no trace lines.
        var plain = (await HumanAsync("search", SupersededQuestion, "--top", "3")).ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(results.Select(i => lines[i]), plain.Where(l => Regex.IsMatch(l, @"^ ?\d+\. ")));
        Assert.DoesNotContain(plain, l => l.StartsWith("      ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchExplain_SupersededRevision_LowersOnlyTheSupersededChunk()
    {
        var search = await SearchAsync(SupersededQuestion, "--top", "10", "--explain");

        var results = search.GetProperty("results").EnumerateArray().ToList();
        var explain = search.GetProperty("explain").EnumerateArray().ToList();
        var old = results.FindIndex(r => r.GetProperty("source").GetString() == Superseded2021 && r.GetProperty("text").GetString()!.Contains("28–45 HRC"));
        Assert.True(old >= 0, $"the 2021 clause 4.2.2 is not among the results: {search}");
        Assert.True(results[old].GetProperty("superseded").GetBoolean(), results[old].ToString());

        var rules = Rules(explain[old]);
        var superseded = Assert.Single(rules, r => r.GetProperty("rule").GetString() == "SupersededRevision");
        Assert.Contains("2021", superseded.GetProperty("evidence").GetString());
        // A factor below 1 (Rag:Relevance:SupersededRevision, 0.8 by default) on the fused score.
        var before = superseded.GetProperty("before").GetDouble();
        var after = superseded.GetProperty("after").GetDouble();
        Assert.True(after < before, superseded.ToString());
        Assert.Equal(0.8, after / before, 3);

        // The current revision's same clause ranks above it, and no chunk that is not superseded carries the rule.
        var current = results.FindIndex(r => r.GetProperty("source").GetString()!.Contains("Q-JD-105-2026") && r.GetProperty("text").GetString()!.Contains("30–45 HRC"));
        Assert.True(current >= 0 && current < old, $"the 2026 clause does not rank above the 2021 one: {search}");
        foreach (var (result, traced) in results.Zip(explain))
            if (!result.GetProperty("superseded").GetBoolean())
                Assert.DoesNotContain("SupersededRevision", RuleNames(traced));
    }
}
