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
/// <c>builtin</c> is the built-in pair: all-MiniLM-L6-v2 for English text and bge-small-zh-v1.5 for Chinese and mixed
/// text; <c>builtin:all-MiniLM-L6-v2</c> or <c>builtin:bge-small-zh-v1.5</c> names one of them alone.
/// </summary>
public static class EmbeddingModelLoader
{
    public const string CudaGraphFile = "model.fp16.pooled.onnx";

    /// <summary>Checks that the configured model's files are there, without reading the graph; null when fine.</summary>
    public static string? Problem(EmbeddingOptions options)
    {
        var builtin = BuiltinNames(options);
        if (builtin is not null)
            return builtin.Select(BuiltinProblem).FirstOrDefault(p => p is not null);
        var folder = Path.GetFullPath(options.Model);
        if (!Directory.Exists(folder))
            return $"embedding model folder {folder} does not exist (Rag:Embeddings:Model; use \"builtin\" for the built-in model)";
        if (FindGraph(folder) is null)
            return $"embedding model folder {folder} has no model.onnx (nor onnx/model.onnx) (Rag:Embeddings:Model)";
        if (!File.Exists(Path.Combine(folder, "vocab.txt")) && !File.Exists(Path.Combine(folder, "tokenizer.json")))
            return $"embedding model folder {folder} has neither vocab.txt nor tokenizer.json (Rag:Embeddings:Model)";
        return null;
    }

    /// <summary>The primary model (the first of <see cref="LoadAll"/>).</summary>
    public static EmbeddingModel Load(EmbeddingOptions options) => LoadAll(options)[0];

    /// <summary>Every configured model, the primary one first (the English model of the built-in pair).</summary>
    public static IReadOnlyList<EmbeddingModel> LoadAll(EmbeddingOptions options)
    {
        if (Problem(options) is { } problem) throw new EmbeddingModelException(problem);
        var builtin = BuiltinNames(options);
        if (builtin is null) return [LoadFolder(Path.GetFullPath(options.Model), options)];
        if (builtin.Count == 1) return [builtin[0] == BuiltinModel.Name ? LoadBuiltin(options) : LoadBuiltinChinese(options)];
        return [LoadBuiltin(options) with { Languages = ["en"] }, LoadBuiltinChinese(options) with { Languages = ["zh"] }];
    }

    /// <summary>The built-in models <see cref="EmbeddingOptions.Model"/> names, or null for a model folder.</summary>
    private static IReadOnlyList<string>? BuiltinNames(EmbeddingOptions options)
    {
        var model = options.Model.Trim();
        if (string.Equals(model, EmbeddingOptions.BuiltinModel, StringComparison.OrdinalIgnoreCase)) return [BuiltinModel.Name, BuiltinChineseModel.Name];
        if (string.Equals(model, BuiltinModel.Id, StringComparison.OrdinalIgnoreCase)) return [BuiltinModel.Name];
        if (string.Equals(model, BuiltinChineseModel.Id, StringComparison.OrdinalIgnoreCase)) return [BuiltinChineseModel.Name];
        return null;
    }

    private static string? BuiltinProblem(string name) => name == BuiltinModel.Name
        ? File.Exists(BuiltinModel.AssemblyPath) ? null
            : $"the built-in embedding model is missing ({BuiltinModel.AssemblyPath}); rebuild the program or set Rag:Embeddings:Model to a model folder"
        : BuiltinChineseModel.Problem();

    /// <summary>bge-small-zh-v1.5 from models/bge-small-zh-v1.5/ beside the program, with its retrieval instruction on queries and CLS pooling.</summary>
    private static EmbeddingModel LoadBuiltinChinese(EmbeddingOptions options)
    {
        var folder = LoadFolder(BuiltinChineseModel.Folder, options);
        return folder with
        {
            Id = BuiltinChineseModel.Id,
            Pooling = Pooling(options.Pooling, PoolingMode.Cls),
            QueryPrefix = BuiltinChineseModel.QueryInstruction,
            PassagePrefix = "",
            BuildCudaGraph = logger => BuiltinChineseModel.Fp16Graph(logger),
        };
    }

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

    /// <summary>model.onnx, onnx/model.onnx, or an int8 export's onnx/model_quantized.onnx (Transformers.js layout).</summary>
    private static string? FindGraph(string folder) =>
        new[] { Path.Combine(folder, "model.onnx"), Path.Combine(folder, "onnx", "model.onnx"), Path.Combine(folder, "onnx", "model_quantized.onnx") }
            .FirstOrDefault(File.Exists);

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
