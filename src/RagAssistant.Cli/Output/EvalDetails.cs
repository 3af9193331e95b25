using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RagAssistant.Core.Evaluation;

namespace RagAssistant.Cli.Output;

/// <summary>
/// <c>rag eval --details FILE</c>: one JSON line per question — the rank of its first gold match, its mode, answer, whether the answer holds every expected
/// string, which citations matched gold, and the top retrieved — so a failing question can be read without re-running it.
/// </summary>
internal static class EvalDetails
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, IReadOnlyList<EvalOutcome> outcomes)
    {
        using var writer = new StreamWriter(path);
        foreach (var o in outcomes)
        {
            var line = new JsonObject
            {
                ["id"] = o.Question.Id,
                ["kind"] = o.Question.Kind,
                ["lang"] = o.Question.Lang,
                ["question"] = o.Question.Question,
                ["answerable"] = o.Question.Answerable,
                ["hit@5"] = o.Retrieval?.Hit5,
                // The rank of the first gold match within the top 10 (null beyond it): where tuning should look.
                ["goldRank"] = o.Retrieval is { Mrr10: > 0 } r ? (int)Math.Round(1 / r.Mrr10) : null,
                ["mode"] = o.Answer?.Mode,
                ["answerContainsOk"] = o.Answer is null || o.Question.AnswerContains.Count == 0 ? null
                    : GoldMatcher.AnswerContainsAll(o.Answer.Text, o.Question.AnswerContains),
                ["expected"] = new JsonArray(o.Question.AnswerContains.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["citationsMatchGold"] = o.Answer is null ? null : new JsonArray(o.Answer.CitationMatchesGold.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray()),
                ["answer"] = o.Answer?.Text,
                ["evidence"] = o.Answer?.Evidence is { } e
                    ? new JsonObject { ["score"] = e.Score, ["coverage"] = e.Coverage, ["similarity"] = e.Similarity, ["value"] = e.AskedValuePresent, ["missing"] = e.MissingAnchors.Count, ["absent"] = e.AbsentWords.Count }
                    : null,
                ["top"] = new JsonArray(o.Top.Take(3).Select(t => (JsonNode?)JsonValue.Create($"{t.Source} · {t.Locator} · {t.Text}")).ToArray()),
            };
            writer.WriteLine(line.ToJsonString(Options));
        }
    }
}
