using RagAssistant.Core.Text;
using RagAssistant.Ingestion;
using RagAssistant.Ingestion.Chunking;
using RagAssistant.Ingestion.Classification;
using RagAssistant.Ingestion.Detection;
using RagAssistant.Ingestion.Readers;

namespace RagAssistant.Cli.Bench;

/// <summary>The corpus's chunks as ingestion makes them (real readers and chunker), without a database.</summary>
internal static class CorpusChunks
{
    /// <summary>Indexed texts of the chunks with no CJK character, in corpus order.</summary>
    public static List<string> English(string folder, ReaderRegistry readers, DocumentChunker chunker) =>
        All(folder, readers, chunker).Where(t => !CjkText.ContainsCjk(t)).ToList();

    /// <summary>Indexed texts of the chunks with a CJK character (what the Chinese model embeds), in corpus order.</summary>
    public static List<string> Chinese(string folder, ReaderRegistry readers, DocumentChunker chunker) =>
        All(folder, readers, chunker).Where(t => CjkText.ContainsCjk(t)).ToList();

    private static List<string> All(string folder, ReaderRegistry readers, DocumentChunker chunker)
    {
        var texts = new List<string>();
        foreach (var file in SourceFiles.Expand([folder]))
        {
            var bytes = File.ReadAllBytes(file.FullPath);
            var fileName = Path.GetFileName(file.FullPath);
            var content = ContentTypeDetector.Detect(bytes, fileName);
            if (readers.For(content.Type) is not { } reader) continue;
            var parsed = reader.Read(new ReaderInput(fileName, bytes, content), CancellationToken.None);
            var title = TitleRules.Choose(parsed.Title, fileName);
            var (kind, revision) = DocumentClassifier.Classify(parsed, title);
            texts.AddRange(chunker.Chunk(parsed, IngestionPipeline.ContextLabel(title, kind, revision)).Select(c => c.IndexedText));
        }
        return texts;
    }
}
