using System.ComponentModel.DataAnnotations;

namespace RagAssistant.Embeddings;

/// <summary>The embedding model and how it runs. Bound from the configuration section <c>Rag:Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Rag:Embeddings";
    public const string BuiltinModel = "builtin";

    /// <summary>
    /// <c>builtin</c> (all-MiniLM-L6-v2, shipped with the program; English-centred) or a model folder in the Hugging
    /// Face ONNX export layout: <c>model.onnx</c> (or <c>onnx/model.onnx</c>) + <c>vocab.txt</c> or <c>tokenizer.json</c>,
    /// with <c>config.json</c> / <c>tokenizer_config.json</c> when present. Relative folders are taken from the working
    /// directory. Default <c>builtin</c>.
    /// </summary>
    [Required]
    public string Model { get; set; } = BuiltinModel;

    /// <summary><c>auto</c> (CUDA when a GPU is usable, else CPU), <c>cpu</c> or <c>cuda</c> (falls back to CPU with the reason). Default <c>auto</c>.</summary>
    [RegularExpression("^(auto|cpu|cuda)$", ErrorMessage = "Rag:Embeddings:Device must be auto, cpu or cuda")]
    public string Device { get; set; } = "auto";

    /// <summary>CUDA device ordinal. Default 0.</summary>
    [Range(0, 64)]
    public int DeviceId { get; set; }

    /// <summary>
    /// The share of the time a document's embedding may take while questions or searches are in flight: after each
    /// batch it waits up to that batch's time × (1 − share) / share for them to finish (questions first; ingestion never
    /// stops). 1 = no waiting (only the session's priority for questions). Default 0.4.
    /// </summary>
    [Range(0.05, 1.0)]
    public double BackgroundShare { get; set; } = 0.4;

    /// <summary>Texts per inference call; 0 chooses 32 on CPU and 256 on CUDA. Default 0.</summary>
    [Range(0, 8192)]
    public int BatchSize { get; set; }

    /// <summary>Most tokens per text, [CLS] and [SEP] included; longer texts are cut and counted in a warning. 0 takes the model's own (max_position_embeddings / model_max_length, 512 for the built-in model). Default 0.</summary>
    [Range(0, 8192)]
    public int MaxLength { get; set; }

    /// <summary>Prefix or instruction put before queries, e.g. <c>为这个句子生成表示以用于检索相关文章：</c> (bge-*-zh) or <c>query: </c> (e5). Null takes the model folder's config_sentence_transformers.json prompt, if any. Default none.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Prefix put before stored passages, e.g. <c>passage: </c> (e5). Default none.</summary>
    public string? PassagePrefix { get; set; }

    /// <summary><c>auto</c> (a graph output <c>sentence_embedding</c> is used as is; else 1_Pooling/config.json, else CLS for bge models, else mean), <c>mean</c> or <c>cls</c>. Default <c>auto</c>.</summary>
    [RegularExpression("^(auto|mean|cls)$", ErrorMessage = "Rag:Embeddings:Pooling must be auto, mean or cls")]
    public string Pooling { get; set; } = "auto";

    /// <summary>
    /// A fused fp16 graph with pooling inside (output <c>sentence_embedding</c>) used instead of the fp32 model on CUDA.
    /// Empty: <c>model.fp16.pooled.onnx</c> in the model folder; for the built-in model also
    /// <c>models/all-MiniLM-L6-v2/</c> beside the program and <c>../shared/models/all-MiniLM-L6-v2/</c> from the working directory.
    /// </summary>
    public string? CudaModel { get; set; }

    /// <summary>Threads ONNX Runtime uses on the CPU; 0 = every core. Default 0.</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }
}
