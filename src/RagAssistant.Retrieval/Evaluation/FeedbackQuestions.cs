using System.Text.Encodings.Web;
using System.Text.Json;
using RagAssistant.Core.Evaluation;
using RagAssistant.Core.Feedback;
using RagAssistant.Core.Text;

namespace RagAssistant.Retrieval.Evaluation;

/// <summary>
/// Marked 👎 answers as an evaluation question file (EVAL.md), the one <c>rag eval --questions</c> reads: one question
/// per mark, id <c>fb-{turn}</c>, its gold item the marked passage (the source's file name, which EVAL.md's rule matches
/// against the stored path's end, and the marked string), <c>answer_contains</c> the expected strings, <c>history</c> the
/// conversation's earlier questions, <c>split</c> as marked (dev unless the administrator chose test), <c>kind</c>
/// "feedback" so reports show these questions apart.
/// </summary>
public static class FeedbackQuestions
{
    public const string Kind = "feedback";
    public const string IdPrefix = "fb-";

    private static readonly EvalJsonContext Lines = new(new JsonSerializerOptions(EvalJsonContext.Default.Options)
    {
        WriteIndented = false,
        // The file is read by people too: Chinese stays Chinese rather than \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static IReadOnlyList<EvalQuestion> From(IEnumerable<FeedbackMark> marks, string? split = null) =>
        marks.Where(m => split is null || m.Split == split).Select(m =>
        {
            var file = FileName(m.Source);
            return new EvalQuestion
            {
                Id = IdPrefix + m.TurnId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Question = m.Question,
                Lang = CjkText.ContainsCjk(m.Question) ? "zh" : "en",
                Kind = Kind,
                Gold = [new GoldPassage { Source = file, Contains = m.Passage }],
                AnswerContains = m.Expected,
                History = m.History,
                Split = m.Split,
                Doc = file,
                Tags = [Kind],
            };
        }).ToList();

    /// <summary>Writes the questions as JSON lines (UTF-8, one object a line).</summary>
    public static void Write(TextWriter writer, IEnumerable<EvalQuestion> questions)
    {
        foreach (var question in questions) writer.WriteLine(JsonSerializer.Serialize(question, Lines.EvalQuestion));
    }

    /// <summary>The questions as the text of a JSONL file.</summary>
    public static string ToJsonl(IEnumerable<EvalQuestion> questions)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(writer, questions);
        return writer.ToString();
    }

    /// <summary>The file name of a stored source (a path on the server, or an archive entry): what a gold item names.</summary>
    public static string FileName(string source)
    {
        var cut = source.Replace('\\', '/').TrimEnd('/');
        var slash = cut.LastIndexOf('/');
        return slash >= 0 ? cut[(slash + 1)..] : cut;
    }
}
