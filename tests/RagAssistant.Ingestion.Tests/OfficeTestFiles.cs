using Microsoft.Extensions.Options;
using RagAssistant.Core.Documents;
using RagAssistant.Ingestion.Readers;
using RagAssistant.Testing;

namespace RagAssistant.Ingestion.Tests;

/// <summary>Reads corpus and shared Office files with the real readers.</summary>
internal static class OfficeTestFiles
{
    public static IOptions<IngestionOptions> Options(Action<IngestionOptions>? change = null)
    {
        var options = new IngestionOptions();
        change?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static ParsedDocument Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var input = ReaderTestInput.For(Path.GetFileName(path), bytes);
        IDocumentReader reader = input.Content.Type == "docx" ? new DocxReader(Options()) : new XlsxReader(Options());
        return reader.Read(input, default);
    }

    public static string Corpus(string name) => Path.Combine(RepositoryPaths.Corpus, name);

    public static string Shared(string name) => Path.Combine(RepositoryPaths.SharedTestData, "office", name);

    /// <summary>All text a document carries: headings, paragraphs, table headers and cells, records.</summary>
    public static string AllText(ParsedDocument document) => string.Join('\n', document.Blocks.Select(b => b switch
    {
        HeadingBlock h => h.Text,
        ParagraphBlock p => p.Text,
        RecordBlock r => r.Text,
        TableBlock t => string.Join('\n', t.Rows.Select(r => string.Join(" | ", r.Cells)).Prepend(string.Join(" | ", t.Header))),
        _ => "",
    }));
}
