using System.Text.Json;
using RagAssistant.Testing;

namespace RagAssistant.Cli.Tests;

/// <summary>
/// The quality floor (issue #20): the TEST split of corpus/eval — questions on documents no rule was tuned on — scored
/// the way it is scored from outside (<c>rag ingest</c> of corpus/docs and the third-party documents of
/// corpus/eval/shared-docs.txt into one knowledge base, then <c>rag eval … --split test</c>, extractive answers). Each
/// metric must stay within 0.02 of the baseline measured when the split was drawn (false_abstention: at most 0.02
/// above it). The documents marked "# large" in shared-docs.txt (the SPARC manual, the 872-page handbook) and their
/// questions are left out to keep CI within its budget; <c>bash scripts/eval/run.sh</c> scores everything.
/// Later issues raise the baseline as they raise the figures — never lower it to make a change pass.
/// </summary>
public sealed class EvalFloorTests
{
    /// <summary>
    /// Measured on the test split without the large documents (<c>bash scripts/eval/run.sh --no-large --json</c>, its
    /// <c>bySplit.test</c>), extractive answers, built-in model. Keys are EVAL.md's. Re-measured for #21 because the set
    /// changed: three generated PDFs joined corpus/docs with 43 questions (20 of them test), and their documents compete
    /// with earlier ones for earlier questions (Q/JD 402 repeats WI-AS-021's torques). On that set the code before #21
    /// scored 0.922 / 0.785 / 0.630 / 0.682 / 0.655 / 0.052, the code of #21 the figures below; on the 163 test questions
    /// of the split's draw it scores 0.934 / 0.806 / 0.672 / 0.748 / 0.692 / 0.051 (the first baseline: 0.934 / 0.800 /
    /// 0.671 / 0.770 / 0.654 / 0.044 on the smaller corpus). 183 questions, 154 answerable. Raised for #23 (question
    /// analysis, named relevance rules, table answers, similarity in both languages, the calibrated evidence score) to its
    /// figures: 0.942 / 0.828 / 0.727 / 0.789 / 0.655, false_abstention 0.058 — above the 0.052 kept here, within the slack (the evidence score
    /// was chosen on dev, where it traded a few more false abstentions for abstentions). Raised again for #23 (units under
    /// their group labels, qualifying numbers, complementary lines of the best chunk, glued sentences, translated cells)
    /// and the wider glossary: 0.954 / 0.846 / 0.740 / 0.795 / 0.655, false_abstention 0.058. Abstention raised for #23
    /// (an entry number no quote holds while the best row is another entry): 0.955 / 0.842 / 0.740 / 0.798 / 0.690,
    /// false_abstention 0.065. Raised again for #23 (the core engineering vocabulary of the glossary, quotes placed by
    /// page or section, wrapped and orphaned PDF table headers): 0.955 / 0.842 / 0.747 / 0.799 / 0.724, false_abstention
    /// 0.058 (mrr@10 stays at the 0.846 measured before, within the slack). Raised again for #23 (units of the other
    /// language compared by their own model, headings that are a graph's axis labels dropped, Chinese heading levels by
    /// the kinds a document uses, rule OtherSubject, captions inside a table's frame): 0.961 / 0.842 / 0.753 / 0.800 /
    /// 0.759, false_abstention 0.058. Raised again for #23 (a financial statement's sheet read as one table, group labels
    /// over PDF columns, two-column prose under a table read by column): 0.968 / 0.855 / 0.766 / 0.815 / 0.759,
    /// false_abstention 0.052. Raised again for #23 (the sentence after the best quote in its paragraph quoted with it;
    /// a long row named only by its item cell shows its leading columns): answer_contains 0.786, mrr@10 0.858 (within the
    /// slack of the 0.855 kept), the rest unchanged. Raised again for #23 (a named edition ranks and answers as a named
    /// revision; the whole retrieved list read when the first chunks state no value of the asked kind; rule
    /// OtherDocument): answer_contains 0.792, mrr@10 0.868, citation_precision 0.816, false_abstention 0.045. Raised
    /// again for #23 (letters before a part number's last dash no family, English follow-ups of preposition phrases,
    /// question words glued by the segmenter's model for unknown words): mrr@10 0.869, the rest unchanged. Raised again
    /// for #23 (an English verb's -ing form translated, currencies and element symbols searched, superscripts and
    /// wrapped English labels of PDF table headers): hit@5 0.974; mrr@10 measured 0.867 (a two-column paper read in
    /// order moved one question from rank 1 to 2), the 0.869 kept. Raised again for #23 (a phrase's glossary
    /// translation stands for all its words, a quoted title names its document, a chart's frame is no table, "many" is
    /// no term): answer_contains 0.799, citation_precision 0.828, false_abstention 0.039; mrr@10 measured 0.865, the
    /// 0.869 kept. Raised again for #23 (a long row's quote keeps the cells holding the question's words; electrical
    /// kinds of value and a datasheet's column of units): answer_contains 0.831, citation_precision 0.834; mrr@10
    /// measured 0.865, the 0.869 kept. Raised again for #23 (a labelled block keyed by its labels, a two-column table of
    /// numbered rows read under its header): citation_precision 0.841; mrr@10 measured 0.868, the 0.869 kept.
    /// </summary>
    private static readonly Dictionary<string, double> Baseline = new()
    {
        ["hit@5"] = 0.974,
        ["mrr@10"] = 0.869,
        ["answer_contains"] = 0.831,
        ["citation_precision"] = 0.841,
        ["abstention"] = 0.759,
    };

    private const double FalseAbstentionBaseline = 0.039;
    private const double Slack = 0.02;

    [SharedDataFact("pdf")]
    public async Task TestSplit_HoldsTheMeasuredBaseline()
    {
        using var temp = new TempDirectory();
        var db = temp.File("kb.db");
        var (documents, questions) = CiSet(temp.File("shared.jsonl"));
        await Rag.IngestAsync(CorpusFixture.Root, db, "corpus/docs");
        await Rag.IngestAsync(CorpusFixture.Root, db, [.. documents]);

        var report = await Rag.JsonAsync(CorpusFixture.Root, null, "eval", "corpus/eval/questions.jsonl", questions, "--split", "test", "--db", db);

        var test = report.GetProperty("bySplit").GetProperty("test");
        var shortfalls = Baseline
            .Where(b => Value(test, b.Key) < b.Value - Slack)
            .Select(b => $"{b.Key} {Value(test, b.Key):0.000} < baseline {b.Value:0.000} − {Slack}")
            .ToList();
        if (Value(test, "false_abstention") > FalseAbstentionBaseline + Slack)
            shortfalls.Add($"false_abstention {Value(test, "false_abstention"):0.000} > baseline {FalseAbstentionBaseline:0.000} + {Slack}");
        Assert.True(shortfalls.Count == 0, string.Join("; ", shortfalls) + "\n" + test);
    }

    /// <summary>The shared documents and questions of the CI set: everything in shared-docs.txt but the "# large" ones.</summary>
    private static (List<string> Documents, string Questions) CiSet(string questionsPath)
    {
        var documents = new List<string>();
        var large = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(CorpusFixture.Root, "corpus", "eval", "shared-docs.txt")))
        {
            var path = line.Split('#')[0].Trim();
            if (path.Length == 0) continue;
            if (line.Contains("# large", StringComparison.Ordinal)) large.Add(Path.GetFileName(path));
            else documents.Add(Path.GetFullPath(Path.Combine(CorpusFixture.Root, "..", "shared", path)));
        }
        File.WriteAllLines(questionsPath, File.ReadLines(Path.Combine(CorpusFixture.Root, "corpus", "eval", "shared.jsonl"))
            .Where(l => l.Length > 0 && !large.Contains(DocumentOf(JsonDocument.Parse(l).RootElement))));
        return (documents, questionsPath);
    }

    private static string DocumentOf(JsonElement question) =>
        Path.GetFileName(question.TryGetProperty("doc", out var doc) && doc.GetString() is { Length: > 0 } d ? d
            : question.GetProperty("gold").EnumerateArray().Select(g => g.GetProperty("source").GetString()!).FirstOrDefault() ?? "");

    private static double Value(JsonElement summary, string key) =>
        summary.GetProperty(key).ValueKind == JsonValueKind.Number ? summary.GetProperty(key).GetDouble() : double.NaN;
}
