using System.Text.Json;
using RagAssistant.Core.Text;
using RagAssistant.Embeddings.Tokenization;

namespace RagAssistant.Embeddings.Models;

/// <summary>
/// Resolves <see cref="EmbeddingOptions.Model"/> into an <see cref="EmbeddingModel"/>: the built-in model, or a folder
/// in the Hugging Face ONNX export layout. Settings come from the folder's files and are overridden by the options:
/// lower-casing from tokenizer_config.json (do_lower_case) or tokenizer.json's normaliser; max length from
/// max_position_embeddings / model_max_length; dimension from hidden_size; pooling from 1_Pooling/config.json, else CLS
/// for bge models, else mean; the query prompt from config_sentence_transformers.json.
/// </summary>
public static class EmbeddingModelLoader
{
    public const string CudaGraphFile = "model.fp16.pooled.onnx";

    /// <summary>Checks that the configured model's files are there, without reading the graph; null when fine.</summary>
    public static string? Problem(EmbeddingOptions options)
    {
        if (IsBuiltin(options))
            return File.Exists(BuiltinModel.AssemblyPath) ? null
                : $"the built-in embedding model is missing ({BuiltinModel.AssemblyPath}); rebuild the program or set Rag:Embeddings:Model to a model folder";
        var folder = Path.GetFullPath(options.Model);
        if (!Directory.Exists(folder))
            return $"embedding model folder {folder} does not exist (Rag:Embeddings:Model; use \"builtin\" for the built-in model)";
        if (FindGraph(folder) is null)
            return $"embedding model folder {folder} has no model.onnx (nor onnx/model.onnx) (Rag:Embeddings:Model)";
        if (!File.Exists(Path.Combine(folder, "vocab.txt")) && !File.Exists(Path.Combine(folder, "tokenizer.json")))
            return $"embedding model folder {folder} has neither vocab.txt nor tokenizer.json (Rag:Embeddings:Model)";
        return null;
    }

    public static EmbeddingModel Load(EmbeddingOptions options)
    {
        if (Problem(options) is { } problem) throw new EmbeddingModelException(problem);
        return IsBuiltin(options) ? LoadBuiltin(options) : LoadFolder(Path.GetFullPath(options.Model), options);
    }

    private static bool IsBuiltin(EmbeddingOptions options) =>
        string.Equals(options.Model, EmbeddingOptions.BuiltinModel, StringComparison.OrdinalIgnoreCase);

    private static EmbeddingModel LoadBuiltin(EmbeddingOptions options)
    {
        var vocabulary = WordPieceVocabulary.FromVocabTxt(new MemoryStream(BuiltinModel.ReadResource("vocab.txt")));
        return new EmbeddingModel
        {
            Id = BuiltinModel.Id,
            Location = BuiltinModel.AssemblyPath,
            LoadGraph = () => new ModelGraph(null, BuiltinModel.ReadResource("model.onnx")),
            CudaGraphPath = FindCudaGraph(options,
                Path.Combine(AppContext.BaseDirectory, "models", BuiltinModel.Name),
                Path.Combine("..", "shared", "models", BuiltinModel.Name)),
            Tokenizer = new WordPieceTokenizer(vocabulary, lowerCase: true),
            MaxLength = Cap(options.MaxLength, BuiltinModel.MaxLength),
            Dimension = BuiltinModel.Dimension,
            Pooling = Pooling(options.Pooling, PoolingMode.Mean),
            QueryPrefix = options.QueryPrefix ?? "",
            PassagePrefix = options.PassagePrefix ?? "",
            ChineseCharacters = CountChinese(vocabulary),
        };
    }

    private static EmbeddingModel LoadFolder(string folder, EmbeddingOptions options)
    {
        var config = ReadJson(folder, "config.json");
        var tokenizerConfig = ReadJson(folder, "tokenizer_config.json");
        var vocabTxt = Path.Combine(folder, "vocab.txt");
        var tokenizerJson = Path.Combine(folder, "tokenizer.json");
        WordPieceVocabulary vocabulary;
        bool? normaliserLowercase = null;
        if (File.Exists(vocabTxt))
        {
            using var stream = File.OpenRead(vocabTxt);
            vocabulary = WordPieceVocabulary.FromVocabTxt(stream);
        }
        else
        {
            using (var stream = File.OpenRead(tokenizerJson)) vocabulary = WordPieceVocabulary.FromTokenizerJson(stream);
            using var json = JsonDocument.Parse(File.ReadAllBytes(tokenizerJson));
            if (json.RootElement.TryGetProperty("normalizer", out var n) && n.ValueKind == JsonValueKind.Object && n.TryGetProperty("lowercase", out var lc))
                normaliserLowercase = lc.GetBoolean();
        }

        var lowerCase = Bool(tokenizerConfig, "do_lower_case") ?? normaliserLowercase ?? true;
        var positions = Int(config, "max_position_embeddings") ?? 512;
        var modelMax = Int(tokenizerConfig, "model_max_length") is { } m && m > 0 && m <= positions ? m : positions;
        var name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
        var defaultPooling = ReadPooling(folder) ?? (name.Contains("bge", StringComparison.OrdinalIgnoreCase) ? PoolingMode.Cls : PoolingMode.Mean);
        var graph = FindGraph(folder)!;
        return new EmbeddingModel
        {
            Id = "folder:" + name,
            Location = folder,
            LoadGraph = () => new ModelGraph(graph, null),
            CudaGraphPath = FindCudaGraph(options, folder),
            Tokenizer = new WordPieceTokenizer(vocabulary, lowerCase),
            MaxLength = Cap(options.MaxLength, modelMax),
            Dimension = Int(config, "hidden_size") ?? 0,
            Pooling = Pooling(options.Pooling, defaultPooling),
            QueryPrefix = options.QueryPrefix ?? ReadPrompt(folder, "query") ?? "",
            PassagePrefix = options.PassagePrefix ?? ReadPrompt(folder, "passage") ?? ReadPrompt(folder, "document") ?? "",
            ChineseCharacters = CountChinese(vocabulary),
        };
    }

    private static string? FindGraph(string folder) =>
        new[] { Path.Combine(folder, "model.onnx"), Path.Combine(folder, "onnx", "model.onnx") }.FirstOrDefault(File.Exists);

    private static string? FindCudaGraph(EmbeddingOptions options, params string[] folders)
    {
        if (!string.IsNullOrWhiteSpace(options.CudaModel))
        {
            var path = Path.GetFullPath(options.CudaModel);
            return File.Exists(path) ? path
                : throw new EmbeddingModelException($"Rag:Embeddings:CudaModel names {path}, which does not exist");
        }
        return folders.Select(f => Path.GetFullPath(Path.Combine(f, CudaGraphFile))).FirstOrDefault(File.Exists);
    }

    private static int Cap(int configured, int model) => configured > 0 ? Math.Min(configured, model) : model;

    private static PoolingMode Pooling(string configured, PoolingMode fallback) => configured.ToLowerInvariant() switch
    {
        "mean" => PoolingMode.Mean,
        "cls" => PoolingMode.Cls,
        _ => fallback,
    };

    /// <summary>sentence-transformers' 1_Pooling/config.json, when the export kept it.</summary>
    private static PoolingMode? ReadPooling(string folder)
    {
        using var json = ReadJson(folder, Path.Combine("1_Pooling", "config.json"));
        if (Bool(json, "pooling_mode_cls_token") == true) return PoolingMode.Cls;
        if (Bool(json, "pooling_mode_mean_tokens") == true) return PoolingMode.Mean;
        return null;
    }

    private static string? ReadPrompt(string folder, string name)
    {
        using var json = ReadJson(folder, "config_sentence_transformers.json");
        return json is not null && json.RootElement.TryGetProperty("prompts", out var prompts) && prompts.ValueKind == JsonValueKind.Object
               && prompts.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } s ? s : null;
    }

    private static int CountChinese(WordPieceVocabulary vocabulary)
    {
        var count = 0;
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var token = vocabulary.TokenOf(id);
            if (token.Length == 1 && CjkText.IsCjk(token[0])) count++;
        }
        return count;
    }

    private static JsonDocument? ReadJson(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new EmbeddingModelException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static bool? Bool(JsonDocument? json, string name) =>
        json is not null && json.RootElement.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static int? Int(JsonDocument? json, string name) =>
        json is not null && json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
