using Microsoft.Extensions.AI;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Sentence-level similarity of quotable units to the question, with the configured embedding model. Keyword overlap
/// misses paraphrases ("hand protection" for "gloves", "park the turret" for "move the turret to Z +200"); the embedding
/// sees them. The built-in model (all-MiniLM) is English-centred, so only English questions and English units are
/// compared; Chinese questions and units are scored by their terms alone. Unit embeddings are kept in a bounded cache
/// (<see cref="AnswerOptions.UnitVectorCacheSize"/>): evidence re-ordering reads the same passages for many questions.
/// </summary>
public sealed class UnitSimilarity(IEmbeddingGenerator<string, Embedding<float>>? generator, int cacheSize = UnitSimilarity.DefaultCacheSize)
{
    public const int DefaultCacheSize = 20_000;

    private readonly UnitVectorCache _cache = new(cacheSize);

    /// <summary>Unit embeddings held for the next questions.</summary>
    public int CachedUnits => _cache.Count;

    /// <summary>
    /// Cosine similarity of every sentence and row of the chunks to the question, when all the chunks are English: among
    /// passages the model cannot all read (Chinese ones, with the built-in model), the English ones would gain over the
    /// rest for their language alone. Empty otherwise, without a model, or for a question not in English.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>> ScoreIfAllEnglishAsync(QuestionTerms question, IReadOnlyList<RetrievedChunk> chunks,
        CancellationToken cancellationToken = default) =>
        chunks.All(c => IsEnglish(c.Text))
            ? await ScoreAsync(question, chunks.SelectMany(c => UnitSplitter.Split(c.Text)).Select(u => u.Text), cancellationToken)
            : new Dictionary<string, double>();

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

        var embeddedQuery = await generator.GenerateAsync(query, EmbeddingPurpose.ForQuery(), cancellationToken);
        var q = embeddedQuery.Vector.Span.ToArray();
        // The units are embedded by the model that embedded the question (with several models, a unit holding a Chinese
        // word would otherwise go to another model, whose vectors cannot be compared with the question's).
        var model = embeddedQuery.ModelId;
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var unit in units)
        {
            if (_cache.TryGet(model + "\n" + unit, out var cached)) vectors[unit] = cached;
            else missing.Add(unit);
        }
        if (missing.Count > 0)
        {
            var options = EmbeddingPurpose.ForPassage();
            options.ModelId = model;
            var embedded = await generator.GenerateAsync(missing, options, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                vectors[missing[i]] = embedded[i].Vector.ToArray();
                _cache.Add(model + "\n" + missing[i], vectors[missing[i]]);
            }
        }
        foreach (var unit in units) result[unit] = Cosine(q, vectors[unit]);
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
