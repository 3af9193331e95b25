using RagAssistant.Core.Search;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;
using RagAssistant.Ingestion;

namespace RagAssistant.Cli.Output;

/// <summary>Plain-text output for people at a terminal (without --json).</summary>
internal static class HumanOutput
{
    public static async Task WriteIngestAsync(IngestReport report, IDocumentStore store, CancellationToken ct)
    {
        var o = Console.Out;
        foreach (var file in report.Files.Where(f => f.Status is FileStatus.Failed or FileStatus.Skipped))
            o.WriteLine($"{file.Status.ToUpperInvariant(),-9} {file.Path}: {file.Error}");
        foreach (var file in report.Files.Where(f => f.Warnings.Count > 0))
            foreach (var warning in file.Warnings)
                o.WriteLine($"WARNING   {file.Path}: {warning}");

        o.WriteLine($"{report.Ingested} ingested, {report.Unchanged} unchanged, {report.Replaced} replaced, " +
                    $"{report.Skipped} skipped, {report.Failed} failed");

        var ids = report.Files.Where(f => f.DocumentId is not null && f.Status is not FileStatus.Skipped)
            .Select(f => f.DocumentId!.Value).ToHashSet();
        if (ids.Count == 0) return;
        o.WriteLine();
        WriteDocuments((await store.ListAsync(cancellationToken: ct)).Where(d => ids.Contains(d.Id)).ToList());
    }

    public static void WriteDocuments(IReadOnlyList<StoredDocument> documents)
    {
        var o = Console.Out;
        if (documents.Count == 0)
        {
            o.WriteLine("no documents");
            return;
        }
        o.WriteLine($"{"ID",4}  {"KIND",-16} {"IDENTITY",-26} {"REV",-6} {"CHUNKS",6}  TITLE / SOURCE");
        foreach (var d in documents)
        {
            var revision = (d.Revision ?? "-") + (d.Superseded ? "*" : "");
            var status = d.Status == DocumentStatus.Ready ? "" : $"  [{d.Status.Replace('_', ' ')}]";
            o.WriteLine($"{d.Id,4}  {d.Kind,-16} {Clip(d.Identity ?? "-", 26),-26} {revision,-6} {d.Chunks,6}  {d.Title}{status}");
            o.WriteLine($"{"",4}  {"",-16} {"",-26} {"",-6} {"",6}  {d.Library}:{d.Source}");
        }
        if (documents.Any(d => d.Superseded)) o.WriteLine("* superseded by a newer revision");
    }

    public static void WriteDocument(StoredDocument d, IReadOnlyList<StoredChunk> chunks, IReadOnlyList<PageInfo> pages)
    {
        var o = Console.Out;
        o.WriteLine($"Document {d.Id}: {d.Title}");
        o.WriteLine($"  source     {d.Library}:{d.Source} ({d.ContentType}, {d.Size} bytes{(d.Pages is { } p ? $", {p} pages" : "")})");
        o.WriteLine($"  kind       {d.Kind}");
        o.WriteLine($"  identity   {d.Identity ?? "-"}");
        o.WriteLine($"  revision   {d.Revision ?? "-"}{(d.EffectiveDate is { } e ? $" (effective {e:yyyy-MM-dd})" : "")}{(d.Superseded ? " — superseded" : "")}");
        o.WriteLine($"  status     {d.Status}");
        if (pages.Count > 0)
        {
            var byStatus = pages.GroupBy(p => p.Status).Select(g => $"{g.Count()} {g.Key.Replace('_', ' ')}");
            o.WriteLine($"  pages      {string.Join(", ", byStatus)}");
            foreach (var page in pages.Where(x => x.Status != PageStatus.Text || x.Rotation != 0).Take(50))
                o.WriteLine($"  page {page.Number,-5} {page.Status}{(page.Rotation != 0 ? $", rotated {page.Rotation}°" : "")}{(page.Error is null ? "" : $": {page.Error}")}");
        }
        o.WriteLine($"  sha256     {d.Sha256}");
        // Which model embedded how many chunks (the built-in pair: English chunks MiniLM, Chinese and mixed ones bge).
        var models = chunks.GroupBy(c => c.Model ?? "none").Select(g => $"{g.Key} {g.Count()}");
        if (chunks.Count > 0) o.WriteLine($"  embedded   {string.Join(", ", models)}");
        foreach (var warning in d.Warnings) o.WriteLine($"  warning    {warning}");
        o.WriteLine($"  chunks     {chunks.Count}");
        foreach (var c in chunks)
        {
            o.WriteLine();
            o.WriteLine($"  #{c.Ordinal} [{c.Locator}] {c.TokenCount} tokens — {c.Context}");
            foreach (var line in c.Text.Split('\n')) o.WriteLine($"    {line}");
        }
    }

    public static void WriteSearch(IReadOnlyList<SearchResult> results, bool explain = false)
    {
        var o = Console.Out;
        if (results.Count == 0)
        {
            o.WriteLine("no results");
            return;
        }
        foreach (var r in results)
        {
            var c = r.Chunk;
            var page = c.Page is { } p ? $" p.{p}" : "";
            o.WriteLine($"{r.Rank,2}. {c.Source}{page} [{c.Locator}]{(c.Superseded ? " (superseded)" : "")}  score {r.Score:0.0000}" +
                        $" dense #{r.DenseRank?.ToString() ?? "-"} keyword #{r.KeywordRank?.ToString() ?? "-"}");
            o.WriteLine($"    {Clip(c.Text.ReplaceLineEndings(" "), 160)}");
            if (explain) WriteTrace(r.Trace?.Base ?? 0, RagAssistant.Core.Answers.ChunkExplain.Rounded(r.Trace), "      ");
        }
    }

    /// <summary>A score's base and every rule that changed it, one line each ("CoverageList: 0.0159 → 0.0241 (rank 1, weight 0.5)").</summary>
    private static void WriteTrace(double baseScore, IReadOnlyList<RagAssistant.Core.Relevance.RuleEffect> rules, string indent)
    {
        var o = Console.Out;
        o.WriteLine($"{indent}base {baseScore:0.######}");
        foreach (var rule in rules)
            o.WriteLine($"{indent}{rule.Rule}: {rule.Before:0.######} → {rule.After:0.######} ({rule.Evidence})");
    }

    /// <summary>What <c>rag ask --explain</c> prints after the sources: the evidence score, then each source chunk's and candidate unit's trace.</summary>
    public static void WriteExplain(RagAssistant.Core.Answers.AnswerExplain explain)
    {
        var o = Console.Out;
        var e = explain.Evidence;
        o.WriteLine();
        o.WriteLine($"evidence {e.Score:0.####} (threshold {e.Threshold:0.####}{(e.Abstained ? ", abstained" : "")}): coverage {e.Coverage:0.####}, similarity {e.Similarity:0.####}, asked value {(e.AskedValuePresent ? "present" : "absent")}" +
                    (e.MissingAnchors.Count > 0 ? $", no source holds {string.Join(", ", e.MissingAnchors)}" : "") +
                    (e.AbsentWords.Count > 0 ? $", no source mentions {string.Join(", ", e.AbsentWords)}" : "") +
                    (e.OnlyIdentifiers ? ", the best quote only names what is asked about" : "") +
                    (e.OtherSubject ? ", the best quote is about another subject than the question names" : ""));
        o.WriteLine("sources:");
        foreach (var c in explain.Chunks)
        {
            o.WriteLine($"  {c.Rank}. {c.Source} [{c.Locator}] score {c.Score:0.######}");
            WriteTrace(c.Base, c.Rules, "      ");
        }
        o.WriteLine("units (quoted first):");
        foreach (var u in explain.Units)
        {
            o.WriteLine($"  {(u.Quoted ? "*" : " ")} source {u.SourceRank} score {u.Score:0.###}: {Clip(u.Text.ReplaceLineEndings(" "), 120)}");
            WriteTrace(u.Base, u.Rules, "      ");
        }
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>Streams a piece of the answer as it arrives.</summary>
    public static ValueTask WriteDelta(string delta)
    {
        Console.Out.Write(delta);
        Console.Out.Flush();
        return ValueTask.CompletedTask;
    }

    /// <summary>After the streamed answer: the mode, the checks and the cited sources with their supporting text.</summary>
    public static void WriteAnswerSources(RagAssistant.Core.Answers.AnswerResult result)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine();
        Console.Out.WriteLine($"[{result.Mode}] conversation {result.ConversationId}");
        if (result.Checks.RemovedCitations > 0) Console.Out.WriteLine($"removed citations: {result.Checks.RemovedCitations}");
        if (result.Checks.UnsupportedNumbers.Count > 0) Console.Out.WriteLine($"numbers found in no cited source: {string.Join(", ", result.Checks.UnsupportedNumbers)}");
        foreach (var c in result.Citations)
        {
            var where = c.Page is { } page ? $"p.{page} {c.Locator}" : c.Locator;
            var revision = c.Revision is null ? "" : $" Rev {c.Revision}" + (c.Superseded ? " (superseded)" : "");
            Console.Out.WriteLine($"[{c.N}] {c.Title}{revision} · {where} · {c.Source}");
            var text = c.Text.ReplaceLineEndings(" ");
            Console.Out.WriteLine("    " + (text.Length <= 160 ? text : text[..160] + "…"));
        }
    }
}
