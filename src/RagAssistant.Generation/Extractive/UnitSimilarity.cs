using Microsoft.Extensions.AI;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Text;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Sentence-level similarity of quotable units to the question, with the configured embedding model. Keyword overlap
/// misses paraphrases ("hand protection" for "gloves", "park the turret" for "move the turret to Z +200"); the embedding
/// sees them. The built-in model (all-MiniLM) is English-centred, so only English questions and English units are
/// compared; Chinese questions and units are scored by their terms alone.
/// </summary>
public sealed class UnitSimilarity(IEmbeddingGenerator<string, Embedding<float>>? generator)
{
    /// <summary>Cosine similarity of each English unit text to the question; empty without a model or without English to compare.</summary>
    public async Task<IReadOnlyDictionary<string, double>> ScoreAsync(QuestionTerms question, IEnumerable<string> unitTexts, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, double>();
        if (generator is null) return result;
        // A Chinese question's glossary translations were tried as its English side: on corpus/eval they picked worse quotes.
        if (question.Language != "en") return result;
        var query = question.Query.Text;
        var units = unitTexts.Where(IsEnglish).Distinct().ToList();
        if (query.Trim().Length == 0 || units.Count == 0) return result;

        var q = (await generator.GenerateAsync(query, EmbeddingPurpose.ForQuery(), cancellationToken)).Vector.Span.ToArray();
        var embedded = await generator.GenerateAsync(units, EmbeddingPurpose.ForPassage(), cancellationToken);
        for (var i = 0; i < units.Count; i++) result[units[i]] = Cosine(q, embedded[i].Vector.Span);
        return result;
    }

    /// <summary>Mostly Latin letters: a CJK character is a word of its own, so it counts triple, as the query analyzer counts.</summary>
    public static bool IsEnglish(string text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (CjkText.IsCjk(c)) cjk++;
            else if (char.IsAsciiLetter(c)) latin++;
        }
        return latin > 0 && cjk * 3 < latin;
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
