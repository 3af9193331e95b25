using Microsoft.Extensions.AI;
using RagAssistant.Core.Embeddings;
using RagAssistant.Core.Search;
using RagAssistant.Core.Text;

namespace RagAssistant.Generation.Extractive;

/// <summary>
/// Sentence-level similarity of quotable units to the question, with the embedding model that reads the question's
/// language. Keyword overlap misses paraphrases ("hand protection" for "gloves", "park the turret" for "move the turret to
/// Z +200", "多久检查一次" for "每班点检"); the embedding sees them. Units are compared only in the languages that model
/// embeds (<see cref="EmbeddingModelInfo.Languages"/>: with the built-in pair, all-MiniLM-L6-v2 compares English questions
/// with English units and bge-small-zh-v1.5 Chinese questions with Chinese and mixed units): a model turns text it cannot
/// read into noise, and vectors of different models are never compared. For a question on documents of the other language
/// (an English question on a Chinese report), the model of the documents' language compares the units with the question
/// and its glossary translation, as dense retrieval reaches that model (<see cref="EmbeddingModelInfo.QueryTextFor"/>).
/// Unit embeddings are kept in a bounded cache (<see cref="AnswerOptions.UnitVectorCacheSize"/>): evidence re-ordering
/// reads the same passages for many questions.
/// </summary>
public sealed class UnitSimilarity(IEmbeddingGenerator<string, Embedding<float>>? generator, int cacheSize = UnitSimilarity.DefaultCacheSize)
{
    public const int DefaultCacheSize = 20_000;

    private readonly UnitVectorCache _cache = new(cacheSize);
    private readonly IEmbeddingModelCatalog? _catalog = generator?.GetService<IEmbeddingModelCatalog>();

    /// <summary>Unit embeddings held for the next questions.</summary>
    public int CachedUnits => _cache.Count;

    /// <summary>
    /// Cosine similarity of every sentence and row of the chunks to the question, when the comparing model (see
    /// <see cref="ScoreAsync(QuestionTerms, IEnumerable{string}, CancellationToken)"/>) reads every chunk: among passages
    /// it cannot all read, those it can would gain over the rest for their language alone. Empty otherwise, or without a model.
    /// </summary>
    /// <param name="maxSentenceChars">How the chunks are cut into units, as the answerer cuts them (<see cref="AnswerOptions.MaxSentenceChars"/>).</param>
    public async Task<IReadOnlyDictionary<string, double>> ScoreIfAllReadableAsync(QuestionTerms question, IReadOnlyList<RetrievedChunk> chunks,
        int maxSentenceChars, CancellationToken cancellationToken = default)
    {
        var texts = chunks.Select(c => c.Text).ToList();
        return ModelFor(question, texts) is { } model && texts.All(t => Reads(model, t))
            ? await ScoreAsync(model, question, chunks.SelectMany(c => UnitSplitter.Split(c.Text, maxSentenceChars)).Select(u => u.Text).Distinct().ToList(), cancellationToken)
            : new Dictionary<string, double>();
    }

    /// <summary>
    /// Cosine similarity of each unit text the comparing model reads to the question, and for the others the mean of
    /// those; empty without a model or without a unit it reads. The comparing model is the one that reads more of the
    /// units: the question's own, or for a question on documents of the other language, theirs.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>> ScoreAsync(QuestionTerms question, IEnumerable<string> unitTexts, CancellationToken cancellationToken = default)
    {
        var all = unitTexts.Distinct().ToList();
        return ModelFor(question, all) is { } model ? await ScoreAsync(model, question, all, cancellationToken) : new Dictionary<string, double>();
    }

    /// <param name="all">The distinct unit texts.</param>
    private async Task<IReadOnlyDictionary<string, double>> ScoreAsync(EmbeddingModelInfo model, QuestionTerms question, IReadOnlyList<string> all,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, double>();
        var units = all.Where(u => Reads(model, u)).ToList();
        var query = model.QueryTextFor(question.Query);
        if (generator is null || query is null || query.Trim().Length == 0 || units.Count == 0) return result;

        var queryOptions = EmbeddingPurpose.ForQuery();
        queryOptions.ModelId = model.Id;
        var q = (await generator.GenerateAsync(query, queryOptions, cancellationToken)).Vector.ToArray();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var unit in units)
        {
            if (_cache.TryGet(model.Id + "\n" + unit, out var cached)) vectors[unit] = cached;
            else missing.Add(unit);
        }
        if (missing.Count > 0)
        {
            // The units are embedded by the comparing model (with several models, a unit would otherwise go to the model
            // of its own language, whose vectors cannot be compared with the question's).
            var options = EmbeddingPurpose.ForPassage();
            options.ModelId = model.Id;
            var embedded = await generator.GenerateAsync(missing, options, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                vectors[missing[i]] = embedded[i].Vector.ToArray();
                _cache.Add(model.Id + "\n" + missing[i], vectors[missing[i]]);
            }
        }
        foreach (var unit in units) result[unit] = Cosine(q, vectors[unit]);
        // A unit the model cannot read (an English table row for a Chinese question) gets the mean similarity of those it
        // can: its language alone must neither lift nor sink it against the units that were compared.
        var neutral = result.Values.Average();
        foreach (var unit in all.Where(u => !result.ContainsKey(u))) result[unit] = neutral;
        return result;
    }

    /// <summary>
    /// The model that compares <paramref name="texts"/> with the question: of the question's model and the model of the
    /// texts' main language, the one that reads more of them (the question's on a tie). A generator that names no models
    /// (a test double, a remote service) is taken to read English only, as the first built-in model did.
    /// </summary>
    private EmbeddingModelInfo? ModelFor(QuestionTerms question, IReadOnlyList<string> texts)
    {
        if (generator is null) return null;
        if (_catalog is null)
        {
            var id = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "model";
            return question.Language == TextLanguage.English ? new EmbeddingModelInfo(id, id, 0, [TextLanguage.English], false) : null;
        }
        var own = ModelOf(question.Language);
        var language = texts.Where(t => t.Any(char.IsLetter)).GroupBy(t => TextLanguage.Of(t)).MaxBy(g => g.Count())?.Key;
        var theirs = language is null ? null : ModelOf(language);
        // A model that cannot read the question's own words (all-MiniLM-L6-v2 for a Chinese question) would see only its
        // glossary translation, a bag of terms too thin to rank sentences by.
        if (theirs is not null && question.Language == TextLanguage.Chinese && !theirs.ReadsChinese) theirs = null;
        if (own is null || theirs is null || theirs.Id == own.Id) return own ?? theirs;
        return texts.Count(t => Reads(theirs, t)) > texts.Count(t => Reads(own, t)) ? theirs : own;
    }

    /// <summary>The model that embeds <paramref name="language"/>, when the catalog has one that does.</summary>
    private EmbeddingModelInfo? ModelOf(string language)
    {
        var modelId = _catalog!.ModelForLanguage(language);
        var model = _catalog.Models.FirstOrDefault(m => m.Id == modelId);
        return model is not null && model.Languages.Contains(language) ? model : null;
    }

    /// <summary>Whether the model embeds text of this unit's language (<see cref="TextLanguage.Of"/>: an English row naming one Chinese supplier stays English).</summary>
    private static bool Reads(EmbeddingModelInfo model, string text) =>
        text.Any(char.IsLetter) && model.Languages.Contains(TextLanguage.Of(text));

    /// <summary>Mostly Latin letters (<see cref="TextLanguage.IsEnglish"/>).</summary>
    public static bool IsEnglish(string text) => TextLanguage.IsEnglish(text);

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
